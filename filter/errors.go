package filter

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/timezone"
)

// Error is one fault in a request: its stable Code, the variable it is in
// ("path" for the path, "query" for the query string as a whole, "method"
// for the method), the 0-based byte offset in the variable's decoded value
// (-1 when the whole value is at fault), what was expected, and a hint where
// one helps.
//
// Span is the text at fault in the request exactly as given to [Parse]
// (before percent-decoding, so %20 is three bytes; for a whole URL, offsets
// into the whole URL), and UTF16 the same span in UTF-16 code units, for
// JavaScript. Suggestions are replacement texts for Span, best first, each
// written as the request needs it (percent-encoded where it must be).
// Faults of the JSON form ([Query.UnmarshalJSON]) give the key path the user
// wrote in JSONPath and spans into the JSON text. docs/ERRORS.md lists every
// code and says how spans are counted.
type Error struct {
	Code        Code     `json:"code"`
	Variable    string   `json:"variable"`
	JSONPath    string   `json:"path,omitempty"`
	Pos         int      `json:"pos"`
	Span        Span     `json:"span"`
	UTF16       Span     `json:"utf16"`
	Msg         string   `json:"message"`
	Hint        string   `json:"hint,omitempty"`
	Suggestions []string `json:"suggestions"`
}

// MarshalJSON writes the fault with "suggestions" always an array.
func (e Error) MarshalJSON() ([]byte, error) {
	type plain Error // without this method
	if e.Suggestions == nil {
		e.Suggestions = []string{}
	}
	return json.Marshal(plain(e))
}

// Error returns the fault on one line: `d: 11: hour 25 is out of range 00–24; hint`.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Variable)
	if e.Pos >= 0 {
		b.WriteString(": ")
		b.WriteString(strconv.Itoa(e.Pos))
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// ErrorList is every fault found in one request, in the order of the request.
type ErrorList []*Error

// Add appends a fault of code c in variable at pos (an offset in the decoded
// value, or -1), whose text is span of the request.
func (l *ErrorList) Add(c Code, variable string, pos int, span Span, msg, hint string, suggestions ...string) *Error {
	e := &Error{Code: c, Variable: variable, Pos: pos, Span: span, Msg: msg, Hint: hint, Suggestions: suggestions}
	*l = append(*l, e)
	return e
}

// Error returns the first fault and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return l[0].Error() + " (and " + strconv.Itoa(len(l)-1) + " more)"
}

// Err returns nil for an empty list, else the list.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap gives errors.As and errors.Is access to each fault.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// setUTF16 fills in each fault's UTF16 span from its byte span in text,
// in one pass over text whatever the number of faults.
func (l ErrorList) setUTF16(text string) {
	type ref struct {
		off int
		dst *int
	}
	refs := make([]ref, 0, 2*len(l))
	for _, e := range l {
		refs = append(refs, ref{e.Span.Start, &e.UTF16.Start}, ref{e.Span.End, &e.UTF16.End})
	}
	slices.SortFunc(refs, func(a, b ref) int { return a.off - b.off })
	i, n := 0, 0
	for _, r := range refs {
		i, n = utf16Advance(text, i, n, r.off)
		*r.dst = n
	}
}

// utf16Offset converts a byte offset in s into an offset in UTF-16 code
// units, as JavaScript indexes strings: a rune above U+FFFF counts two, and
// each byte that is not valid UTF-8 counts one (it reads as U+FFFD). An
// offset inside a rune counts that rune whole; offsets are clamped to s.
func utf16Offset(s string, off int) int {
	_, n := utf16Advance(s, 0, 0, off)
	return n
}

// utf16Advance continues utf16Offset from byte i, where n units were
// counted, up to off; it returns where it stopped and the count.
func utf16Advance(s string, i, n, off int) (int, int) {
	off = max(0, min(off, len(s)))
	for i < off {
		if i+8 <= off && s[i]|s[i+1]|s[i+2]|s[i+3]|s[i+4]|s[i+5]|s[i+6]|s[i+7] < utf8.RuneSelf {
			i, n = i+8, n+8 // eight ASCII bytes, eight units
			continue
		}
		if s[i] < utf8.RuneSelf {
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return i, n
}

// addCause records a fault that the date or zone parsers found in the value
// of variable, written at pl: its code, and its span mapped back from the
// decoded value to the request.
func (l *ErrorList) addCause(variable string, err error, pl place) {
	var de *daterange.Error
	var ze *timezone.Error
	var e *Error
	switch {
	case errors.As(err, &de):
		span := pl.whole()
		if de.Pos >= 0 || de.Start != 0 || de.End != len(de.Value) {
			span = pl.at(de.Start, de.End)
		}
		e = l.Add(Code(de.Code), variable, de.Pos, span, de.Msg, de.Hint, pl.escapeAll(de.Suggestions)...)
	case errors.As(err, &ze):
		code := CodeUnknownZone
		if ze.Code == timezone.CodeInternal {
			code = CodeInternal
		}
		e = l.Add(code, variable, -1, pl.whole(), ze.Msg+" "+quote(ze.Name), ze.Hint(), pl.escapeAll(ze.Suggestions)...)
	default:
		e = l.Add(CodeInternal, variable, -1, pl.whole(), err.Error(), "")
	}
	e.JSONPath = pl.path
}

// Caret renders text, the request the fault was found in, on one line with a
// line of carets under the fault's span (one caret for an empty span), for
// terminals. A long request is cut around the span; bytes that are not
// UTF-8 show as U+FFFD, control characters as '?'.
func (e *Error) Caret(text string) string {
	const room = 40
	start := max(0, min(e.Span.Start, len(text)))
	end := max(start, min(e.Span.End, len(text)))
	from, to := max(0, start-room), min(len(text), end+room)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	shown := func(s string) (string, int) {
		var b strings.Builder
		n := 0
		for _, r := range s {
			if r < 0x20 || r == 0x7f {
				r = '?'
			}
			b.WriteRune(r)
			n++
		}
		return b.String(), n
	}
	var line strings.Builder
	if from > 0 {
		line.WriteString("…")
	}
	head, pad := shown(text[from:start])
	mid, width := shown(text[start:end])
	tail, _ := shown(text[end:to])
	line.WriteString(head + mid + tail)
	if to < len(text) {
		line.WriteString("…")
	}
	if from > 0 {
		pad++
	}
	return line.String() + "\n" + strings.Repeat(" ", pad) + strings.Repeat("^", max(1, width))
}
