package schema

import (
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
)

// Selector is one name that a filter= expression compares (docs/LANGUAGE.md
// §14.2): its kind (text, integer or date), whether it matches when any
// entry of a nested list does, the operators its kind takes in the filter's
// own spelling, and the operators of react-querybuilder that recq turns
// into them (docs/BROWSER.md, "Filters").
type Selector struct {
	Name             string   `json:"name"`
	Kind             string   `json:"kind"`
	AnyEntry         bool     `json:"anyEntry,omitempty"`
	Operators        []string `json:"operators"`
	BuilderOperators []string `json:"builderOperators"`
}

// Complement pairs an operator with the one that holds exactly when it does
// not: a query builder's not becomes it (De Morgan).
type Complement struct {
	Operator   string `json:"operator"`
	Complement string `json:"complement"`
}

// Filter is what the schema says of filter= beyond its selectors: the
// complement of each of its operators, and of each of react-querybuilder's.
type Filter struct {
	Complements        []Complement `json:"complements"`
	BuilderComplements []Complement `json:"builderComplements"`
}

// builderOperators returns react-querybuilder's operators that a selector
// of kind k takes, in the order a UI offers them. matches and doesNotMatch
// are recq's own, for a wildcard pattern no other operator says (a*b). (A
// switch, not a map literal: a map's initialization costs the browser
// module more.)
func builderOperators(k expr.Kind) []string {
	switch k {
	case expr.Text:
		return []string{"=", "!=", "contains", "beginsWith", "endsWith", "doesNotContain", "doesNotBeginWith", "doesNotEndWith",
			"in", "notIn", "matches", "doesNotMatch"}
	case expr.Integer, expr.Date:
		return []string{"=", "!=", "<", "<=", ">", ">=", "in", "notIn", "between", "notBetween"}
	}
	return nil
}

// builderComplements pairs each of react-querybuilder's operators with its
// complement, each pair once.
var builderComplements = []Complement{
	{"=", "!="}, {"<", ">="}, {">", "<="}, {"in", "notIn"}, {"between", "notBetween"},
	{"contains", "doesNotContain"}, {"beginsWith", "doesNotBeginWith"}, {"endsWith", "doesNotEndWith"},
	{"matches", "doesNotMatch"},
}

// BuilderOperators returns react-querybuilder's operators that a selector
// of kind k takes; the caller may modify the slice.
func BuilderOperators(k expr.Kind) []string {
	return builderOperators(k)
}

// BuilderComplements returns the pairs of react-querybuilder's operators
// and their complements, each pair once; the caller may modify the slice.
func BuilderComplements() []Complement {
	return append([]Complement(nil), builderComplements...)
}

// selectors lists the filter's selectors of a list resource; empty for the
// single resources, which take no filter.
func selectors(r filter.Resource) []Selector {
	out := []Selector{}
	if r != filter.Files && r != filter.Transcripts {
		return out
	}
	res := expr.Files
	if r == filter.Transcripts {
		res = expr.Transcripts
	}
	for _, s := range expr.Selectors(res) {
		sel := Selector{Name: s.Name, Kind: s.Kind.String(), AnyEntry: s.Any, Operators: []string{}, BuilderOperators: BuilderOperators(s.Kind)}
		for _, o := range s.Kind.Operators() {
			sel.Operators = append(sel.Operators, o.String())
		}
		out = append(out, sel)
	}
	return out
}

// filterInfo is the complement tables.
func filterInfo() Filter {
	f := Filter{BuilderComplements: BuilderComplements()}
	for _, o := range expr.Comparisons {
		if c := o.Complement(); o < c {
			f.Complements = append(f.Complements, Complement{o.String(), c.String()})
		}
	}
	return f
}
