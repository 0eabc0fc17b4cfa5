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

// Complement returns the react-querybuilder operator that holds exactly
// when op does not ("=" gives "!=", "between" "notBetween", "contains"
// "doesNotContain"), and false for an operator recq does not know: a
// rule's not, and a group's by De Morgan, become these. The table is the
// schema's (schema.BuilderComplements), so that a UI reading recq schema
// and recq itself agree. (Read each time, not kept in a map: a map's
// initialization costs the browser module more than nine comparisons.)
func Complement(op string) (string, bool) {
	for _, c := range schema.BuilderComplements() {
		switch op {
		case c.Operator:
			return c.Complement, true
		case c.Complement:
			return c.Operator, true
		}
	}
	return "", false
}

// opLabel is an operator's label for a field of kind k. (A switch, not a
// map: a map literal's initialization costs the browser module more.)
func opLabel(name string, k expr.Kind) string {
	if k == expr.Date {
		switch name {
		case opEq:
			return "is in (the day, minute or second)"
		case opNe:
			return "is not in"
		case opLt:
			return "before"
		case opLe:
			return "up to the end of"
		case opGt:
			return "after the end of"
		case opGe:
			return "since"
		case opIn:
			return "is in one of"
		case opNotIn:
			return "is in none of"
		}
	}
	switch name {
	case opEq:
		if k == expr.Integer {
			return name
		}
		return "is"
	case opNe:
		if k == expr.Integer {
			return name
		}
		return "is not"
	case opIn:
		return "is one of"
	case opNotIn:
		return "is none of"
	case opBetween:
		return "between (both ends included)"
	case opNotBetween:
		return "not between"
	case opContains:
		return "contains"
	case opBeginsWith:
		return "begins with"
	case opEndsWith:
		return "ends with"
	case opDoesNotContain:
		return "does not contain"
	case opDoesNotBeginWith:
		return "does not begin with"
	case opDoesNotEndWith:
		return "does not end with"
	case opMatches:
		return "matches (* any text, \\* a star)"
	case opDoesNotMatch:
		return "does not match"
	}
	return name
}

// kindOperators are the operators of each kind (schema.BuilderOperators),
// in the order a UI offers them, with their labels.
func kindOperators(k expr.Kind) []Option {
	var out []Option
	for _, name := range schema.BuilderOperators(k) {
		out = append(out, option(name, opLabel(name, k)))
	}
	return out
}

// KindOperators returns the react-querybuilder operators a filter selector
// of kind k takes; the caller may modify the slice.
func KindOperators(k expr.Kind) []Option {
	return kindOperators(k)
}

// kindAllows reports whether kind k takes operator op.
func kindAllows(k expr.Kind, op string) bool {
	for _, o := range schema.BuilderOperators(k) {
		if o == op {
			return true
		}
	}
	return false
}

// isList reports whether op takes a list of values, and isPair whether it
// takes two ends.
func isList(op string) bool { return op == opIn || op == opNotIn }
func isPair(op string) bool { return op == opBetween || op == opNotBetween }
