package filter

import (
	"net/url"
	"testing"

	"pgregory.net/rapid"
)

// decode agrees with net/url's QueryUnescape, and refuses exactly what that
// refuses and the texts that hold a control character or invalid UTF-8;
// strings it returned earlier never change as it decodes more into the
// same buffer.
func TestPropertyDecodeAsNetURL(t *testing.T) {
	pieces := []string{"a", "Z", "-", "%20", "+", "%2B", "%25", "%41", "%C3%A9", "é", "%FF", "%00", "%7F", "%", "%2", "%zz", "\x01", "\xff", ":", ","}
	rapid.Check(t, func(t *rapid.T) {
		var buf []byte
		var kept []string
		var want []string
		n := rapid.IntRange(1, 4).Draw(t, "values")
		for range n {
			parts := rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 12).Draw(t, "parts")
			s := ""
			for _, p := range parts {
				s += p
			}
			got, pos, f := decode(s, &buf, 64)
			u, err := url.QueryUnescape(s)
			switch {
			case err != nil:
				if f != badPercent {
					t.Fatalf("decode(%q) = %q, %v; net/url refuses it: %v", s, got, f, err)
				}
			case invalidByte(u) >= 0:
				if f != controlChar && f != notUTF8 || pos != invalidByte(u) {
					t.Fatalf("decode(%q) = %q, fault %v at %d; want the fault at %d", s, got, f, pos, invalidByte(u))
				}
			default:
				if f != noFault || got != u {
					t.Fatalf("decode(%q) = %q, %v; want %q", s, got, f, u)
				}
				kept, want = append(kept, got), append(want, u)
			}
		}
		for i := range kept {
			if kept[i] != want[i] {
				t.Fatalf("a decoded value changed: %q, was %q", kept[i], want[i])
			}
		}
	})
}
