// Package report builds what `recq parse` prints (docs/LANGUAGE.md §9): the
// accepted request described as JSON, or its faults. The command and the
// browser module (cmd/recq-wasm) print the same objects from it; a test in
// cmd/recq holds the two to the same bytes for every conformance case.
package report

import (
	"errors"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// Accepted is what recq parse prints for an accepted request; keys of absent
// variables are left out.
type Accepted struct {
	Method     string            `json:"method"`
	Resource   string            `json:"resource"`
	ID         string            `json:"id,omitempty"`
	Format     string            `json:"format"`
	Canonical  string            `json:"canonical"`
	Zone       string            `json:"zone"`
	D          *Window           `json:"d,omitempty"`
	StartDate  *Window           `json:"startDate,omitempty"`
	FinishDate *Window           `json:"finishDate,omitempty"`
	Fields     map[string]string `json:"fields,omitempty"`
	MetaData   map[string]string `json:"metaData,omitempty"`
	N          int               `json:"n"`
	Warnings   []filter.Warning  `json:"warnings"`
}

// Window is a resolved window, its ends as time.RFC3339Nano in the query's zone.
type Window struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Refused is what recq parse prints for a refused request: the first fault
// as error, and every fault in errors, each as filter.Error writes itself.
type Refused struct {
	Error  *filter.Error   `json:"error"`
	Errors []*filter.Error `json:"errors"`
}

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
// when a range is reversed once resolved.
func Describe(q *filter.Query, now time.Time, tenant *time.Location) any {
	res, err := q.Resolve(now, tenant)
	if err != nil {
		return Refusal(err)
	}
	out := &Accepted{
		Method:     q.Method,
		Resource:   q.Resource.String(),
		ID:         q.ID,
		Format:     q.Format.String(),
		Canonical:  encode.Canonical(q),
		Zone:       res.Zone.String(),
		D:          window(res.Date),
		StartDate:  window(res.StartDate),
		FinishDate: window(res.FinishDate),
		N:          q.N,
		Warnings:   q.Warnings,
	}
	if out.Warnings == nil {
		out.Warnings = []filter.Warning{}
	}
	if len(q.Fields) > 0 {
		out.Fields = make(map[string]string, len(q.Fields))
		for _, f := range q.Fields {
			out.Fields[f.Name] = f.Value
		}
	}
	if q.HasMetaName || q.HasMetaValue {
		out.MetaData = map[string]string{}
		if q.HasMetaName {
			out.MetaData["fieldName"] = q.MetaName
		}
		if q.HasMetaValue {
			out.MetaData["fieldValue"] = q.MetaValue
		}
	}
	return out
}

// Refusal is the faults of err: a filter.ErrorList, or one fault of the
// whole query for any other error.
func Refusal(err error) *Refused {
	var list filter.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		list = filter.ErrorList{{Variable: "query", Pos: -1, Msg: err.Error()}}
	}
	return &Refused{Error: list[0], Errors: list}
}

func window(w *daterange.Window) *Window {
	if w == nil {
		return nil
	}
	return &Window{From: w.From.Format(time.RFC3339Nano), To: w.To.Format(time.RFC3339Nano)}
}
