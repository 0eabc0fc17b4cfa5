package main

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/querybuilder"
)

// sampleValue is a value of a rule on a selector of kind, for operator op,
// as a person types it (a text with a reserved character and a star, to
// hold escaping to the Go library's).
func sampleValue(kind, op string) any {
	two := op == "between" || op == "notBetween"
	list := op == "in" || op == "notIn"
	switch kind {
	case "integer":
		switch {
		case two:
			return []string{"60", "600"}
		case list:
			return "60, 600,6000"
		}
		return "600"
	case "date":
		switch {
		case two:
			return []string{"today-7d", "2026-11-20T13:15"}
		case list:
			return []string{"today-1d", "2026-11-20"}
		}
		return "today-7d"
	}
	if list {
		return []string{"bill", "ann smith", "a*b"}
	}
	return "b(i)l*l;"
}

// browserGroups is a corpus of rule groups as people build them: every
// operator of every selector kind of both resources, each under a not and
// in a nested or, independent combinators, disabled rules, and groups
// the library refuses (a bad date, integer or range, d under an or, a field
// that is no selector, an operator of another kind), each with its
// resource.
func browserGroups(t *testing.T) []struct {
	Group    json.RawMessage `json:"group"`
	Resource string          `json:"resource"`
} {
	t.Helper()
	type rule = map[string]any
	type group = map[string]any
	var out []struct {
		Group    json.RawMessage `json:"group"`
		Resource string          `json:"resource"`
	}
	add := func(g group, resource string) {
		b, err := json.Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, struct {
			Group    json.RawMessage `json:"group"`
			Resource string          `json:"resource"`
		}{b, resource})
	}
	for _, res := range []filter.Resource{filter.Files, filter.Transcripts} {
		for _, f := range querybuilder.Fields(res) {
			if f.Kind == "" {
				continue
			}
			for i, op := range f.Operators {
				id := f.Name + "/" + strconv.Itoa(i)
				r := rule{"id": id, "field": f.Name, "operator": op.Name, "value": sampleValue(f.Kind, op.Name)}
				// Alone at the top (a variable when it can be one), negated,
				// and in a nested or under a not beside a negated rule.
				add(group{"id": "root", "combinator": "and", "rules": []any{r}}, res.String())
				neg := rule{"id": id, "field": f.Name, "operator": op.Name, "value": sampleValue(f.Kind, op.Name), "not": true}
				add(group{"id": "root", "combinator": "and", "rules": []any{neg}}, res.String())
				add(group{"id": "root", "combinator": "and", "rules": []any{
					rule{"id": "d", "field": "d", "operator": "between", "value": []string{"today-30d", "today"}},
					group{"id": "g", "combinator": "or", "not": true, "rules": []any{
						r,
						rule{"id": "x", "field": "duration", "operator": ">", "value": "600", "not": true},
						group{"id": "h", "combinator": "and", "rules": []any{
							rule{"id": "y", "field": "startDate", "operator": ">=", "value": "today-7d"},
							rule{"id": "z", "field": "agentID", "operator": "=", "value": "ann"}}}}}}}, res.String())
			}
		}
	}
	// The Done-when journey's group, its not, and independent combinators.
	journey := group{"id": "root", "combinator": "and", "rules": []any{
		group{"id": "agents", "combinator": "or", "rules": []any{
			rule{"id": "bill", "field": "agentID", "operator": "=", "value": "bill"},
			rule{"id": "ann", "field": "agentID", "operator": "=", "value": "ann"}}},
		rule{"id": "long", "field": "duration", "operator": ">", "value": "600"},
		rule{"id": "since", "field": "startDate", "operator": ">=", "value": "today-7d"}}}
	add(journey, "files")
	add(group{"id": "root", "combinator": "and", "not": true, "rules": journey["rules"]}, "files")
	add(group{"id": "root", "rules": []any{
		rule{"id": "a", "field": "agentID", "operator": "=", "value": "bill"}, "and",
		rule{"id": "b", "field": "duration", "operator": "<", "value": "60"}, "or",
		rule{"id": "c", "field": "channel", "operator": "beginsWith", "value": "800", "disabled": true}, "or",
		rule{"id": "e", "field": "queueName", "operator": "endsWith", "value": "sales"}}}, "files")
	// Refused: each fault on its rule.
	for _, bad := range []group{
		{"id": "root", "combinator": "or", "rules": []any{
			rule{"id": "d", "field": "d", "operator": "=", "value": "today"},
			rule{"id": "a", "field": "agentID", "operator": "=", "value": "bill"}}},
		{"id": "root", "combinator": "and", "rules": []any{group{"id": "g", "combinator": "or", "rules": []any{
			rule{"id": "s", "field": "startDate", "operator": ">=", "value": "today-7"},
			rule{"id": "t", "field": "startDate", "operator": "in", "value": "today, 2007-02-30"},
			rule{"id": "u", "field": "duration", "operator": ">", "value": "10m"},
			rule{"id": "v", "field": "duration", "operator": "between", "value": []string{"60"}},
			rule{"id": "w", "field": "agentId", "operator": "!=", "value": "x"},
			rule{"id": "x", "field": "agentID", "operator": "<", "value": "x"},
			rule{"id": "y", "field": "callerID", "operator": "=", "value": "x", "valueSource": "field"},
			rule{"id": "z", "field": "queueName", "operator": "null", "value": ""}}}}},
		{"id": "root", "combinator": "and", "rules": []any{
			rule{"id": "n", "field": "n", "operator": "=", "value": "0"},
			group{"id": "g", "not": true, "combinator": "and", "rules": []any{
				rule{"id": "m", "field": "metaData.fieldValue", "operator": "contains", "value": ""}}}}},
	} {
		add(bad, "files")
		add(bad, "transcripts")
	}
	return out
}

