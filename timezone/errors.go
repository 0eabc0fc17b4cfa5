package timezone

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error reports a time zone name that cannot be loaded.
type Error struct {
	Name        string   // the name as given
	Msg         string   // what is wrong, e.g. "unknown time zone"
	Suggestions []string // zone names to offer instead, best first; may be empty

	// Code is CodeUnknownZone for a name that is no zone, or CodeInternal
	// when the embedded data cannot be read (docs/ERRORS.md).
	Code string
}

// The codes of an Error, as package filter lists them.
const (
	CodeUnknownZone = "unknown-zone"
	CodeInternal    = "internal"
)

// maxShownName bounds how much of Name the message quotes.
const maxShownName = 64

// Error returns a one-line message such as
//
//	unknown time zone "Amercia/New_York"; did you mean America/New_York?
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Msg)
	b.WriteByte(' ')
	b.WriteString(strconv.Quote(shorten(e.Name)))
	if h := e.Hint(); h != "" {
		b.WriteString("; ")
		b.WriteString(h)
	}
	return b.String()
}

// Hint returns advice for fixing the name, or "" when there is none:
// "time zone names are case-sensitive: write America/New_York",
// "did you mean America/New_York?", or, for an offset such as "+05:00" given
// as a zone, how to write a fixed offset as an IANA name.
func (e *Error) Hint() string {
	s := e.Suggestions
	if len(s) == 1 && strings.Contains(e.Name, " ") && s[0] == strings.ReplaceAll(e.Name, " ", "+") {
		return `a "+" in a URL query decodes to a space (write %2B): write ` + s[0]
	}
	if o, ok := parseOffset(e.Name); ok {
		return offsetHint(o)
	}
	if len(s) == 1 && s[0] != e.Name && asciiLower(s[0]) == asciiLower(e.Name) {
		return "time zone names are case-sensitive: write " + s[0]
	}
	if len(s) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("did you mean ")
	for i, n := range s {
		switch {
		case i == 0:
		case i == len(s)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	b.WriteByte('?')
	return b.String()
}

// shorten cuts a long name for display, at a UTF-8 boundary where possible.
func shorten(s string) string {
	if len(s) <= maxShownName {
		return s
	}
	i := maxShownName
	for i > maxShownName-utf8.UTFMax && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}
