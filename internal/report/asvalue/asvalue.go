// Package asvalue is what `recq parse` prints (docs/LANGUAGE.md §9), as Go
// values to encode with encoding/json: recq.Describe for an accepted
// request, encode.NewRejection for a refused one, as the command prints
// them. A test in cmd/recq holds the two to the same JSON for every
// conformance case; package report's Append functions, which the browser
// module answers with, are held to these byte for byte.
package asvalue

import (
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// Refused is what recq parse prints for a refused request: the first fault
// as error, and every fault in errors.
type Refused = encode.Rejection

// Parse parses and resolves one request at the clock reading now, for a
// tenant whose zone is tenant, and returns a recq.Report or a *Refused.
func Parse(method, target string, now time.Time, tenant *time.Location) any {
	q, err := filter.Parse(method, target)
	if err != nil {
		return Refusal(err)
	}
	return Describe(q, now, tenant)
}

// Describe resolves a checked query and returns its recq.Report, or a
// *Refused when it cannot be resolved (a range reversed once resolved).
func Describe(q *filter.Query, now time.Time, tenant *time.Location) any {
	r, err := recq.Describe(q, now, tenant)
	if err != nil {
		return Refusal(err)
	}
	return r
}

// Refusal is the faults of err, as recq parse prints them; an error that
// carries no fault of a request is one internal fault of the whole query.
func Refusal(err error) *Refused {
	list := filter.Faults(err)
	if list == nil {
		list = filter.ErrorList{{Code: filter.CodeInternal, Variable: "query", Pos: -1, Msg: err.Error()}}
	}
	r := encode.NewRejection(list)
	return &r
}
