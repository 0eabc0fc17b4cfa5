package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// FuzzDispatch feeds any text to recq._call: it never panics, always
// answers one JSON object, {"ok": …} or {"throw": …}, and answers what the
// encoding/json calls it replaced answer (ref_test.go).
func FuzzDispatch(f *testing.F) {
	for _, seed := range []string{
		`["parse", "GET", "/files?d=today&tz=America/Denver", {"now": "2026-11-25T12:00:00Z"}]`,
		`["fromRuleGroup", {"combinator": "and", "rules": [{"field": "d", "operator": "=", "value": "2007-02-30"}]}, {"resource": "transcripts"}]`,
		`["validateRuleGroup", "{\"rules\": [\"or\"]}", null]`,
		`["resolve", {"resource": "files", "d": "today-1d,today"}, {"now": 1795608000000, "tenantZone": "Asia/Tokyo"}]`,
		`["canonical", "not json"]`, `[]`, `[1]`, `"parse"`,
	} {
		f.Add(seed)
	}
	a := api{now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }}
	f.Fuzz(func(t *testing.T, call string) {
		got := dispatch(a, call)
		var out map[string]json.RawMessage
		if err := json.Unmarshal([]byte(got), &out); err != nil || len(out) != 1 {
			t.Fatalf("%q: %v %v", call, out, err)
		}
		if want := strings.ReplaceAll(refDispatch(refApi(a), call), "refOptions", "options"); got != want {
			t.Fatalf("%q:\n got %s\nwant %s", call, got, want)
		}
	})
}
