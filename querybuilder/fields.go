package querybuilder

import (
	"sync"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/schema"
)

// Field is one entry of react-querybuilder's fields array (its Field type):
// a query variable with the operators recq accepts for it and the editor
// that suits its values.
type Field struct {
	Name            string   `json:"name"`
	Value           string   `json:"value"` // the name again, as react-querybuilder's full options have
	Label           string   `json:"label"`
	Operators       []Option `json:"operators"`
	DefaultOperator string   `json:"defaultOperator"`
	ValueEditorType string   `json:"valueEditorType"`       // text or select
	InputType       string   `json:"inputType"`             // text or number
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

// The operators, by the kind of variable (schema.Kind…). Each kind has one
// operator but d, which has two: a date (the whole interval of its
// precision) and a range.
var operators = map[string][]Option{
	schema.KindDateRange: {option("=", "is in (the day, minute or second)"), option("between", "from, up to but not including")},
	schema.KindDatePoint: {option("=", "within ±5 s of")},
	schema.KindZone:      {option("=", "is")},
	schema.KindPage:      {option("=", "starts at record")},
	schema.KindExact:     {option("=", "is exactly")},
	schema.KindSubstring: {option("contains", "contains (case-sensitive)")},
}

// Fields returns react-querybuilder's fields for the query variables of a
// list resource (filter.Files or filter.Transcripts), in canonical order;
// nil for one file or one transcript, which take no variables.
func Fields(r filter.Resource) []Field {
	s := schema.Get()
	var out []Field
	for _, res := range s.Resources {
		if res.Name != r.String() {
			continue
		}
		for _, v := range res.Variables {
			f := Field{Name: v.Name, Value: v.Name, Label: label(v), Operators: operators[v.Kind], ValueEditorType: "text", InputType: "text"}
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
			out = append(out, f)
		}
	}
	return out
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

// variableOperators is the operators of each variable of each list resource.
var variableOperators = sync.OnceValue(func() map[filter.Resource]map[string][]Option {
	m := map[filter.Resource]map[string][]Option{}
	for _, r := range []filter.Resource{filter.Files, filter.Transcripts} {
		m[r] = map[string][]Option{}
		for _, f := range Fields(r) {
			m[r][f.Name] = f.Operators
		}
	}
	return m
})
