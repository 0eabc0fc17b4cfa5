package querybuilder

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
)

// canonicalOf is the canonical form of a request the test writes by hand.
func canonicalOf(t *testing.T, target string) string {
	t.Helper()
	q, err := filter.Parse("GET", target)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	return encode.Canonical(q)
}

// TestToQueryFilter checks groups with or, not, nested groups and every
// operator against the request they stand for: the API's variables where
// they can say it, filter= for the rest.
func TestToQueryFilter(t *testing.T) {
	rule := func(field, op, value string) string {
		return `{"field": "` + field + `", "operator": "` + op + `", "value": ` + value + `}`
	}
	orOf := func(rules ...string) string {
		s := `{"combinator": "or", "rules": [`
		for i, r := range rules {
			if i > 0 {
				s += ","
			}
			s += r
		}
		return s + `]}`
	}
	for _, tt := range []struct {
		name, doc, want string
	}{
		{"the issue's group", `{"combinator": "and", "rules": [` + orOf(rule("agentID", "=", `"bill"`), rule("agentID", "=", `"ann"`)) + `,` +
			rule("duration", ">", `600`) + `,` + rule("startDate", ">=", `"today-7d"`) + `]}`,
			"/files?filter=(agentID==bill,agentID==ann);duration=gt=600;startDate=ge=today-7d"},
		{"variables beside the filter", `{"combinator": "and", "rules": [` + rule("tz", "=", `"America/Denver"`) + `,` + rule("agentID", "=", `"bill"`) + `,` +
			rule("agentID", "!=", `"ann"`) + `,` + rule("queueName", "=", `"q"`) + `]}`,
			"/files?tz=America/Denver&agentID=bill&queueName=q&filter=agentID!=ann"},
		{"a selector's = in the top-level group is the filter's", `{"combinator": "and", "rules": [` + rule("startDate", "=", `"today"`) + `,` + rule("duration", "=", `27`) + `]}`,
			"/files?duration=27&filter=startDate==today"},
		{"a field's second = is the filter's", `{"combinator": "and", "rules": [` + rule("agentID", "=", `"bill"`) + `,` + rule("agentID", "=", `"ann"`) + `]}`,
			"/files?agentID=bill&filter=agentID==ann"},
		{"not on the root", `{"combinator": "and", "not": true, "rules": [` + rule("agentID", "=", `"bill"`) + `,` + rule("duration", "<", `60`) + `]}`,
			"/files?filter=agentID!=bill,duration=ge=60"},
		{"not on a rule", `{"combinator": "and", "rules": [{"field": "agentID", "operator": "contains", "value": "ll", "not": true}]}`,
			"/files?filter=agentID!=*ll*"},
		{"not of not", `{"combinator": "or", "not": true, "rules": [{"combinator": "and", "not": true, "rules": [` + rule("duration", ">=", `1`) + `,` + rule("duration", "<=", `9`) + `]}, ` + rule("channel", "=", `"x"`) + `]}`,
			"/files?filter=duration=ge=1;duration=le=9;channel!=x"},
		{"text operators and an escaped star", `{"combinator": "or", "rules": [` + rule("agentID", "beginsWith", `"b*"`) + `,` + rule("agentID", "endsWith", `"a b"`) + `,` +
			rule("agentID", "doesNotContain", `"x"`) + `,` + rule("agentID", "doesNotBeginWith", `"y"`) + `,` + rule("agentID", "doesNotEndWith", `"z"`) + `,` +
			rule("agentID", "=", `"a*"`) + `,` + rule("agentID", "matches", `"a*b\\*"`) + `,` + rule("agentID", "doesNotMatch", `"*"`) + `]}`,
			`/files?filter=agentID==b\**,agentID==*a\%20b,agentID!=*x*,agentID!=y*,agentID!=*z,agentID==a\*,agentID==a*b\*,agentID!=*`},
		{"in and notIn, arrays and strings", `{"combinator": "or", "rules": [` + rule("agentID", "in", `["a", "b,c"]`) + `,` + rule("agentID", "notIn", `"x, y"`) + `,` + rule("duration", "in", `[1, 2]`) + `]}`,
			`/files?filter=agentID=in=(a,'b,c'),agentID=out=(x,y),duration=in=(1,2)`},
		{"between, both ends included", `{"combinator": "or", "rules": [` + rule("duration", "between", `[60, "120"]`) + `,` + rule("startDate", "notBetween", `"2007-08-05,2007-08-07"`) + `]}`,
			"/files?filter=(duration=ge=60;duration=le=120),startDate=lt=2007-08-05,startDate=gt=2007-08-07"},
		{"not between is between", `{"combinator": "and", "rules": [{"field": "duration", "operator": "notBetween", "value": [60, 120], "not": true}]}`,
			"/files?filter=duration=ge=60;duration=le=120"},
		{"independent combinators: and binds tighter", `{"rules": [` + rule("agentID", "=", `"a"`) + `, "and", ` + rule("channel", "=", `"b"`) + `, "or", ` + rule("duration", ">", `5`) + `]}`,
			"/files?filter=(agentID==a;channel==b),duration=gt=5"},
		{"independent combinators under not", `{"not": true, "rules": [` + rule("agentID", "=", `"a"`) + `, "and", ` + rule("channel", "=", `"b"`) + `, "or", ` + rule("duration", ">", `5`) + `]}`,
			"/files?filter=(agentID!=a,channel!=b);duration=le=5"},
		{"the metadata pair beside any-entry selectors", `{"combinator": "and", "rules": [` + rule("metaData_fieldName", "contains", `"Col"`) + `,` +
			orOf(rule("metaData.fieldValue", "=", `"Blue"`), rule("metaData.fieldName", "beginsWith", `"X"`)) + `]}`,
			"/transcripts?metaData_fieldName=Col&filter=metaData.fieldValue==Blue,metaData.fieldName==X*"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := filter.Files
			if tt.want[:12] == "/transcripts" {
				r = filter.Transcripts
			}
			q, err := ToQuery(group(t, tt.doc), r, filter.XML)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := encode.Canonical(q), canonicalOf(t, tt.want); got != want {
				t.Errorf("canonical %s, want %s", got, want)
			}
		})
	}
}

