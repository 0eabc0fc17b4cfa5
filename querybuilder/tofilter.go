package querybuilder

import (
	"strconv"
	"strings"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/internal/editdist"
	"github.com/recq/recq/schema"
)

// fnode is a part of the filter that a rule group becomes: a group (And,
// Or) of parts, or one rule. A not is already applied: the groups' ops are
// swapped and the rules' operators are their complements (De Morgan).
type fnode struct {
	op   expr.Op // And or Or; 0 for a rule
	key  string
	kids []*fnode
	leaf *leaf
}

// leaf is one rule of the filter: its selector, its operator after any
// not, and its values as the rule gave them (an array's items, between's
// two ends, or one value).
type leaf struct {
	key   string
	sel   expr.Selector
	op    string
	vals  []string
	array bool // the values were a JSON array: a span names its item
}

// apiOnly reports whether name is a variable the filter has no selector
// for, which goes into the API's variables only from the top-level and
// group, and the hint for a rule that gives it elsewhere.
func apiOnly(name string) (hint string, ok bool) {
	switch name {
	case "d":
		return "compare startDate in a nested group (startDate >= today-7d)", true
	case "tz", "n":
		return name + " applies to the whole request: give it in the top-level and group", true
	case "start-date":
		return "compare startDate in a nested group", true
	case "finish-date":
		return "compare finishDate in a nested group", true
	case "metaData_fieldName", "metaData_fieldValue":
		return "use " + strings.Replace(name, "_", ".", 1) + " (any entry) inside a group, or give the pair in the top-level and group", true
	}
	return "", false
}

// filterGroup reads group g as a part of the filter, negated when neg is
// set; nil when it holds no active rule.
func (c *collected) filterGroup(g *RuleGroup, key string, neg bool) *fnode {
	if g.Disabled {
		return nil
	}
	neg = neg != g.Not
	op, ic := c.combinators(g, key)
	var runs [][]*fnode // the and-runs of independent combinators, or one run
	runs = append(runs, nil)
	for i, r := range g.Rules {
		rk := keyOf(r.ID, key+"/rules/"+strconv.Itoa(i))
		var n *fnode
		switch {
		case r.Combinator != "":
			if ic && strings.EqualFold(r.Combinator, "or") {
				runs = append(runs, nil)
			}
			continue
		case r.Group != nil:
			n = c.filterGroup(r.Group, keyOf(r.Group.ID, rk), neg)
		case !r.Disabled:
			n = c.filterRule(r, rk, neg)
		}
		if n != nil {
			runs[len(runs)-1] = append(runs[len(runs)-1], n)
		}
	}
	if ic {
		// a and b or c is (a and b) or c, as react-querybuilder's SQL
		// writes it; under not, (¬a or ¬b) and ¬c.
		inner, outer := expr.And, expr.Or
		if neg {
			inner, outer = outer, inner
		}
		var parts []*fnode
		for _, run := range runs {
			if n := join(inner, key, run); n != nil {
				parts = append(parts, n)
			}
		}
		return join(outer, key, parts)
	}
	if neg {
		op = op.Complement()
	}
	return join(op, key, runs[0])
}

// join is the group of parts under op: nil for none, the part itself for one.
func join(op expr.Op, key string, parts []*fnode) *fnode {
	switch len(parts) {
	case 0:
		return nil
	case 1:
		return parts[0]
	}
	return &fnode{op: op, key: key, kids: parts}
}

// combinators reads a group's combinator (And or Or) and whether it has
// independent combinators between its rules, refusing any other.
func (c *collected) combinators(g *RuleGroup, key string) (op expr.Op, ic bool) {
	for i, r := range g.Rules {
		if r.Combinator == "" {
			continue
		}
		ic = true
		if s := strings.ToLower(r.Combinator); s != "and" && s != "or" {
			c.fail(keyOf(r.ID, key+"/rules/"+strconv.Itoa(i)), "", filter.CodeUnsupportedRule, "the combinator "+strconv.Quote(r.Combinator)+" is neither and nor or", "use and or or")
		}
	}
	switch strings.ToLower(g.Combinator) {
	case "and", "":
		return expr.And, ic
	case "or":
		return expr.Or, ic
	}
	if !ic {
		c.fail(key, "", filter.CodeUnsupportedRule, "the combinator "+strconv.Quote(g.Combinator)+" is neither and nor or", "use and or or")
	}
	return expr.And, ic
}

