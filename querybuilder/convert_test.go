package querybuilder

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

func group(t *testing.T, doc string) *RuleGroup {
	t.Helper()
	g := new(RuleGroup)
	if err := json.Unmarshal([]byte(doc), g); err != nil {
		t.Fatalf("%s: %v", doc, err)
	}
	return g
}

// TestToQuery checks rule groups as react-querybuilder writes them against
// the canonical request they stand for.
func TestToQuery(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		resource  filter.Resource
		format    filter.Format
		canonical string
	}{
		{"empty", `{"combinator": "and", "rules": []}`, filter.Files, filter.XML, "/files"},
		{"yesterday in Denver", `{"id": "g", "combinator": "and", "rules": [
			{"id": "r1", "field": "agentID", "operator": "=", "value": "bill"},
			{"id": "r2", "field": "d", "operator": "between", "value": ["today-1d", "today"]},
			{"id": "r3", "field": "tz", "operator": "=", "value": "America/Denver"}]}`,
			filter.Files, filter.CSV, "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill"},
		{"between as a string", `{"combinator": "and", "rules": [{"field": "d", "operator": "between", "value": "2007-08-05,2007-08-07"}]}`,
			filter.Files, filter.XML, "/files?d=2007-08-05,2007-08-07"},
		{"numbers as numbers", `{"combinator": "and", "rules": [{"field": "n", "operator": "=", "value": 51}, {"field": "duration", "operator": "=", "value": 27}]}`,
			filter.Transcripts, filter.JSON, "/transcripts.json?duration=27&n=51"},
		{"a space, a plus, an ampersand", `{"combinator": "and", "rules": [
			{"field": "start-date", "operator": "=", "value": "2007-12-19 11:16:58-08:00"},
			{"field": "metaData_fieldValue", "operator": "contains", "value": "a&b=c+d"}]}`,
			filter.Files, filter.XML, "/files?start-date=2007-12-19T11:16:58-08:00&metaData_fieldValue=a%26b%3Dc%2Bd"},
		{"nested and groups flatten", `{"combinator": "and", "rules": [
			{"field": "agentID", "operator": "=", "value": "bill"},
			{"combinator": "and", "rules": [{"field": "channel", "operator": "=", "value": "8005557780"}]}]}`,
			filter.Files, filter.XML, "/files?agentID=bill&channel=8005557780"},
		{"or over one rule is that rule", `{"combinator": "or", "rules": [{"field": "agentID", "operator": "=", "value": "bill"}]}`,
			filter.Files, filter.XML, "/files?agentID=bill"},
		{"disabled rules are left out", `{"combinator": "and", "rules": [
			{"field": "agentID", "operator": "=", "value": "bill"},
			{"field": "agentID", "operator": "!=", "value": "x", "disabled": true}]}`,
			filter.Files, filter.XML, "/files?agentID=bill"},
		{"independent and", `{"rules": [{"field": "agentID", "operator": "=", "value": "bill"}, "and", {"field": "channel", "operator": "=", "value": "1"}]}`,
			filter.Files, filter.XML, "/files?agentID=bill&channel=1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ToQuery(group(t, tt.doc), tt.resource, tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if got := encode.Canonical(q); got != tt.canonical {
				t.Errorf("canonical %s, want %s", got, tt.canonical)
			}
		})
	}
}

// TestToQueryRefuses checks that each fault names its rule and has a code.
func TestToQueryRefuses(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		rule      string
		code      filter.Code
	}{
		{"d in an or", `{"id": "g", "combinator": "or", "rules": [{"id": "a", "field": "d", "operator": "=", "value": "today"}, {"id": "b", "field": "agentID", "operator": "=", "value": "ann"}]}`, "a", filter.CodeUnsupportedRule},
		{"tz under not", `{"id": "g", "combinator": "and", "not": true, "rules": [{"id": "a", "field": "tz", "operator": "=", "value": "UTC"}]}`, "a", filter.CodeUnsupportedRule},
		{"an operator recq has not", `{"combinator": "and", "rules": [{"id": "r7", "field": "agentID", "operator": "null", "value": ""}]}`, "r7", filter.CodeUnsupportedRule},
		{"an operator of another kind", `{"combinator": "and", "rules": [{"id": "r7", "field": "agentID", "operator": "<", "value": "b"}]}`, "r7", filter.CodeOperatorType},
		{"between on text", `{"combinator": "or", "rules": [{"id": "r7", "field": "agentID", "operator": "between", "value": "a,b"}, {"id": "r8", "field": "agentID", "operator": "=", "value": "c"}]}`, "r7", filter.CodeOperatorType},
		{"field against field", `{"combinator": "and", "rules": [{"id": "r7", "field": "agentID", "operator": "=", "value": "queueID", "valueSource": "field"}]}`, "r7", filter.CodeUnsupportedRule},
		{"independent xor", `{"rules": [{"id": "a", "field": "agentID", "operator": "=", "value": "bill"}, "xor", {"id": "b", "field": "channel", "operator": "=", "value": "1"}]}`, "#/rules/1", filter.CodeUnsupportedRule},
		{"a list for =", `{"combinator": "and", "rules": [{"id": "r", "field": "agentID", "operator": "=", "value": ["a", "b"]}]}`, "r", filter.CodeBadQuery},
		{"d twice", `{"combinator": "and", "rules": [{"id": "a", "field": "d", "operator": "=", "value": "today"}, {"id": "b", "field": "d", "operator": "=", "value": "today-1d"}]}`, "b", filter.CodeDuplicate},
		{"an unknown field in a group", `{"combinator": "or", "rules": [{"id": "a", "field": "agentId", "operator": "=", "value": "bill"}, {"id": "b", "field": "agentID", "operator": "=", "value": "ann"}]}`, "a", filter.CodeUnknownSelector},
		{"between one end", `{"combinator": "and", "rules": [{"id": "r", "field": "d", "operator": "between", "value": ["today"]}]}`, "r", filter.CodeBadRange},
		{"no id: the place", `{"combinator": "and", "rules": [{"field": "agentID", "operator": "=", "value": "x"}, {"field": "d", "operator": "contains", "value": "2007"}]}`, "#/rules/1", filter.CodeUnsupportedRule},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ToQuery(group(t, tt.doc), filter.Files, filter.XML)
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("err = %v, want an ErrorList", err)
			}
			if list[0].Rule != tt.rule || list[0].Code != tt.code {
				t.Errorf("first fault %+v, want rule %s code %s", *list[0], tt.rule, tt.code)
			}
			if list[0].Message == "" {
				t.Error("no message")
			}
		})
	}
}

