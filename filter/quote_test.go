package filter

import (
	"strconv"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// quote's fast path for printable ASCII writes what strconv.Quote writes,
// for texts of up to 64 bytes.
func TestPropertyQuoteAsStrconv(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringN(0, 64, -1).Draw(t, "s")
		if rapid.Bool().Draw(t, "ascii") {
			s = rapid.StringMatching(`[ -~]{0,64}`).Draw(t, "printable")
		}
		if len(s) > 64 {
			s = s[:64] // longer texts are cut first, by bytes
			if !utf8.ValidString(s) {
				return
			}
		}
		if got, want := quote(s), strconv.Quote(s); got != want {
			t.Fatalf("quote(%q) = %s, want %s", s, got, want)
		}
	})
}
