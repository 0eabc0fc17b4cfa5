package main

import (
	"strconv"

	"github.com/recq/recq/internal/jsonw"
	"github.com/recq/recq/querybuilder"
)

// The JSON of querybuilder's values as encoding/json writes it, by hand
// (equivalence_test.go holds every call to the encoding/json version).

// appendFields appends react-querybuilder's fields array; nil is null.
func appendFields(b []byte, fields []querybuilder.Field) []byte {
	if fields == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = jsonw.String(b, f.Name)
		if f.Kind != "" {
			b = append(b, `,"kind":`...)
			b = jsonw.String(b, f.Kind)
		}
		b = append(b, `,"value":`...)
		b = jsonw.String(b, f.Value)
		b = append(b, `,"label":`...)
		b = jsonw.String(b, f.Label)
		b = append(b, `,"operators":`...)
		b = appendOptions(b, f.Operators)
		b = append(b, `,"defaultOperator":`...)
		b = jsonw.String(b, f.DefaultOperator)
		b = append(b, `,"valueEditorType":`...)
		b = jsonw.String(b, f.ValueEditorType)
		b = append(b, `,"inputType":`...)
		b = jsonw.String(b, f.InputType)
		if len(f.Values) > 0 {
			b = append(b, `,"values":`...)
			b = appendOptions(b, f.Values)
		}
		if f.Placeholder != "" {
			b = append(b, `,"placeholder":`...)
			b = jsonw.String(b, f.Placeholder)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendOptions appends full options; nil is null.
func appendOptions(b []byte, opts []querybuilder.Option) []byte {
	if opts == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, o := range opts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = jsonw.String(b, o.Name)
		b = append(b, `,"value":`...)
		b = jsonw.String(b, o.Value)
		b = append(b, `,"label":`...)
		b = jsonw.String(b, o.Label)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendGroup appends a rule group as encoding/json writes a
// *querybuilder.RuleGroup; nil is null.
func appendGroup(b []byte, g *querybuilder.RuleGroup) []byte {
	if g == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	if g.ID != "" {
		b = jsonw.Key(b, "id")
		b = jsonw.String(b, g.ID)
	}
	b = jsonw.Key(b, "combinator")
	b = jsonw.String(b, g.Combinator)
	if g.Not {
		b = append(b, `,"not":true`...)
	}
	if g.Disabled {
		b = append(b, `,"disabled":true`...)
	}
	b = jsonw.Key(b, "rules")
	if g.Rules == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, r := range g.Rules {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendRule(b, r)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendRule appends a rule as querybuilder.Rule.MarshalJSON writes it.
func appendRule(b []byte, r querybuilder.Rule) []byte {
	switch {
	case r.Group != nil:
		return appendGroup(b, r.Group)
	case r.Combinator != "":
		return jsonw.String(b, r.Combinator)
	}
	b = append(b, '{')
	if r.ID != "" {
		b = jsonw.Key(b, "id")
		b = jsonw.String(b, r.ID)
	}
	b = jsonw.Key(b, "field")
	b = jsonw.String(b, r.Field)
	b = jsonw.Key(b, "operator")
	b = jsonw.String(b, r.Operator)
	b = jsonw.Key(b, "value")
	if len(r.Value) == 0 {
		b = append(b, `""`...)
	} else {
		b = jsonw.Compact(b, string(r.Value))
	}
	if r.ValueSource != "" {
		b = jsonw.Key(b, "valueSource")
		b = jsonw.String(b, r.ValueSource)
	}
	if r.Disabled {
		b = append(b, `,"disabled":true`...)
	}
	return append(b, '}')
}

// appendReason appends a reason's members (without braces).
func appendReason(b []byte, r querybuilder.Reason) []byte {
	b = jsonw.Key(b, "code")
	b = jsonw.String(b, string(r.Code))
	b = jsonw.Key(b, "message")
	b = jsonw.String(b, r.Message)
	if r.Hint != "" {
		b = jsonw.Key(b, "hint")
		b = jsonw.String(b, r.Hint)
	}
	b = jsonw.Key(b, "suggestions")
	if r.Suggestions == nil {
		b = append(b, "null"...)
	} else {
		b = jsonw.Strings(b, r.Suggestions)
	}
	if s := r.Span; s != nil {
		b = jsonw.Key(b, "valueSpan")
		b = append(b, `{"item":`...)
		b = strconv.AppendInt(b, int64(s.Item), 10)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, '}')
	}
	return b
}

// appendQBError appends a rule's fault; nil is null.
func appendQBError(b []byte, e *querybuilder.Error) []byte {
	if e == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	b = jsonw.Key(b, "rule")
	b = jsonw.String(b, e.Rule)
	if e.Variable != "" {
		b = jsonw.Key(b, "variable")
		b = jsonw.String(b, e.Variable)
	}
	b = appendReason(b, e.Reason)
	return append(b, '}')
}

// appendGroupRefusal appends {"error": first, "errors": [...]}.
func appendGroupRefusal(b []byte, list querybuilder.ErrorList) []byte {
	b = append(b, `{"error":`...)
	b = appendQBError(b, list[0])
	b = append(b, `,"errors":[`...)
	for i, e := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendQBError(b, e)
	}
	return append(b, "]}"...)
}

// appendValidation appends react-querybuilder's ValidationMap, its keys
// sorted as encoding/json sorts a map's.
func appendValidation(b []byte, m map[string]querybuilder.Validation) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	b = append(b, '{')
	for _, k := range keys {
		v := m[k]
		b = jsonw.Key(b, k)
		b = append(b, `{"valid":`...)
		b = strconv.AppendBool(b, v.Valid)
		if len(v.Reasons) > 0 {
			b = append(b, `,"reasons":[`...)
			for i, r := range v.Reasons {
				if i > 0 {
					b = append(b, ',')
				}
				b = append(b, '{')
				b = appendReason(b, r)
				b = append(b, '}')
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

// sortStrings sorts a few strings in place, as sort.Strings would: by
// insertion, which keeps the module from linking a generic sort for them
// (the lists are a query's fields or a rule group's keys).
func sortStrings(list []string) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j] < list[j-1]; j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}
