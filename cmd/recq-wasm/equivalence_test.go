package main

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/conformance"
)

// callText draws a call of recq._call: every function, with arguments
// that reach accepted and refused answers and misuses (bad options, bad
// JSON, wrong types), given as JSON values or as strings holding JSON, and
// now and then the whole text cut or changed by a byte.
func callText(cases []conformance.Case) *rapid.Generator[string] {
	targets := []string{"/files", "/files.json?d=today&tz=America/New_York", "/files?d=2007-08-05", "/transcripts?d=yesterday,today&agentID=bill", "/files?n=0", "/files?tz=Europe/Lodon", "/files?d=2026-03-08T02:30:00&tz=America/New_York", "/filez?x=1", "/files?agentID=%3Cb%3E&metaData_fieldName=Color&metaData_fieldValue=Blue", "/file/a.wav", "/files?d=today,yesterday", "/files?start-date=2007-01-01&finish-date=2007-01-02&callerID=\u2028"}
	for _, c := range cases {
		targets = append(targets, c.Target)
	}
	queries := []string{`{"resource": "files"}`, `{"resource": "transcripts", "format": "json", "n": 51}`, `{"resource": "files", "d": "today-1d,today", "tz": "America/Denver"}`, `{"resource": "files", "fields": {"agentID": "bill", "callerID": "<&>"}, "metaData": {"fieldName": "Color"}}`, `{"resource": "filez"}`, `{"resource": "files", "d": 5}`, `{"resource": "files", "bogus": 1}`, `{"Resource": "FILES"}`, `{"resource": "file"}`, `{"resource": "files", "n": 1.5}`, `{"resource": "files", "start-date": "2007-01-02", "finish-date": "2007-01-01"}`, `not json`, `[]`, `null`, `""`, `{"resource": "files", "metaData": {"fieldNam": "x"}}`,
		// Queries with a filter: toRuleGroup writes it as the nested group "filter".
		`{"resource": "files", "format": "csv", "d": "today-7d,today", "fields": {"agentID": "bill"}, "filter": "(agentID==bill,agentID==ann);duration=gt=600;startDate=ge=today-7d"}`,
		`{"resource": "transcripts", "filter": "metaData.fieldValue!=*x\\*y*,(startDate=in=(today,2007-08-05);finishDate=lt=2007-08-05T13:15-08:00)"}`,
		`{"resource": "files", "filter": "agentID=out=(a,'b c');duration=in=(1,2)"}`, `{"resource": "files", "filter": "agentId==x"}`, `{"resource": "files", "filter": ""}`, `{"resource": "files", "filter": 5}`}
	groups := []string{`{"combinator": "and", "rules": [{"id": "a", "field": "agentID", "operator": "=", "value": "x"}]}`, `{"combinator": "or", "rules": [{"id": "a", "field": "agentID", "operator": "=", "value": "x"}, {"id": "b", "field": "channel", "operator": "=", "value": "y"}]}`, `{"combinator": "and", "rules": [{"field": "d", "operator": "=", "value": "2007-02-30"}]}`, `{"rules": ["or"]}`, `{"combinator": "and", "rules": [{"id": "n", "field": "n", "operator": "=", "value": 5}, {"id": "t", "field": "tz", "operator": "=", "value": "Asia/Tokio"}]}`, `{"combinator": "and", "not": true, "rules": []}`, `[1]`, `"x"`,
		`{"id": 5, "rules": []}`, `{"not": "x", "combinator": 1, "rules": []}`, `{"rules": {}}`, `{"rules": [5]}`, `{"rules": [null, "and", {"field": "agentID", "operator": "=", "value": "b"}]}`, `{"rules": [{"field": 5}]}`, `{"rules": [{"rules": 5}]}`, `{"Rules": [{"field": "tz", "operator": "=", "value": "Asia/Tokio"}], "COMBINATOR": "AND"}`, `{"combinator": null, "rules": null}`, `{"rules": [{"id": "a", "disabled": "yes", "field": 1}]}`, `{"rules": [{"id": "a", "field": "d", "operator": "between", "value": ["2007-08-05", "2007-08-07"]}, {"id": "b", "Field": "n", "operator": "=", "value": "51", "valueSource": "field"}]}`, `{"rules": [{"rules": [{"field": "agentID", "operator": "contains", "value": 1.5e3}], "combinator": "or", "disabled": true}]}`, `{"rules": [{"field": "agentID", "operator": "=", "value": "x"}, {"field": "agentID", "operator": "=", "value": "y"}], "id": null, "disabled": false}`, `{"rules": [[1]]}`, `{"rules": [{"field": "d", "operator": "=", "value": "2026-13-45", "id": "bad<&>"}], "not": null}`, `null`, `{"rules": [{"rules": [], "id": 7}]}`, `{"rules": [{"field": "metaData_fieldName", "operator": "contains", "value": "\u00e9\ud800"}]}`,
		// Nested groups, or, not on groups and rules, every operator: the filter.
		`{"id": "root", "combinator": "and", "rules": [{"id": "agents", "combinator": "or", "rules": [{"id": "bill", "field": "agentID", "operator": "=", "value": "bill"}, {"id": "ann", "field": "agentID", "operator": "=", "value": "ann"}]}, {"id": "long", "field": "duration", "operator": ">", "value": "600"}, {"id": "since", "field": "startDate", "operator": ">=", "value": "today-7d"}]}`,
		`{"combinator": "and", "not": true, "rules": [{"combinator": "or", "rules": [{"field": "agentID", "operator": "contains", "value": "b*l", "not": true}, {"field": "duration", "operator": "between", "value": ["60", "600"]}]}, {"field": "finishDate", "operator": "notBetween", "value": "today-1d, today"}]}`,
		`{"combinator": "or", "rules": [{"field": "channel", "operator": "in", "value": "a,b ,c"}, {"field": "queueName", "operator": "notIn", "value": ["x", "y(z)"]}, {"field": "transactionCode.name", "operator": "beginsWith", "value": "Sale"}, {"field": "callerID", "operator": "doesNotEndWith", "value": "0"}, {"field": "extVar1", "operator": "matches", "value": "a*\\*"}, {"field": "extVar2", "operator": "doesNotMatch", "value": "*"}, {"field": "startDate", "operator": "<=", "value": "2007-08-05"}, {"field": "startDate", "operator": "!=", "value": "today"}, {"field": "duration", "operator": "<", "value": "0"}, {"field": "metaData.fieldName", "operator": "doesNotBeginWith", "value": "C"}]}`,
		`{"combinator": "and", "rules": [{"id": "g", "combinator": "or", "rules": [{"id": "s", "field": "startDate", "operator": ">=", "value": "today-7"}, {"id": "u", "field": "duration", "operator": ">", "value": "10m"}, {"id": "v", "field": "duration", "operator": "between", "value": ["60"]}, {"id": "w", "field": "agentId", "operator": "!=", "value": "x"}, {"id": "x", "field": "agentID", "operator": "<", "value": "x"}, {"id": "d", "field": "d", "operator": "=", "value": "today"}]}]}`,
		`{"rules": [{"field": "agentID", "operator": "=", "value": "a"}, "and", {"field": "duration", "operator": ">=", "value": 5}, "or", {"not": true, "rules": [{"field": "startDate", "operator": "in", "value": ["today", "2007-02-30"]}]}]}`,
		`{"rules": [{"id": "filter", "combinator": "and", "rules": [{"id": "filter/0", "field": "agentID", "operator": "=", "value": "bill"}]}, {"field": "agentID", "operator": "=", "value": "ann"}]}`}
	opts := []string{``, `null`, `{}`, `{"now": "2026-11-25T12:00:00Z"}`, `{"now": 1795608000000, "tenantZone": "Asia/Tokyo"}`, `{"now": "yesterday"}`, `{"now": true}`, `{"now": 1e400}`, `{"now": null, "tenantZone": null}`, `{"tenantZone": "Mars/Olympus"}`, `{"tenantZone": 5}`, `{"TENANTZONE": "Europe/Paris", "tenantzone": "Pacific/Apia"}`, `{"resource": "transcripts", "format": "csv"}`, `{"resource": "files.csv"}`, `{"format": "txt"}`, `{"format": ["csv"], "resource": {}}`, `[1]`, `"x"`, `abc`, ` null `, `{"now": -62135596800001}`, `{"now": "2026-11-25T12:00:00+05:30", "extra": [1, {"a": null}]}`}
	quote := func(s string) string { return strconv.Quote(s) } // a JSON string too, for these texts
	return rapid.Custom(func(t *rapid.T) string {
		arg := func(pool []string, label string) string {
			s := rapid.SampledFrom(pool).Draw(t, label)
			switch {
			case s == "":
				return "null"
			case rapid.Bool().Draw(t, label+"-as-string"):
				return quote(s)
			case strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[") || s == "null" || s == `""`:
				return s
			}
			return quote(s)
		}
		name := rapid.SampledFrom([]string{"parse", "parse", "parse", "schema", "fields", "fromJSON", "canonical", "resolve", "toRuleGroup", "fromRuleGroup", "validateRuleGroup", "eval"}).Draw(t, "function")
		parts := []string{quote(name)}
		switch name {
		case "parse":
			parts = append(parts, quote(rapid.SampledFrom([]string{"GET", "DELETE", "POST"}).Draw(t, "method")), quote(rapid.SampledFrom(targets).Draw(t, "target")), arg(opts, "options"))
		case "fields":
			parts = append(parts, quote(rapid.SampledFrom([]string{"files", "transcripts", "files.csv", ""}).Draw(t, "resource")))
		case "fromJSON", "canonical", "toRuleGroup":
			parts = append(parts, arg(queries, "query"))
		case "resolve":
			parts = append(parts, arg(queries, "query"), arg(opts, "options"))
		case "fromRuleGroup", "validateRuleGroup":
			parts = append(parts, arg(groups, "group"), arg(opts, "options"))
		}
		parts = parts[:rapid.IntRange(1, len(parts)).Draw(t, "arguments")]
		text := "[" + strings.Join(parts, ", ") + "]"
		if rapid.IntRange(0, 9).Draw(t, "noise") == 0 && len(text) > 0 {
			i := rapid.IntRange(0, len(text)-1).Draw(t, "at")
			switch rapid.IntRange(0, 2).Draw(t, "edit") {
			case 0:
				text = text[:i]
			case 1:
				text = text[:i] + rapid.SampledFrom([]string{`"`, `\`, `,`, `]`, `{`, "\x00", "\xff", ` `}).Draw(t, "byte") + text[i+1:]
			case 2:
				text = text[:i] + text[i+1:]
			}
		}
		return text
	})
}

// TestDispatchAsEncodingJSON: for any call, dispatch answers byte for byte
// what the module answered when it read and wrote JSON with encoding/json
// (ref_test.go), accepted, refused and misused alike, options cached or not.
func TestDispatchAsEncodingJSON(t *testing.T) {
	cases, err := conformance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }
	a, ref := api{now: clock}, refApi{now: clock}
	rapid.Check(t, func(t *rapid.T) {
		text := callText(cases).Draw(t, "call")
		want := strings.ReplaceAll(refDispatch(ref, text), "refOptions", "options")
		for range 2 { // the second time from the options cache
			if got := dispatch(a, text); got != want {
				t.Fatalf("%s\n got %s\nwant %s", text, got, want)
			}
		}
	})
}

// BenchmarkRefDispatch is BenchmarkNativeDispatch through the reference
// (encoding/json) calls, for comparison.
func BenchmarkRefDispatch(b *testing.B) {
	var texts []string
	for _, c := range documentCalls(b) {
		texts = append(texts, `["parse", `+strconv.Quote(c.Method)+`, `+strconv.Quote(c.Target)+`, {"now": `+strconv.Quote(c.Now)+`, "tenantZone": `+strconv.Quote(c.Tenant)+`}]`)
	}
	a := refApi{now: time.Now}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		refDispatch(a, texts[i%len(texts)])
	}
}
