package querybuilder

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/recq/recq/filter"
)

// Error is a fault in one rule or group of a rule group: the key of the rule
// at fault (its id, or its place as "#/rules/0" when it has none; the
// group's key for a fault of the whole), the query variable, and the
// reason, as react-querybuilder's validator shows it.
type Error struct {
	Rule     string `json:"rule"`
	Variable string `json:"variable,omitempty"`
	Reason
}

// Reason is why a rule is not valid: a stable code (filter/codes.go), a
// message, a hint, and replacement values, best first.
type Reason struct {
	Code        filter.Code `json:"code"`
	Message     string      `json:"message"`
	Hint        string      `json:"hint,omitempty"`
	Suggestions []string    `json:"suggestions"`
	// Span is where in the rule's value a fault of the filter lies; nil
	// for a fault of the rule as a whole.
	Span *ValueSpan `json:"valueSpan,omitempty"`
}

// ValueSpan is a span [Start, End) of bytes of a rule's value: of its
// item Item when the value is an array or a comma-separated list (in,
// between), else of the value itself (Item 0).
type ValueSpan struct {
	Item  int `json:"item"`
	Start int `json:"start"`
	End   int `json:"end"`
}

// Error returns the fault on one line.
func (e *Error) Error() string {
	s := "rule " + strconv.Quote(e.Rule) + ": " + e.Message
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// ErrorList is every fault of one rule group, in the order of its rules.
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

// Unwrap gives errors.As access to each fault.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// reasonOf is the reason of a fault the library found: what filter.Error
// carries (code, message, hint, suggestions) as its JSON form carries it,
// each text with every byte of invalid UTF-8 as U+FFFD (it once went
// through json.Marshal and json.Unmarshal; json_ref_test.go holds the two
// to each other), and suggestions never nil.
func reasonOf(e *filter.Error) Reason {
	r := Reason{Code: filter.Code(validUTF8(string(e.Code))), Message: validUTF8(e.Msg), Hint: validUTF8(e.Hint), Suggestions: make([]string, len(e.Suggestions))}
	for i, s := range e.Suggestions {
		r.Suggestions[i] = validUTF8(s)
	}
	if r.Message == "" {
		r.Message = e.Msg
	}
	return r
}

// validUTF8 replaces each byte of invalid UTF-8 in s with U+FFFD, as
// encoding/json writes it.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