// TestToQueryFilterFaults checks that a fault the filter's parser finds is
// placed on its rule, with the parser's code, its span within the rule's
// value (of the item, for a list) and its suggestions.
func TestToQueryFilterFaults(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		rule      string
		code      filter.Code
		span      ValueSpan
		sugg      string
	}{
		{"a bad date", `{"combinator": "or", "rules": [{"id": "a", "field": "agentID", "operator": "=", "value": "x"}, {"id": "s", "field": "startDate", "operator": ">=", "value": "2007-02-30"}]}`,
			"s", filter.CodeBadDatePart, ValueSpan{0, 8, 10}, ""},
		{"minutes for seconds", `{"combinator": "and", "rules": [{"id": "d", "field": "duration", "operator": ">", "value": "10m"}]}`,
			"d", filter.CodeBadValue, ValueSpan{0, 0, 3}, "600"},
		{"an empty item after escapes", `{"combinator": "and", "rules": [{"id": "l", "field": "agentID", "operator": "in", "value": ["a b;c", ""]}]}`,
			"l", filter.CodeEmptyValue, ValueSpan{1, 0, 0}, ""},
		{"the second end of between", `{"combinator": "and", "rules": [{"id": "b", "field": "startDate", "operator": "between", "value": ["today", "today-x"]}]}`,
			"b", filter.CodeBadDate, ValueSpan{1, 6, 7}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ToQuery(group(t, tt.doc), filter.Files, filter.XML)
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("err = %v, want an ErrorList", err)
			}
			e := list[0]
			if e.Rule != tt.rule || e.Code != tt.code || e.Span == nil || *e.Span != tt.span {
				t.Errorf("fault %+v span %+v, want rule %s code %s span %+v", *e, e.Span, tt.rule, tt.code, tt.span)
			}
			if tt.sugg != "" && !slices.Contains(e.Suggestions, tt.sugg) {
				t.Errorf("suggestions %q, want %q among them", e.Suggestions, tt.sugg)
			}
			// The validation map carries the span to the UI.
			v := Validate(group(t, tt.doc), filter.Files, filter.XML)[tt.rule]
			b, _ := json.Marshal(v)
			if v.Valid || len(v.Reasons) == 0 || v.Reasons[0].Span == nil {
				t.Errorf("validation %s", b)
			}
		})
	}
}

