package querybuilder

import (
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/schema"
)

// The operators of react-querybuilder that a filter selector takes, by its
// kind (docs/BROWSER.md, "Filters"). The text ones that match a part of the
// text are written with the filter's wildcards; matches and doesNotMatch
// are recq's own, for a pattern that no other operator says (a*b).
const (
	opEq               = "="
	opNe               = "!="
	opLt               = "<"
	opLe               = "<="
	opGt               = ">"
	opGe               = ">="
	opIn               = "in"
	opNotIn            = "notIn"
	opBetween          = "between"
	opNotBetween       = "notBetween"
	opContains         = "contains"
	opBeginsWith       = "beginsWith"
	opEndsWith         = "endsWith"
	opDoesNotContain   = "doesNotContain"
	opDoesNotBeginWith = "doesNotBeginWith"
	opDoesNotEndWith   = "doesNotEndWith"
	opMatches          = "matches"
	opDoesNotMatch     = "doesNotMatch"
)

// complements pairs each operator with the one that holds exactly when it
// does not: a rule's not, and a group's by De Morgan, become these. The
// table is the schema's (schema.BuilderComplements), so that a UI reading
// recq schema and recq itself agree.
var complements = func() map[string]string {
	m := map[string]string{}
	for _, c := range schema.BuilderComplements() {
		m[c.Operator], m[c.Complement] = c.Complement, c.Operator
	}
	return m
}()

// Complement returns the react-querybuilder operator that holds exactly
// when op does not ("=" gives "!=", "between" "notBetween", "contains"
// "doesNotContain"), and false for an operator recq does not know.
func Complement(op string) (string, bool) {
	c, ok := complements[op]
	return c, ok
}

// labels are the operators' labels by kind, where a kind words one its own way.
var labels = map[string]string{
	opEq: "is", opNe: "is not", opLt: "<", opLe: "<=", opGt: ">", opGe: ">=",
	opIn: "is one of", opNotIn: "is none of", opBetween: "between (both ends included)", opNotBetween: "not between",
	opContains: "contains", opBeginsWith: "begins with", opEndsWith: "ends with",
	opDoesNotContain: "does not contain", opDoesNotBeginWith: "does not begin with", opDoesNotEndWith: "does not end with",
	opMatches: "matches (* any text, \\* a star)", opDoesNotMatch: "does not match",
}

var dateLabels = map[string]string{
	opEq: "is in (the day, minute or second)", opNe: "is not in", opLt: "before", opLe: "up to the end of",
	opGt: "after the end of", opGe: "since", opIn: "is in one of", opNotIn: "is in none of",
}

// kindOperators are the operators of each kind (schema.BuilderOperators),
// in the order a UI offers them, with their labels.
var kindOperators = func() map[expr.Kind][]Option {
	m := map[expr.Kind][]Option{}
	for _, k := range []expr.Kind{expr.Text, expr.Integer, expr.Date} {
		for _, name := range schema.BuilderOperators(k) {
			l := labels[name]
			if k == expr.Integer && (name == opEq || name == opNe) {
				l = name
			}
			if d, ok := dateLabels[name]; ok && k == expr.Date {
				l = d
			}
			m[k] = append(m[k], option(name, l))
		}
	}
	return m
}()

// KindOperators returns the react-querybuilder operators a filter selector
// of kind k takes; the caller may modify the slice.
func KindOperators(k expr.Kind) []Option {
	return append([]Option(nil), kindOperators[k]...)
}

// kindAllows reports whether kind k takes operator op.
func kindAllows(k expr.Kind, op string) bool {
	for _, o := range kindOperators[k] {
		if o.Name == op {
			return true
		}
	}
	return false
}

// isList reports whether op takes a list of values, and isPair whether it
// takes two ends.
func isList(op string) bool { return op == opIn || op == opNotIn }
func isPair(op string) bool { return op == opBetween || op == opNotBetween }
