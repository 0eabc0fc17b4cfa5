package jsonw

import (
	"encoding/json"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// TestStringAsMarshal: for any text, valid UTF-8 or not, String writes what
// json.Marshal writes.
func TestStringAsMarshal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(
			rapid.String(),
			rapid.StringOf(rapid.RuneFrom([]rune{'<', '>', '&', '"', '\\', '\b', '\f', '\n', '\r', '\t', 0, 0x1f, 0x7f, '\u2028', '\u2029', 'é', 'a', utf8RuneError})),
			rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }),
		).Draw(t, "s")
		want, _ := json.Marshal(s)
		if got := String(nil, s); string(got) != string(want) {
			t.Fatalf("String(%q) = %s, json.Marshal = %s", s, got, want)
		}
	})
}

const utf8RuneError = '\uFFFD'

func TestStringsAndKeys(t *testing.T) {
	b := append([]byte(nil), '{')
	b = Key(b, "a")
	b = Strings(b, nil)
	b = Key(b, "b<")
	b = Strings(b, []string{"x", "y&"})
	b = Key(b, "n")
	b = Int(b, -12)
	b = append(b, '}')
	want, _ := json.Marshal(struct {
		A []string `json:"a"`
		B []string `json:"b<"`
		N int      `json:"n"`
	}{[]string{}, []string{"x", "y&"}, -12})
	if string(b) != string(want) {
		t.Errorf("got %s, want %s", b, want)
	}
}

// TestCompactAsMarshal: a RawMessage holding any valid JSON text is
// written by json.Marshal as Compact writes it.
func TestCompactAsMarshal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		parts := rapid.SliceOf(rapid.SampledFrom([]string{" ", "\n", `"a b"`, `"<&>"`, "\"\u2028\u2029\"", `"\"\\"`, `"\u003c"`, "1", "-2.5e3", "true", "null", `"é\xff"`})).Draw(t, "parts")
		raw := "[" + strings.Join(parts, ",") + "]"
		var v any
		if json.Unmarshal([]byte(raw), &v) != nil {
			return
		}
		want, err := json.Marshal(json.RawMessage(raw))
		if err != nil {
			t.Fatal(err)
		}
		if got := Compact(nil, raw); string(got) != string(want) {
			t.Fatalf("Compact(%q) = %s, json.Marshal = %s", raw, got, want)
		}
	})
}
