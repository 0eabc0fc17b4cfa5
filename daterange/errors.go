package daterange

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a rejected date value: where in the value (a 0-based byte offset,
// or -1 when the whole value is at fault), what was expected there, and a
// hint when one helps. Variable is empty from the bare parsers; callers that
// know which query variable held the value (d, start-date, …) fill it in.
//
// Code, Start, End and Suggestions let a caller point at the fault and offer
// fixes (docs/ERRORS.md): Value[Start:End] is the text at fault (empty at
// the place where something is missing), and each suggestion is a
// replacement for that text that removes this fault.
type Error struct {
	Variable string
	Value    string
	Pos      int
	Msg      string
	Hint     string

	// Code is the kind of fault, one of the date codes of package filter:
	// bad-date, bad-date-part, mixed-forms, decimal-comma, plus-as-space,
	// unsupported-date-form, bad-range or reversed-range.
	Code        string
	Start, End  int
	Suggestions []string
}

// The codes of date faults; package filter lists them with every other code.
const (
	CodeBadDate         = "bad-date"
	CodeBadDatePart     = "bad-date-part"
	CodeMixedForms      = "mixed-forms"
	CodeDecimalComma    = "decimal-comma"
	CodePlusAsSpace     = "plus-as-space"
	CodeUnsupportedDate = "unsupported-date-form"
	CodeBadRange        = "bad-range"
	CodeReversedRange   = "reversed-range"
)

// Error returns the fault on one line: "d: 11: hour 25 is out of range 00–24; hint".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Variable != "" {
		b.WriteString(e.Variable)
		b.WriteString(": ")
	}
	if e.Pos >= 0 {
		b.WriteString(strconv.Itoa(e.Pos))
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Caret renders the value with a caret under the faulty byte, for terminals.
// Long values are cut around the position.
func (e *Error) Caret() string {
	v, pos := e.Value, e.Pos
	const room = 40
	if pos > room {
		cut := pos - room
		v, pos = "…"+v[cut:], room+len("…")
	}
	if len(v) > pos+room {
		v = v[:pos+room] + "…"
	}
	shown := strings.ToValidUTF8(v, "\uFFFD")
	if pos < 0 {
		return shown
	}
	head := strings.ToValidUTF8(safePrefix(v, pos), "\uFFFD")
	return shown + "\n" + strings.Repeat(" ", utf8.RuneCountInString(head)) + "^"
}

// safePrefix returns v[:n], clamped to v's length.
func safePrefix(v string, n int) string {
	if n > len(v) {
		return v
	}
	return v[:n]
}

// shift moves an error found in a part of a larger value to the larger
// value's coordinates.
func (e *Error) shift(value string, by int) *Error {
	e.Value = value
	if e.Pos >= 0 {
		e.Pos += by
	}
	e.Start += by
	e.End += by
	return e
}

// part marks the n bytes at the fault's position as a part of the date out
// of its range.
func (e *Error) part(n int) *Error {
	e.Code = CodeBadDatePart
	e.End = min(e.Start+n, len(e.Value))
	return e
}

// as sets the fault's code.
func (e *Error) as(code string) *Error {
	e.Code = code
	return e
}

// span sets the text at fault to Value[start:end].
func (e *Error) span(start, end int) *Error {
	e.Start, e.End = start, end
	return e
}

// suggest offers replacements for the text at fault, best first.
func (e *Error) suggest(s ...string) *Error {
	e.Suggestions = s
	return e
}

// describe names the byte at s[i] for a message: a quoted character, a hex
// byte for invalid UTF-8, or "the end of the value".
func describe(s string, i int) string {
	if i >= len(s) {
		return "the end of the value"
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size <= 1 {
		return "byte 0x" + strconv.FormatUint(uint64(s[i]), 16)
	}
	if r == 0 {
		return "a NUL byte"
	}
	return strconv.QuoteRune(r)
}
