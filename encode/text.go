package encode

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/recq/recq/internal/termtext"
)

// checkText applies the one rule of the three readers to a field's text
// (docs/SERVING.md, "Reading records"): it must be UTF-8 and hold
// only characters XML 1.0 can carry (no NUL, no control character but tab,
// LF and CR, no U+FFFE or U+FFFF), the text every writer writes as it is.
// It returns what is wrong, or "".
func checkText(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if sanePlain[c] {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return "is not UTF-8 text: byte " + strconv.Itoa(i) + " is " + strconv.QuoteToASCII(string(s[i:i+1])) + "; save the file as UTF-8"
		}
		if !xmlChar(r) {
			return "holds " + strconv.QuoteRune(r) + " (" + fmt.Sprintf("U+%04X", r) + ") at byte " + strconv.Itoa(i) + ", a character no format of the API can carry"
		}
		i += size
	}
	return ""
}

// escapeText returns s with every character that is not printable (control
// characters, terminal escapes, bidirectional overrides, invalid UTF-8)
// written as a Go escape (\x1b, \u202e), so that a message quoting the
// input never acts on the terminal that shows it. The client escapes the
// text of a server the same way (internal/termtext).
func escapeText(s string) string { return termtext.Escape(s) }

// clean escapes the text of a *ReadError (see escapeText); other errors
// (of the reader) are returned as they are.
func clean(err error) error {
	if re, ok := err.(*ReadError); ok {
		re.Field, re.Msg = escapeText(re.Field), escapeText(re.Msg)
	}
	return err
}