// TestToQueryPlacesParserFaults checks that a fault the parser finds in a
// value lands on the rule that holds it, at its offset in the value.
func TestToQueryPlacesParserFaults(t *testing.T) {
	g := group(t, `{"id": "g", "combinator": "and", "rules": [
		{"id": "ok", "field": "agentID", "operator": "=", "value": "bill"},
		{"id": "bad-date", "field": "d", "operator": "=", "value": "2007-02-30"},
		{"id": "bad-zone", "field": "tz", "operator": "=", "value": "america/new_york"},
		{"id": "bad-name", "field": "Start-Date", "operator": "=", "value": "today"}]}`)
	_, err := ToQuery(g, filter.Files, filter.XML)
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v", err)
	}
	var rules []string
	for _, e := range list {
		rules = append(rules, e.Rule)
	}
	if want := []string{"bad-date", "bad-zone", "bad-name"}; !slices.Equal(rules, want) {
		t.Fatalf("faults on %v, want %v: %v", rules, want, list)
	}
	// The parser's own codes and suggestions reach the rules' reasons.
	for i, want := range []struct {
		code       filter.Code
		suggestion string
	}{{filter.CodeBadDatePart, ""}, {filter.CodeUnknownZone, "America/New_York"}, {filter.CodeUnknownVariable, "start-date"}} {
		if list[i].Code != want.code || want.suggestion != "" && !slices.Contains(list[i].Suggestions, want.suggestion) {
			t.Errorf("rule %s: code %s, suggestions %v; want %s, %q", list[i].Rule, list[i].Code, list[i].Suggestions, want.code, want.suggestion)
		}
	}
	m := Validate(g, filter.Files, filter.XML)
	if !m["ok"].Valid || !m["g"].Valid || m["bad-date"].Valid || len(m["bad-zone"].Reasons) != 1 {
		t.Errorf("validation map %+v", m)
	}
	if len(m) != 5 {
		t.Errorf("%d entries, want the group and its 4 rules: %+v", len(m), m)
	}
}

// TestFromQuery checks the exported group of a query with every kind of variable.
func TestFromQuery(t *testing.T) {
	q, err := filter.Parse("GET", "/transcripts.csv?d=today-1d,today&tz=America/Denver&start-date=2007-12-19&agentName=Bill%20B&metaData_fieldName=Col&metaData_fieldValue=Bl&n=51")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(FromQuery(q))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"root","combinator":"and","rules":[` +
		`{"id":"d","field":"d","operator":"between","value":["today-1d","today"],"valueSource":"value"},` +
		`{"id":"tz","field":"tz","operator":"=","value":"America/Denver","valueSource":"value"},` +
		`{"id":"start-date","field":"start-date","operator":"=","value":"2007-12-19","valueSource":"value"},` +
		`{"id":"agentName","field":"agentName","operator":"=","value":"Bill B","valueSource":"value"},` +
		`{"id":"metaData_fieldName","field":"metaData_fieldName","operator":"contains","value":"Col","valueSource":"value"},` +
		`{"id":"metaData_fieldValue","field":"metaData_fieldValue","operator":"contains","value":"Bl","valueSource":"value"},` +
		`{"id":"n","field":"n","operator":"=","value":"51","valueSource":"value"}]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

// TestFields checks react-querybuilder's fields: one per variable, each
// with operators, a finite list of values for tz, numbers for n and duration.
func TestFields(t *testing.T) {
	fs := Fields(filter.Files)
	// The variables, then startDate, finishDate and the two wrap-up code
	// selectors, which are no variables.
	if len(fs) != len(filter.FieldNames(filter.Files))+7+4 {
		t.Fatalf("%d fields", len(fs))
	}
	byName := map[string]Field{}
	for _, f := range fs {
		if len(f.Operators) == 0 || f.Label == "" || f.DefaultOperator != f.Operators[0].Name {
			t.Errorf("field %+v", f)
		}
		byName[f.Name] = f
	}
	if tz := byName["tz"]; tz.ValueEditorType != "select" || !slices.Contains(tz.Values, option("America/Denver", "America/Denver")) {
		t.Errorf("tz: %s with %d values", tz.ValueEditorType, len(tz.Values))
	}
	if byName["n"].InputType != "number" || byName["duration"].InputType != "number" || byName["agentID"].InputType != "text" {
		t.Error("input types")
	}
	if Fields(filter.Transcript) != nil {
		t.Error("one transcript has fields")
	}
}
