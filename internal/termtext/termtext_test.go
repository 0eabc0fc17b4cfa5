package termtext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, spaces: ok":    "plain text, spaces: ok",
		"é€😀 kept":                  "é€😀 kept",
		"cr\rlf\ntab\t":             `cr\rlf\ntab\t`,
		"esc\x1b[2J":                `esc\x1b[2J`,
		"csi\u009b2K":               `csi\u009b2K`,
		"bidi\u202eevil":            `bidi\u202eevil`,
		"bad\xffbyte":               `bad\xffbyte`,
		"del\x7f":                   `del\x7f`,
		`a backslash \ stays as is`: `a backslash \ stays as is`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// The law: whatever the input (any runes, any bytes), the output is valid
// UTF-8 without a control character or a bidirectional override, and
// escaping it again changes nothing.
func TestPropEscapeLeavesNoControl(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s") + string(rapid.SliceOf(rapid.Byte()).Draw(t, "bytes"))
		got := Escape(s)
		if !utf8.ValidString(got) || strings.ContainsFunc(got, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x202e }) {
			t.Fatalf("Escape(%q) = %q", s, got)
		}
		if Escape(got) != got {
			t.Fatalf("Escape is not idempotent on %q", got)
		}
	})
}
