package main

import (
	"strings"

	"github.com/recq/recq/internal/jsonr"
	"github.com/recq/recq/querybuilder"
)

// readRuleGroup reads a rule group as json.Unmarshal(text, g) read it into a
// querybuilder.RuleGroup, through Rule.UnmarshalJSON for each rule: the same
// values and the same first fault, worded as encoding/json words it
// (equivalence_test.go holds the two to each other), without linking
// encoding/json (docs/BROWSER.md).
func readRuleGroup(text string) (*querybuilder.RuleGroup, error) {
	if err := jsonr.Check(text); err != nil {
		return nil, err
	}
	g := new(querybuilder.RuleGroup)
	start := jsonr.Space(text, 0)
	if err := readGroupValue(text[start:jsonr.Skip(text, start)], g); err != nil {
		return nil, err
	}
	return g, nil
}

// typeErr is a value of the wrong kind, worded as *json.UnmarshalTypeError
// words it: for a struct's field ("RuleGroup", "id") or a whole value.
type typeErr struct{ value, structName, field, goType string }

func (e *typeErr) Error() string {
	if e.structName != "" || e.field != "" {
		return "json: cannot unmarshal " + e.value + " into Go struct field " + e.structName + "." + e.field + " of type " + e.goType
	}
	return "json: cannot unmarshal " + e.value + " into Go value of type " + e.goType
}

func typeError(raw, structName, field, goType string) error {
	return &typeErr{jsonr.Kind(raw), structName, field, goType}
}

// readGroupValue reads one valid JSON value into g as encoding/json reads
// into a RuleGroup: a wrong kind is kept and reading goes on (the first one
// is returned at the end), a rule's own fault ends the reading at once.
func readGroupValue(raw string, g *querybuilder.RuleGroup) error {
	switch jsonr.Kind(raw) {
	case "null":
		return nil
	case "object":
	default:
		return typeError(raw, "", "", "querybuilder.RuleGroup")
	}
	members, _ := jsonr.Members(raw)
	var first error
	keep := func(err error) {
		if first == nil {
			first = err
		}
	}
	for _, m := range members {
		name, ok := matchKey(m.Name, "id", "combinator", "not", "disabled", "rules")
		if !ok {
			continue
		}
		kind := jsonr.Kind(m.Value)
		switch name {
		case "id", "combinator":
			p := &g.ID
			if name == "combinator" {
				p = &g.Combinator
			}
			switch kind {
			case "string":
				*p = jsonr.Unquote(m.Value)
			case "null":
			default:
				keep(typeError(m.Value, "RuleGroup", name, "string"))
			}
		case "not", "disabled":
			p := &g.Not
			if name == "disabled" {
				p = &g.Disabled
			}
			switch kind {
			case "bool":
				*p = m.Value == "true"
			case "null":
			default:
				keep(typeError(m.Value, "RuleGroup", name, "bool"))
			}
		case "rules":
			switch kind {
			case "array":
				elems, _ := jsonr.Elements(m.Value)
				rules := make([]querybuilder.Rule, len(elems))
				for i, e := range elems {
					if err := readRule(e, &rules[i]); err != nil {
						// encoding/json puts a rule's own type fault in the
						// context where it met it: RuleGroup.rules.…
						if te, ok := err.(*typeErr); ok {
							te.structName = "RuleGroup"
							te.field = strings.TrimSuffix("rules."+te.field, ".")
						}
						return err
					}
				}
				g.Rules = rules
			case "null":
				g.Rules = nil
			default:
				keep(typeError(m.Value, "RuleGroup", "rules", "[]querybuilder.Rule"))
			}
		}
	}
	return first
}

// readRule reads one rule as Rule.UnmarshalJSON does: a combinator string,
// a nested group (an object with a "rules" key), or a rule.
func readRule(raw string, r *querybuilder.Rule) error {
	if jsonr.Kind(raw) == "string" {
		*r = querybuilder.Rule{Combinator: jsonr.Unquote(raw)}
		return nil
	}
	members, isObject := jsonr.Members(raw)
	if !isObject && raw != "null" {
		return errorf("a rule is an object or a combinator string: " + typeError(raw, "", "", "map[string]json.RawMessage").Error())
	}
	for _, m := range members {
		if m.Name == "rules" { // a map's key: matched exactly
			g := new(querybuilder.RuleGroup)
			if err := readGroupValue(raw, g); err != nil {
				return err
			}
			*r = querybuilder.Rule{Group: g}
			return nil
		}
	}
	var x querybuilder.Rule
	var first error
	for _, m := range members {
		name, ok := matchKey(m.Name, "id", "field", "operator", "value", "valueSource", "disabled", "not")
		if !ok {
			continue
		}
		kind := jsonr.Kind(m.Value)
		switch name {
		case "value":
			x.Value = []byte(m.Value)
		case "disabled", "not":
			p := &x.Disabled
			if name == "not" {
				p = &x.Not
			}
			switch kind {
			case "bool":
				*p = m.Value == "true"
			case "null":
			default:
				if first == nil {
					first = typeError(m.Value, "ruleJSON", name, "bool")
				}
			}
		default:
			p := &x.ID
			switch name {
			case "field":
				p = &x.Field
			case "operator":
				p = &x.Operator
			case "valueSource":
				p = &x.ValueSource
			}
			switch kind {
			case "string":
				*p = jsonr.Unquote(m.Value)
			case "null":
			default:
				if first == nil {
					first = typeError(m.Value, "ruleJSON", name, "string")
				}
			}
		}
	}
	if first != nil {
		return first
	}
	*r = x
	return nil
}

// matchKey matches a key to a struct's field names as encoding/json does:
// exactly, else ignoring case.
func matchKey(key string, names ...string) (string, bool) {
	for _, n := range names {
		if n == key {
			return n, true
		}
	}
	for _, n := range names {
		if strings.EqualFold(n, key) {
			return n, true
		}
	}
	return "", false
}