// TestBrowserRuleGroups runs the rule-group functions of the module in
// chromium over browserGroups: fromRuleGroup, validateRuleGroup, and
// toRuleGroup of every query accepted (and fromRuleGroup of that group
// again) must answer exactly what the Go querybuilder package answers
// (ref_test.go's encoding/json calls), key for key.
func TestBrowserRuleGroups(t *testing.T) {
	groups := browserGroups(t)
	in, err := json.Marshal(groups)
	if err != nil {
		t.Fatal(err)
	}
	eval := loadModule(t)
	raw := eval(`(` + string(in) + `).map(({group, resource}) => {
		const opts = {resource, format: "csv"};
		const from = m.fromRuleGroup(group, opts);
		const back = from.query ? m.toRuleGroup(from.query) : null;
		return {from, validation: m.validateRuleGroup(group, opts), back, again: back ? m.fromRuleGroup(back, opts) : null};
	})`)
	var got []struct{ From, Validation, Back, Again json.RawMessage }
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(groups) {
		t.Fatalf("%d answers to %d groups", len(got), len(groups))
	}
	ref := refApi{now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }}
	goAnswer := func(v any, err error) any {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var out any
		json.Unmarshal(b, &out)
		return out
	}
	value := func(raw json.RawMessage) any {
		var v any
		json.Unmarshal(raw, &v)
		return v
	}
	var accepted, refused, filters, nots int
	for i, g := range groups {
		opts := `{"resource": "` + g.Resource + `", "format": "csv"}`
		from := goAnswer(ref.FromRuleGroup(string(g.Group), opts))
		if diff := cmp.Diff(from, value(got[i].From)); diff != "" {
			t.Errorf("fromRuleGroup(%s) on %s (-go +browser):\n%s", g.Group, g.Resource, diff)
		}
		if diff := cmp.Diff(goAnswer(ref.ValidateRuleGroup(string(g.Group), opts)), value(got[i].Validation)); diff != "" {
			t.Errorf("validateRuleGroup(%s) (-go +browser):\n%s", g.Group, diff)
		}
		var checked struct {
			Query     json.RawMessage
			Canonical string
		}
		json.Unmarshal(got[i].From, &checked)
		if checked.Query == nil {
			refused++
			continue
		}
		accepted++
		if q := value(checked.Query).(map[string]any); q["filter"] != nil {
			filters++
		}
		if string(g.Group) != "" && json.Valid(g.Group) && containsNot(g.Group) {
			nots++
		}
		if diff := cmp.Diff(goAnswer(ref.ToRuleGroup(string(checked.Query))), value(got[i].Back)); diff != "" {
			t.Errorf("toRuleGroup(%s) (-go +browser):\n%s", checked.Query, diff)
		}
		var again struct{ Canonical string }
		json.Unmarshal(got[i].Again, &again)
		if again.Canonical != checked.Canonical {
			t.Errorf("%s: group → query → group → query gives %s, then %s", g.Group, checked.Canonical, again.Canonical)
		}
	}
	// The corpus must reach what it is for.
	if accepted < 100 || refused < 6 || filters < 100 || nots < 50 {
		t.Errorf("the corpus reaches %d accepted (%d with a filter, %d with not) and %d refused groups", accepted, filters, nots, refused)
	}
}

// containsNot reports whether a group's JSON negates a rule or a group.
func containsNot(b []byte) bool {
	var walk func(v any) bool
	walk = func(v any) bool {
		switch v := v.(type) {
		case map[string]any:
			if v["not"] == true {
				return true
			}
			for _, x := range v {
				if walk(x) {
					return true
				}
			}
		case []any:
			for _, x := range v {
				if walk(x) {
					return true
				}
			}
		}
		return false
	}
	var v any
	json.Unmarshal(b, &v)
	return walk(v)
}
