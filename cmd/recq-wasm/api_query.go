package main

import (
	"encoding/json"
	"errors"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/report"
	"github.com/recq/recq/querybuilder"
	"github.com/recq/recq/schema"
)

// marshal appends v's JSON (encoding/json) to b.
func marshal(b []byte, v any) ([]byte, error) {
	j, err := json.Marshal(v)
	if err != nil {
		return b, err
	}
	return append(b, j...), nil
}

// Schema is recq schema.
func (a api) Schema(b []byte) ([]byte, error) { return marshal(b, schema.Get()) }

// Fields is recq schema --for react-querybuilder --resource r.
func (a api) Fields(b []byte, resource string) ([]byte, error) {
	r, _, err := options{Resource: resource}.list()
	if err != nil {
		return b, err
	}
	return marshal(b, querybuilder.Fields(r))
}

// checked is a query in its JSON form beside its canonical request.
type checked struct {
	Query     *filter.Query `json:"query"`
	Canonical string        `json:"canonical"`
}

// fromJSON reads a Query's JSON form, checked as the parser checks a request.
func fromJSON(query string) (*filter.Query, *report.Refused) {
	q := new(filter.Query)
	if err := json.Unmarshal([]byte(query), q); err != nil {
		return nil, report.Refusal(err)
	}
	return q, nil
}

// FromJSON checks a Query's JSON form: {query, canonical}, or the refusal.
func (a api) FromJSON(b []byte, query string) ([]byte, error) {
	q, refused := fromJSON(query)
	if refused != nil {
		return marshal(b, refused)
	}
	return marshal(b, checked{q, encode.Canonical(q)})
}

// Canonical is the canonical request of a Query's JSON form: {canonical},
// or the refusal.
func (a api) Canonical(b []byte, query string) ([]byte, error) {
	q, refused := fromJSON(query)
	if refused != nil {
		return marshal(b, refused)
	}
	return marshal(b, struct {
		Canonical string `json:"canonical"`
	}{encode.Canonical(q)})
}

// Resolve is recq parse for a Query's JSON form.
func (a api) Resolve(b []byte, query, opts string) ([]byte, error) {
	o, err := readOptions(opts)
	if err != nil {
		return b, err
	}
	now, tenant, err := o.clock(a.now)
	if err != nil {
		return b, err
	}
	q, refused := fromJSON(query)
	if refused != nil {
		return marshal(b, refused)
	}
	return report.AppendDescribe(b, q, now, tenant), nil
}

// ToRuleGroup is the react-querybuilder rule group of a Query's JSON form.
func (a api) ToRuleGroup(b []byte, query string) ([]byte, error) {
	q, refused := fromJSON(query)
	if refused != nil {
		return marshal(b, refused)
	}
	return marshal(b, querybuilder.FromQuery(q))
}

// groupRefusal is a refused rule group: the first fault and all of them,
// each naming its rule.
type groupRefusal struct {
	Error  *querybuilder.Error   `json:"error"`
	Errors []*querybuilder.Error `json:"errors"`
}

// readGroup decodes a rule group and the options' resource and format.
func readGroup(group, opts string) (*querybuilder.RuleGroup, filter.Resource, filter.Format, error) {
	o, err := readOptions(opts)
	if err != nil {
		return nil, 0, 0, err
	}
	r, f, err := o.list()
	if err != nil {
		return nil, 0, 0, err
	}
	g := new(querybuilder.RuleGroup)
	if err := json.Unmarshal([]byte(group), g); err != nil {
		return nil, 0, 0, errorf("rule group: " + err.Error())
	}
	return g, r, f, nil
}

// FromRuleGroup is the query of a rule group: {query, canonical}, or the
// refusal whose faults name their rules.
func (a api) FromRuleGroup(b []byte, group, opts string) ([]byte, error) {
	g, r, f, err := readGroup(group, opts)
	if err != nil {
		return b, err
	}
	q, err := querybuilder.ToQuery(g, r, f)
	if err != nil {
		var list querybuilder.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return b, err
		}
		return marshal(b, groupRefusal{list[0], list})
	}
	return marshal(b, checked{q, encode.Canonical(q)})
}

// ValidateRuleGroup is react-querybuilder's ValidationMap of a rule group.
func (a api) ValidateRuleGroup(b []byte, group, opts string) ([]byte, error) {
	g, r, f, err := readGroup(group, opts)
	if err != nil {
		return b, err
	}
	return marshal(b, querybuilder.Validate(g, r, f))
}
