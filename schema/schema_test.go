package schema

import (
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"testing"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/timezone"
)

// TestVariablesAreTheParsers checks each variable of each list resource
// against the parser: its examples are accepted, and any other name of the
// resource's fields is refused, so the schema lists exactly the variables.
func TestVariablesAreTheParsers(t *testing.T) {
	s := Get()
	for _, r := range s.Resources {
		if r.Name != "files" && r.Name != "transcripts" {
			if len(r.Variables) != 0 {
				t.Errorf("%s takes no variables, the schema lists %d", r.Name, len(r.Variables))
			}
			continue
		}
		var names []string
		for _, v := range r.Variables {
			names = append(names, v.Name)
			examples := v.Examples
			if len(examples) == 0 {
				examples = []string{"x"}
			}
			for _, ex := range examples {
				target := "/" + r.Name + "?" + url.QueryEscape(v.Name) + "=" + ex
				if _, err := filter.Parse("GET", target); err != nil {
					t.Errorf("%s: the example is refused: %v", target, err)
				}
			}
			if v.Kind == KindExact && !slices.Contains(filter.FieldNames(resource(t, r.Name)), v.Name) {
				t.Errorf("%s: %s is exact but not a field", r.Name, v.Name)
			}
		}
		for _, f := range filter.FieldNames(resource(t, r.Name)) {
			if !slices.Contains(names, f) {
				t.Errorf("%s: field %s is missing from the variables", r.Name, f)
			}
		}
		if len(names) != len(filter.FieldNames(resource(t, r.Name)))+7 {
			t.Errorf("%s: %d variables: %v", r.Name, len(names), names)
		}
		for _, f := range r.Fields {
			for _, v := range f.Variables {
				if !slices.Contains(names, v) {
					t.Errorf("%s: field %s names variable %s, which is not one", r.Name, f.Name, v)
				}
			}
			if f.Kind != FieldText && f.Kind != FieldInteger && f.Kind != FieldDate {
				t.Errorf("%s: field %s has kind %q", r.Name, f.Name, f.Kind)
			}
		}
	}
}

func resource(t *testing.T, name string) filter.Resource {
	for _, r := range []filter.Resource{filter.Files, filter.File, filter.Transcripts, filter.Transcript} {
		if r.String() == name {
			return r
		}
	}
	t.Fatalf("no resource %q", name)
	return 0
}

// TestDateFormExamples checks that every example of a date form is a date
// the parser accepts, in d.
func TestDateFormExamples(t *testing.T) {
	for _, f := range Get().DateForms {
		for _, ex := range f.Examples {
			if _, err := filter.Parse("GET", "/files?d="+ex); err != nil {
				t.Errorf("%s: %s is refused: %v", f.Name, ex, err)
			}
		}
	}
}

// TestZonesLoad checks that every zone listed loads, and that the list is
// the embedded database's.
func TestZonesLoad(t *testing.T) {
	zones := Get().Zones
	if len(zones) < 300 || !slices.Contains(zones, "America/New_York") || !slices.Contains(zones, "UTC") {
		t.Fatalf("%d zones", len(zones))
	}
	for _, z := range zones {
		if _, err := timezone.Load(z); err != nil {
			t.Errorf("zone %s: %v", z, err)
		}
	}
}

// TestTopLevelKeys checks the keys the command's contract fixes (docs/SCHEMA.md), and that the codes are the library's.
func TestTopLevelKeys(t *testing.T) {
	b, err := json.Marshal(Get())
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"version", "resources", "zones", "codes", "limits"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no key %q", k)
		}
	}
	if got := Get().Codes; !slices.Equal(got, filter.Codes()) {
		t.Errorf("codes differ from filter.Codes()")
	}
	if l := Get().Limits; l.NMax != filter.MaxN || l.RequestLength != filter.MaxRequestLength {
		t.Errorf("limits %+v", l)
	}
}

// TestSelectors holds the schema's selectors and complement tables to the
// filter's parser: every selector's operators are those its kind takes, each
// complement is the parser's own, and every react-querybuilder operator of a
// kind has its complement in the same kind.
func TestSelectors(t *testing.T) {
	s := Get()
	for _, r := range s.Resources {
		if (r.Name == "files" || r.Name == "transcripts") != (len(r.Selectors) > 0) {
			t.Errorf("%s: %d selectors", r.Name, len(r.Selectors))
		}
		for _, sel := range r.Selectors {
			for _, op := range sel.Operators {
				target := "/" + r.Name + "?filter=" + url.QueryEscape(sel.Name+op+"1")
				q, err := filter.Parse("GET", target)
				var list filter.ErrorList
				if err != nil && errors.As(err, &list) && list[0].Code == filter.CodeOperatorType {
					t.Errorf("%s: the schema lists %s, the parser refuses it: %v", sel.Name, op, err)
				}
				_ = q
			}
			if len(sel.BuilderOperators) == 0 {
				t.Errorf("%s: no builder operators", sel.Name)
			}
		}
	}
	ops := map[string]string{}
	for _, c := range s.Filter.Complements {
		ops[c.Operator], ops[c.Complement] = c.Complement, c.Operator
	}
	if len(ops) != 8 {
		t.Errorf("complements of %d operators, want 8: %v", len(ops), ops)
	}
	bc := map[string]string{}
	for _, c := range s.Filter.BuilderComplements {
		bc[c.Operator], bc[c.Complement] = c.Complement, c.Operator
	}
	for _, k := range []expr.Kind{expr.Text, expr.Integer, expr.Date} {
		for _, op := range BuilderOperators(k) {
			if c, ok := bc[op]; !ok || !slices.Contains(BuilderOperators(k), c) {
				t.Errorf("%s: %s has no complement of its kind (%q)", k, op, c)
			}
		}
	}
}
