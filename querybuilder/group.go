package querybuilder

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// RuleGroup is react-querybuilder's RuleGroupType as JSON: an id, a
// combinator ("and" or "or"), an optional not, and its rules.
type RuleGroup struct {
	ID         string `json:"id,omitempty"`
	Combinator string `json:"combinator"`
	Not        bool   `json:"not,omitempty"`
	Disabled   bool   `json:"disabled,omitempty"`
	Rules      []Rule `json:"rules"`
}

// Rule is one entry of a group's rules: a rule (field, operator, value), a
// nested group (Group set), or, in a group with independent combinators, a
// combinator between two rules (Combinator set).
type Rule struct {
	ID          string
	Field       string
	Operator    string
	Value       json.RawMessage // a string, a number, or an array of two strings for between
	ValueSource string          // "value" or "field"
	Disabled    bool
	Not         bool // the rule's complement: react-querybuilder's rules take a not as its groups do

	Group      *RuleGroup // a nested group, in place of a rule
	Combinator string     // an independent combinator, in place of a rule
}

// ruleJSON is a rule's object form.
type ruleJSON struct {
	ID          string          `json:"id,omitempty"`
	Field       string          `json:"field"`
	Operator    string          `json:"operator"`
	Value       json.RawMessage `json:"value"`
	ValueSource string          `json:"valueSource,omitempty"`
	Disabled    bool            `json:"disabled,omitempty"`
	Not         bool            `json:"not,omitempty"`
}

// MarshalJSON writes a rule, a nested group, or a combinator string.
func (r Rule) MarshalJSON() ([]byte, error) {
	switch {
	case r.Group != nil:
		return json.Marshal(r.Group)
	case r.Combinator != "":
		return json.Marshal(r.Combinator)
	}
	v := r.Value
	if len(v) == 0 {
		v = json.RawMessage(`""`)
	}
	return json.Marshal(ruleJSON{ID: r.ID, Field: r.Field, Operator: r.Operator, Value: v, ValueSource: r.ValueSource, Disabled: r.Disabled, Not: r.Not})
}

// UnmarshalJSON reads a rule, a nested group (an object with "rules"), or a
// combinator string.
func (r *Rule) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		*r = Rule{}
		return json.Unmarshal(b, &r.Combinator)
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(b, &probe); err != nil {
		return fmt.Errorf("a rule is an object or a combinator string: %w", err)
	}
	if _, ok := probe["rules"]; ok {
		g := new(RuleGroup)
		if err := json.Unmarshal(b, g); err != nil {
			return err
		}
		*r = Rule{Group: g}
		return nil
	}
	var x ruleJSON
	if err := json.Unmarshal(b, &x); err != nil {
		return err
	}
	*r = Rule{ID: x.ID, Field: x.Field, Operator: x.Operator, Value: x.Value, ValueSource: x.ValueSource, Disabled: x.Disabled, Not: x.Not}
	return nil
}
