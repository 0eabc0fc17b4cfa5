// Package termtext escapes text that came from outside (a file, a server)
// before it is shown on a terminal, so that it never acts on it.
package termtext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every character that is not printable (C0 and C1
// control characters such as CR, ESC and U+009B CSI, bidirectional
// overrides, invalid UTF-8) written as a Go escape (\r, \x1b, \u009b,
// \u202e), so that a message quoting it never moves the cursor, clears a
// line or reorders what a terminal shows. Printable text, spaces included,
// is kept as it is.
func Escape(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case strconv.IsPrint(r):
			b.WriteString(s[i : i+size])
		default:
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}
