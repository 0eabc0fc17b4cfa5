package filter

import (
	"errors"
	"strconv"
	"strings"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/timezone"
)

// Error is one fault in a request: the variable it is in ("path" for the
// path, "query" for the query string as a whole), the 0-based byte offset in
// the variable's decoded value (-1 when the whole value is at fault), what
// was expected, and a hint where one helps.
type Error struct {
	Variable string `json:"variable"`
	Pos      int    `json:"pos"`
	Msg      string `json:"message"`
	Hint     string `json:"hint,omitempty"`
	Code     Code   `json:"code,omitempty"` // the kind of fault (codes.go); "" where none is set yet
}

// Error returns the fault on one line: `d: 11: hour 25 is out of range (hint)`.
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
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// ErrorList is every fault found in one request, in the order of the request.
type ErrorList []*Error

// Add appends a fault.
func (l *ErrorList) Add(variable string, pos int, msg, hint string) {
	*l = append(*l, &Error{Variable: variable, Pos: pos, Msg: msg, Hint: hint})
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

// addCause records a fault reported by the date or zone parsers under variable.
func (l *ErrorList) addCause(variable string, err error) {
	var de *daterange.Error
	var ze *timezone.Error
	switch {
	case errors.As(err, &de):
		l.Add(variable, de.Pos, de.Msg, de.Hint)
	case errors.As(err, &ze):
		l.Add(variable, -1, ze.Msg+" "+quote(ze.Name), ze.Hint())
	default:
		l.Add(variable, -1, err.Error(), "")
	}
}
