package querybuilder

import (
	"sync"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/schema"
)

// Field is one entry of react-querybuilder's fields array (its Field type):
// a query variable with the operators recq accepts for it and the editor
// that suits its values.
type Field struct {
	Name            string   `json:"name"`
	Kind            string   `json:"kind,omitempty"` // a filter selector's kind: text, integer or date
	Value           string   `json:"value"`          // the name again, as react-querybuilder's full options have
	Label           string   `json:"label"`
	Operators       []Option `json:"operators"`
	DefaultOperator string   `json:"defaultOperator"`
	ValueEditorType string   `json:"valueEditorType"`       // text or select
	InputType       string   `json:"inputType"`             // text, number or date
	Values          []Option `json:"values,omitempty"`      // the finite choices of a select (tz: the zone names)
	Placeholder     string   `json:"placeholder,omitempty"` // an example value
}

// Option is a name, a value (the same) and a label: react-querybuilder's
// "full option", as it lists operators and values.
type Option struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Label string `json:"label"`
}

func option(name, label string) Option { return Option{name, name, label} }

// variableKindOperators returns the operators of a kind of variable
// (schema.Kind…). Each kind has one operator but d, which has two: a date
// (the whole interval of its precision) and a range. (A switch, not a map
// literal: a map's initialization costs the browser module more.)
func variableKindOperators(kind string) []Option {
	switch kind {
	case schema.KindDateRange:
		return []Option{option("=", "is in (the day, minute or second)"), option("between", "from, up to but not including")}
	case schema.KindDatePoint:
		return []Option{option("=", "within ±5 s of")}
	case schema.KindZone:
		return []Option{option("=", "is")}
	case schema.KindPage:
		return []Option{option("=", "starts at record")}
	case schema.KindExact:
		return []Option{option("=", "is exactly")}
	case schema.KindSubstring:
		return []Option{option("contains", "contains (case-sensitive)")}
	}
	return nil
}

// Fields returns react-querybuilder's fields for a list resource
// (filter.Files or filter.Transcripts); nil for one file or one
// transcript, which take no variables. First the query variables in
// canonical order, then the filter's selectors that are not variables
// (startDate, finishDate, the any-entry ones). A field that is both a
// variable and a selector (agentID, duration) has its selector's
// operators: its first = in the top-level and group is the variable, every
// other rule a comparison of the filter (docs/BROWSER.md, "Filters").
func Fields(r filter.Resource) []Field {
	s := schema.Get()
	kinds := map[string]expr.Kind{}
	var sels []expr.Selector
	if r == filter.Files || r == filter.Transcripts {
		sels = expr.Selectors(exprResource(r))
		for _, sel := range sels {
			kinds[sel.Name] = sel.Kind
		}
	}
	var out []Field
	seen := map[string]bool{}
	for _, res := range s.Resources {
		if res.Name != r.String() {
			continue
		}
		for _, v := range res.Variables {
			f := Field{Name: v.Name, Value: v.Name, Label: label(v), Operators: variableKindOperators(v.Kind), ValueEditorType: "text", InputType: "text"}
			if k, ok := kinds[v.Name]; ok {
				f = selectorField(expr.Selector{Name: v.Name, Kind: k})
				f.Label = label(v)
			}
			f.DefaultOperator = f.Operators[0].Name
			if len(v.Examples) > 0 {
				f.Placeholder = v.Examples[0]
			}
			switch {
			case v.Kind == schema.KindZone:
				f.ValueEditorType = "select"
				for _, z := range s.Zones {
					f.Values = append(f.Values, option(z, z))
				}
			case v.Kind == schema.KindPage || v.ValueKind == schema.FieldInteger:
				f.InputType = "number"
			}
			seen[v.Name] = true
			out = append(out, f)
		}
	}
	for _, sel := range sels {
		if !seen[sel.Name] {
			out = append(out, selectorField(sel))
		}
	}
	return out
}

// selectorField is the field of a filter selector: its kind's operators,
// and the input of its kind (date, number or text).
func selectorField(sel expr.Selector) Field {
	f := Field{Name: sel.Name, Value: sel.Name, Label: sel.Name, Kind: sel.Kind.String(), Operators: kindOperators(sel.Kind), ValueEditorType: "text", InputType: "text"}
	f.DefaultOperator = f.Operators[0].Name
	switch sel.Kind {
	case expr.Integer:
		f.InputType, f.Placeholder = "number", "600"
	case expr.Date:
		// A date input offers a picker; the value may also be any date of
		// docs/LANGUAGE.md §3.1, today-7d among them.
		f.InputType, f.Placeholder = "date", "today-7d"
	}
	if sel.Any {
		f.Label += " (any entry)"
	}
	return f
}

// label is a variable's label: its name and, for the special variables,
// what it is.
func label(v schema.Variable) string {
	switch v.Name {
	case "d":
		return "Date (d)"
	case "tz":
		return "Time zone (tz)"
	case "start-date":
		return "Started at (start-date)"
	case "finish-date":
		return "Finished at (finish-date)"
	case "metaData_fieldName":
		return "Metadata name (metaData_fieldName)"
	case "metaData_fieldValue":
		return "Metadata value (metaData_fieldValue)"
	case "n":
		return "First record (n)"
	}
	return v.Name
}

// operator reports whether name is a variable of resource r, and whether
// op is one of its operators.
func operator(r filter.Resource, name, op string) (known, ok bool) {
	ops, known := variableOperators()[r][name]
	for _, o := range ops {
		if o.Name == op {
			return true, true
		}
	}
	return known, false
}

// variableOperators is the operators of each variable of each list
// resource, computed once. (sync.Once, not sync.OnceValue: a generic
// instantiation costs the browser module more.)
func variableOperators() map[filter.Resource]map[string][]Option {
	variableOpsOnce.Do(func() {
		m := map[filter.Resource]map[string][]Option{}
		for _, r := range []filter.Resource{filter.Files, filter.Transcripts} {
			m[r] = map[string][]Option{}
			for _, f := range Fields(r) {
				m[r][f.Name] = f.Operators
			}
		}
		variableOps = m
	})
	return variableOps
}

var (
	variableOpsOnce sync.Once
	variableOps     map[filter.Resource]map[string][]Option
)