// filterRule reads one rule as a comparison of the filter, its operator
// complemented when neg is set.
func (c *collected) filterRule(r Rule, key string, neg bool) *fnode {
	neg = neg != r.Not
	if r.ValueSource == "field" {
		c.fail(key, r.Field, filter.CodeUnsupportedRule, "recq cannot compare a field with another field", "compare the field with a value")
		return nil
	}
	if hint, ok := apiOnly(r.Field); ok {
		c.fail(key, r.Field, filter.CodeUnsupportedRule, r.Field+" is a variable of the API, which only the top-level and group can give", hint)
		return nil
	}
	sel, found := selectorOf(c.resource, r.Field)
	if !found {
		c.unknownField(key, r.Field)
		return nil
	}
	op := r.Operator
	if _, known := Complement(op); !known {
		c.fail(key, r.Field, filter.CodeUnsupportedRule, "recq has no operator "+strconv.Quote(op), "use "+opNames(sel.Kind))
		return nil
	}
	if !kindAllows(sel.Kind, op) {
		c.operatorType(key, r.Field, op, sel.Kind)
		return nil
	}
	if neg {
		op, _ = Complement(op)
	}
	vals, array, ok := c.filterValues(r, key)
	if !ok {
		return nil
	}
	switch {
	case isPair(op) && len(vals) != 2:
		c.fail(key, r.Field, filter.CodeBadRange, r.Operator+" takes two ends, not "+strconv.Itoa(len(vals)), "give the start and the end: [\"A\", \"B\"] or \"A,B\"")
		return nil
	case !isPair(op) && !isList(op) && len(vals) != 1:
		c.fail(key, r.Field, filter.CodeBadQuery, r.Operator+" takes one value, not a list", "give one value, or use in")
		return nil
	}
	return &fnode{key: key, leaf: &leaf{key: key, sel: sel, op: op, vals: vals, array: array}}
}

// selectorOf is the filter's selector named name on resource r.
func selectorOf(r filter.Resource, name string) (expr.Selector, bool) {
	for _, s := range expr.Selectors(exprResource(r)) {
		if s.Name == name {
			return s, true
		}
	}
	return expr.Selector{}, false
}

// unknownField refuses a field that is no selector, with the nearest one.
// The faults are built apart from filterRule so that the browser module
// carries their code once (docs/BROWSER.md).
//
//go:noinline
func (c *collected) unknownField(key, field string) {
	var names []string
	for _, s := range expr.Selectors(exprResource(c.resource)) {
		names = append(names, s.Name)
	}
	e := &Error{Rule: key, Variable: field, Reason: Reason{Code: filter.CodeUnknownSelector, Message: "unknown field " + strconv.Quote(field) + " for " + c.resource.String(), Suggestions: []string{}}}
	if s := editdist.Nearest(field, names); s != "" {
		e.Hint, e.Suggestions = "did you mean "+s+"?", []string{s}
	} else {
		e.Hint = "the fields of " + c.resource.String() + " are listed by recq schema --for react-querybuilder"
	}
	c.errs = append(c.errs, e)
}

// operatorType refuses an operator the field's kind does not take, with
// the kind's operators as suggestions.
//
//go:noinline
func (c *collected) operatorType(key, field, op string, k expr.Kind) {
	e := &Error{Rule: key, Variable: field, Reason: Reason{Code: filter.CodeOperatorType, Message: "the operator " + strconv.Quote(op) + " does not compare " + k.String() + " (" + field + ")", Hint: "use " + opNames(k), Suggestions: []string{}}}
	e.Suggestions = append(e.Suggestions, schema.BuilderOperators(k)...)
	c.errs = append(c.errs, e)
}

// opNames lists the operators of a kind for a hint.
func opNames(k expr.Kind) string {
	return strings.Join(schema.BuilderOperators(k), ", ")
}

// filterValues reads a filter rule's value: an array's items, or a string split
// at its commas for in, notIn, between and notBetween (as
// react-querybuilder's toArray splits it, each item trimmed), or one
// scalar.
func (c *collected) filterValues(r Rule, key string) (vals []string, array, ok bool) {
	raw := strings.TrimSpace(string(r.Value))
	if raw != "" && raw[0] == '[' {
		var items []string
		for _, e := range elements(raw) {
			t, ok := scalar([]byte(e))
			if !ok {
				c.fail(key, r.Field, filter.CodeBadQuery, "an item of the value is not a string or a number", "write each item as a string")
				return nil, false, false
			}
			items = append(items, t)
		}
		if items == nil && raw != "[]" {
			c.fail(key, r.Field, filter.CodeBadQuery, "the value "+raw+" is not a JSON array", "")
			return nil, false, false
		}
		return items, true, true
	}
	s := ""
	if raw != "" && raw != "null" {
		t, ok := scalar([]byte(raw))
		if !ok {
			c.fail(key, r.Field, filter.CodeBadQuery, "the value "+raw+" is not a string or a number", "")
			return nil, false, false
		}
		s = t
	}
	if op := r.Operator; isList(op) || isPair(op) {
		parts := strings.Split(s, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		return parts, false, true
	}
	return []string{s}, false, true
}
