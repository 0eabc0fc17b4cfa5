package expr

import (
	"strconv"
	"strings"
)

// The codes of faults in a filter (docs/ERRORS.md). Date values keep the
// codes of package daterange (bad-date, bad-date-part, plus-as-space, …).
const (
	CodeSyntax       = "filter-syntax"    // an unexpected or missing character, an unclosed parenthesis or quote
	CodeUnknownSel   = "unknown-selector" // a name that is no selector of the resource
	CodeOperatorType = "operator-type"    // an operator the selector's kind does not take
	CodeBadValue     = "bad-value"        // a value that is not of the selector's kind
	CodeTooDeep      = "too-deep"         // more than MaxDepth nested parentheses
	CodeEmptyValue   = "empty-value"      // a value with no text
	CodePlusAsSpace  = "plus-as-space"    // a '+' that arrived as a space
	CodeTooMany      = "too-many-faults"  // more faults than the caller's bound
)

// Error is one fault in a filter: its code, the span [Start, End) of the
// decoded filter text at fault (empty where something is missing),
// what is wrong, a hint, and replacement texts for the span, best first.
type Error struct {
	Code        string
	Start, End  int
	Msg, Hint   string
	Suggestions []string
}

// Error returns the fault on one line: "12: unknown selector "agentId"; did you mean agentID?".
func (e *Error) Error() string {
	s := strconv.Itoa(e.Start) + ": " + e.Msg
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// ErrorList is the faults of one filter, in the order of its text.
type ErrorList []*Error

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

// add appends a fault.
func (l *ErrorList) add(code string, start, end int, msg, hint string, sugg ...string) *Error {
	e := &Error{Code: code, Start: start, End: end, Msg: msg, Hint: hint, Suggestions: sugg}
	*l = append(*l, e)
	return e
}

// quote quotes s for a message, cut to 64 bytes.
func quote(s string) string {
	if len(s) > 64 {
		return strconv.Quote(strings.ToValidUTF8(s[:64], "\uFFFD")) + "…"
	}
	return strconv.Quote(s)
}

// describe names the character at s[i] for a message: 'x', or "the end".
func describe(s string, i int) string {
	if i >= len(s) {
		return "the end of the filter"
	}
	r := []rune(s[i:min(len(s), i+4)])
	if len(r) == 0 {
		return "the end of the filter"
	}
	if r[0] == ' ' {
		return "a space"
	}
	return strconv.QuoteRune(r[0])
}
