package main

import (
	"errors"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/jsonr"
	"github.com/recq/recq/internal/report"
	"github.com/recq/recq/querybuilder"
)

// fromJSON reads a Query's JSON form, checked as the parser checks a
// request, as json.Unmarshal(query, q) read it: the whole text must be one
// JSON value (else the refusal is the syntax fault), and Query.UnmarshalJSON
// reads that value without the white space around it.
func fromJSON(query string) (*filter.Query, error) {
	if err := jsonr.Check(query); err != nil {
		return nil, err
	}
	start := jsonr.Space(query, 0)
	end := jsonr.Skip(query, start)
	q := new(filter.Query)
	if err := q.UnmarshalJSON([]byte(query[start:end])); err != nil {
		return nil, err
	}
	return q, nil
}

// FromJSON checks a Query's JSON form: {query, canonical}, or the refusal.
func (a api) FromJSON(b []byte, query string) ([]byte, error) {
	q, err := fromJSON(query)
	if err != nil {
		return report.AppendRefusal(b, err), nil
	}
	return appendChecked(b, q), nil
}

// Canonical is the canonical request of a Query's JSON form: {canonical},
// or the refusal.
func (a api) Canonical(b []byte, query string) ([]byte, error) {
	q, err := fromJSON(query)
	if err != nil {
		return report.AppendRefusal(b, err), nil
	}
	return appendCanonical(b, q), nil
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
	q, err := fromJSON(query)
	if err != nil {
		return report.AppendRefusal(b, err), nil
	}
	return report.AppendDescribe(b, q, now, tenant), nil
}

// ToRuleGroup is the react-querybuilder rule group of a Query's JSON form.
func (a api) ToRuleGroup(b []byte, query string) ([]byte, error) {
	q, err := fromJSON(query)
	if err != nil {
		return report.AppendRefusal(b, err), nil
	}
	return appendGroup(b, querybuilder.FromQuery(q)), nil
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
	g, err := readRuleGroup(group)
	if err != nil {
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
		return appendGroupRefusal(b, list), nil
	}
	return appendChecked(b, q), nil
}

// ValidateRuleGroup is react-querybuilder's ValidationMap of a rule group.
func (a api) ValidateRuleGroup(b []byte, group, opts string) ([]byte, error) {
	g, r, f, err := readGroup(group, opts)
	if err != nil {
		return b, err
	}
	return appendValidation(b, querybuilder.Validate(g, r, f)), nil
}
