package querybuilder

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// FuzzToQuery feeds any JSON to the rule-group reader: it never panics, a
// fault always names a rule and has a code, and an accepted group's query
// reads back from its own exported group to the same canonical request.
func FuzzToQuery(f *testing.F) {
	for _, seed := range []string{
		`{"combinator": "and", "rules": []}`,
		`{"id": "g", "combinator": "and", "rules": [{"id": "r1", "field": "agentID", "operator": "=", "value": "bill"}, {"id": "r2", "field": "d", "operator": "between", "value": ["today-1d", "today"]}]}`,
		`{"combinator": "or", "not": true, "rules": [{"field": "n", "operator": "=", "value": 51}, "and", {"rules": [{"field": "tz", "operator": "=", "value": "america/new_york"}]}]}`,
		`{"rules": [{"field": "d", "operator": "between", "value": "2007-08-05,"}, {"field": "x", "operator": "in", "value": [1, 2], "valueSource": "field"}]}`,
		`{"rules": [{"field": "metaData_fieldValue", "operator": "contains", "value": null, "disabled": true}, 7, "or"]}`,
		`{"combinator": "and", "rules": [{"combinator": "or", "not": true, "rules": [{"field": "agentID", "operator": "beginsWith", "value": "b*"}, {"field": "duration", "operator": "between", "value": [60, "x"]}]}, {"field": "startDate", "operator": ">=", "value": "today-7d", "not": true}]}`,
		`{"not": true, "rules": [{"field": "queueName", "operator": "matches", "value": "a*\\*"}, "or", {"field": "agentID", "operator": "notIn", "value": "a, b,"}, "and", {"field": "finishDate", "operator": "notBetween", "value": "today,today+1d"}]}`,
	} {
		f.Add([]byte(seed), false)
	}
	f.Fuzz(func(t *testing.T, doc []byte, transcripts bool) {
		var g RuleGroup
		if json.Unmarshal(doc, &g) != nil {
			return
		}
		r := filter.Files
		if transcripts {
			r = filter.Transcripts
		}
		q, err := ToQuery(&g, r, filter.JSON)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("%s: %T %v", doc, err, err)
			}
			for _, e := range list {
				if e.Rule == "" || e.Code == "" || e.Message == "" {
					t.Fatalf("%s: a fault without its rule, code or message: %+v", doc, *e)
				}
			}
			Validate(&g, r, filter.JSON)
			return
		}
		back, err := ToQuery(FromQuery(q), r, filter.JSON)
		if err != nil {
			t.Fatalf("%s: the exported group of %s is refused: %v", doc, encode.Canonical(q), err)
		}
		if a, b := encode.Canonical(back), encode.Canonical(q); a != b {
			t.Fatalf("%s: %s, then %s", doc, b, a)
		}
	})
}
