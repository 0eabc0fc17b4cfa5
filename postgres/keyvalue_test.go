package postgres

import "testing"

// TestKeyValue reads the value out of each form of a refused key's detail,
// a value that holds the detail's own punctuation included.
func TestKeyValue(t *testing.T) {
	for _, c := range []struct{ detail, key, value string }{
		{"Key (filename)=(S1/R1.wav) already exists.", "filename", "S1/R1.wav"},
		{"Key (filename)=(S1/R1.wav) is duplicated.", "filename", "S1/R1.wav"},
		{"Key (filename)=(a) conflicts with existing key (filename)=(a).", "filename", "a"},
		{"Key (interaction_guid)=(g) conflicts with key (interaction_guid)=(g).", "interaction_guid", "g"},
		{"Key (filename)=(a)=(b) conflicts with existing key (filename)=(a)=(b).", "filename", "a)=(b"},
		{"Key (filename)=() conflicts with (x) conflicts with existing key (filename)=() conflicts with (x).", "filename", ") conflicts with (x"},
	} {
		key, value, ok := keyValue(c.detail)
		if !ok || key != c.key || value != c.value {
			t.Errorf("keyValue(%q) = %q, %q, %v; want %q, %q", c.detail, key, value, ok, c.key, c.value)
		}
	}
	for _, d := range []string{"", "Key (filename)=(a", "something else", "Key (filename)=(a) conflicts with existing key (filename)=(b)."} {
		if _, v, ok := keyValue(d); ok {
			t.Errorf("keyValue(%q) = %q, want no value", d, v)
		}
	}
}