// TestFromQueryFilter checks the group of a filter: a nested group with
// the id FilterID after the variables, each comparison a rule whose
// operator says what it does.
func TestFromQueryFilter(t *testing.T) {
	q, err := filter.Parse("GET", `/files?agentID=bill&filter=duration=gt=600;(agentID==b*,agentID!=*x*,queueName==a*b\*,agentID=out=(p,q));startDate=ge=today-7d`)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(FromQuery(q))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"root","combinator":"and","rules":[` +
		`{"id":"agentID","field":"agentID","operator":"=","value":"bill","valueSource":"value"},` +
		`{"id":"filter","combinator":"and","rules":[` +
		`{"id":"filter/0","field":"duration","operator":"\u003e","value":"600","valueSource":"value"},` +
		`{"id":"filter/1","combinator":"or","rules":[` +
		`{"id":"filter/1/0","field":"agentID","operator":"beginsWith","value":"b","valueSource":"value"},` +
		`{"id":"filter/1/1","field":"agentID","operator":"doesNotContain","value":"x","valueSource":"value"},` +
		`{"id":"filter/1/2","field":"queueName","operator":"matches","value":"a*b\\*","valueSource":"value"},` +
		`{"id":"filter/1/3","field":"agentID","operator":"notIn","value":["p","q"],"valueSource":"value"}]},` +
		`{"id":"filter/2","field":"startDate","operator":"\u003e=","value":"today-7d","valueSource":"value"}]}]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	back, err := ToQuery(FromQuery(q), q.Resource, q.Format)
	if err != nil || encode.Canonical(back) != encode.Canonical(q) {
		t.Errorf("back as %v %v", back, err)
	}
}

// TestComplementsPair checks that every operator's complement has it as
// its own, and that each kind's operators are closed under complement, so
// that a not never leaves a kind.
func TestComplementsPair(t *testing.T) {
	seen := 0
	for _, k := range []expr.Kind{expr.Text, expr.Integer, expr.Date} {
		for _, o := range KindOperators(k) {
			c, ok := Complement(o.Name)
			if back, _ := Complement(c); !ok || back != o.Name || c == o.Name {
				t.Errorf("%s ↔ %s ↔ %s", o.Name, c, back)
			}
			if !kindAllows(k, c) {
				t.Errorf("%s: %s's complement %s is not of the kind", k, o.Name, c)
			}
			seen++
		}
	}
	if seen != 32 {
		t.Errorf("%d operators of the three kinds, want 32", seen)
	}
	if _, ok := Complement("null"); ok {
		t.Error("null has a complement")
	}
}

// TestValidateEveryRule: a structural fault in one rule (an operator of
// another kind, an unknown field, d under an or, between with one end)
// does not hide the faults of the others' values, nor those of the API's
// variables: each rule at fault is marked, and only those.
func TestValidateEveryRule(t *testing.T) {
	doc := `{"id": "root", "combinator": "and", "rules": [
		{"id": "n", "field": "n", "operator": "=", "value": "0"},
		{"id": "ok", "field": "agentID", "operator": "=", "value": "bill"},
		{"id": "g", "combinator": "or", "rules": [
			{"id": "op", "field": "agentID", "operator": "<", "value": "x"},
			{"id": "date", "field": "startDate", "operator": ">=", "value": "today-7"},
			{"id": "fine", "field": "duration", "operator": ">", "value": "600"},
			{"id": "sel", "field": "agentId", "operator": "!=", "value": "x"},
			{"id": "d", "field": "d", "operator": "=", "value": "today"},
			{"id": "int", "field": "duration", "operator": "in", "value": "1, 10m"},
			{"id": "pair", "field": "duration", "operator": "between", "value": ["60"]}]}]}`
	m := Validate(group(t, doc), filter.Files, filter.XML)
	want := map[string]filter.Code{"n": filter.CodeBadPage, "op": filter.CodeOperatorType, "date": filter.CodeBadDate, "sel": filter.CodeUnknownSelector,
		"d": filter.CodeUnsupportedRule, "int": filter.CodeBadValue, "pair": filter.CodeBadRange}
	for id, v := range m {
		code, bad := want[id]
		switch {
		case !bad && !v.Valid:
			t.Errorf("%s is marked invalid: %+v", id, v.Reasons)
		case bad && (v.Valid || len(v.Reasons) == 0 || v.Reasons[0].Code != code):
			t.Errorf("%s: %+v, want a fault %s", id, v, code)
		}
	}
	for _, id := range []string{"root", "ok", "g", "fine"} {
		if !m[id].Valid {
			t.Errorf("%s is invalid: %+v", id, m[id])
		}
	}
	// ToQuery refuses with the same faults, the structural ones first.
	_, err := ToQuery(group(t, doc), filter.Files, filter.XML)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != len(want) {
		t.Fatalf("ToQuery: %v, want %d faults", err, len(want))
	}
}
