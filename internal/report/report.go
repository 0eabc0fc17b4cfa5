// Package report builds what `recq parse` prints (docs/LANGUAGE.md §9) for
// the browser module (cmd/recq-wasm): the accepted request as a
// recq.Report, or its faults as an encode.Rejection. Both are the library's
// public types, so the command, the module and a user's program print the
// same objects; a test in cmd/recq holds the module's to the command's
// bytes for every conformance case.
package report

import (
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// Accepted is what recq parse prints for an accepted request.
type Accepted = recq.Report

// Window is a resolved window of an Accepted.
type Window = recq.Window

// Refused is what recq parse prints for a refused request: the first fault
// as error, and every fault in errors.
type Refused = encode.Rejection

// Parse parses and resolves one request at the clock reading now, for a
// tenant whose zone is tenant, and returns an *Accepted or a *Refused.
func Parse(method, target string, now time.Time, tenant *time.Location) any {
	q, err := filter.Parse(method, target)
	if err != nil {
		return Refusal(err)
	}
	return Describe(q, now, tenant)
}

// Describe resolves a checked query and returns an *Accepted, or a *Refused
// when it is refused once resolved (a range reversed at the clock, an
// instant outside the years 0000 to 9999).
func Describe(q *filter.Query, now time.Time, tenant *time.Location) any {
	r, err := recq.Describe(q, now, tenant)
	if err != nil {
		return Refusal(err)
	}
	return &r
}

// Refusal is the faults of err: its filter.ErrorList, or one internal
// fault of the whole query for any other error, as recq parse prints it.
func Refusal(err error) *Refused {
	list := filter.Faults(err)
	if list == nil {
		list = filter.ErrorList{{Code: filter.CodeInternal, Variable: "query", Pos: -1, Msg: err.Error()}}
	}
	r := encode.NewRejection(list)
	return &r
}
