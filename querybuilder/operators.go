package querybuilder

import "github.com/recq/recq/filter/expr"

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
// does not: a rule's not, and a group's by De Morgan, become these.
var complements = map[string]string{
	opEq: opNe, opNe: opEq,
	opLt: opGe, opGe: opLt,
	opGt: opLe, opLe: opGt,
	opIn: opNotIn, opNotIn: opIn,
	opBetween: opNotBetween, opNotBetween: opBetween,
	opContains: opDoesNotContain, opDoesNotContain: opContains,
	opBeginsWith: opDoesNotBeginWith, opDoesNotBeginWith: opBeginsWith,
	opEndsWith: opDoesNotEndWith, opDoesNotEndWith: opEndsWith,
	opMatches: opDoesNotMatch, opDoesNotMatch: opMatches,
}

// Complement returns the react-querybuilder operator that holds exactly
// when op does not ("=" gives "!=", "between" "notBetween", "contains"
// "doesNotContain"), and false for an operator recq does not know.
func Complement(op string) (string, bool) {
	c, ok := complements[op]
	return c, ok
}

// kindOperators are the operators of each kind, in the order a UI offers
// them, with their labels.
var kindOperators = map[expr.Kind][]Option{
	expr.Text: {
		option(opEq, "is"), option(opNe, "is not"),
		option(opContains, "contains"), option(opBeginsWith, "begins with"), option(opEndsWith, "ends with"),
		option(opDoesNotContain, "does not contain"), option(opDoesNotBeginWith, "does not begin with"), option(opDoesNotEndWith, "does not end with"),
		option(opIn, "is one of"), option(opNotIn, "is none of"),
		option(opMatches, "matches (* any text, \\* a star)"), option(opDoesNotMatch, "does not match"),
	},
	expr.Integer: {
		option(opEq, "="), option(opNe, "!="), option(opLt, "<"), option(opLe, "<="), option(opGt, ">"), option(opGe, ">="),
		option(opIn, "is one of"), option(opNotIn, "is none of"),
		option(opBetween, "between (both ends included)"), option(opNotBetween, "not between"),
	},
	expr.Date: {
		option(opEq, "is in (the day, minute or second)"), option(opNe, "is not in"),
		option(opLt, "before"), option(opLe, "up to the end of"), option(opGt, "after the end of"), option(opGe, "since"),
		option(opIn, "is in one of"), option(opNotIn, "is in none of"),
		option(opBetween, "between (both ends included)"), option(opNotBetween, "not between"),
	},
}

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
