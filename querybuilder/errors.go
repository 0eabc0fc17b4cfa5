package querybuilder

import (
	"encoding/json"
	"strconv"

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

// reasonOf is the reason of a fault the library found. It goes through the
// fault's JSON form, so that whatever filter.Error carries (code,
// suggestions) reaches the rule's reason.
func reasonOf(e *filter.Error) Reason {
	var r Reason
	if b, err := json.Marshal(e); err == nil {
		_ = json.Unmarshal(b, &r)
	}
	if r.Message == "" {
		r.Message = e.Msg
	}
	if r.Suggestions == nil {
		r.Suggestions = []string{}
	}
	return r
}
