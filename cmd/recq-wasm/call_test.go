package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestDispatch checks recq._call's envelope natively: {"ok": answer} for an
// answer (a refusal is one), {"throw": message} for a misuse.
func TestDispatch(t *testing.T) {
	a := api{now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }}
	for _, tt := range []struct {
		call, ok, throw string
	}{
		{`["parse", "GET", "/files?d=today&tz=America/Denver", null]`, `"d":{"from":"2026-11-25T00:00:00-07:00"`, ""},
		{`["parse", "GET", "/files?d=today", {"now": 1795608000000, "tenantZone": "Asia/Tokyo"}]`, `"zone":"Asia/Tokyo","d":{"from":"2026-11-25T00:00:00+09:00"`, ""},
		{`["parse", "GET", "/files?n=0", {}]`, `"variable":"n"`, ""},
		{`["canonical", {"resource": "transcripts", "format": "json", "n": 51}]`, `{"canonical":"/transcripts.json?n=51"}`, ""},
		{`["canonical", "{\"resource\": \"files\"}"]`, `{"canonical":"/files"}`, ""},
		{`["fromRuleGroup", {"combinator": "or", "rules": [{"id": "a", "field": "agentID", "operator": "=", "value": "x"}, {"id": "b", "field": "channel", "operator": "=", "value": "y"}]}, {"format": "csv"}]`, `"error":{"rule":"#","code":"unsupported-rule"`, ""},
		{`["parse", "GET", "/files", {"tenantZone": "Mars/Olympus"}]`, "", "options.tenantZone"},
		{`["parse", "GET", "/files", {"now": "yesterday"}]`, "", "options.now"},
		{`["fields", "files.csv"]`, "", "options.resource"},
		{`["eval", "/files"]`, "", `no function "eval"`},
		{`{"parse": 1}`, "", "_call"},
	} {
		var got struct {
			OK    json.RawMessage
			Throw string
		}
		out := dispatch(a, tt.call)
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: %v: %s", tt.call, err, out)
		}
		switch {
		case tt.ok != "" && (got.Throw != "" || !strings.Contains(string(got.OK), tt.ok)):
			t.Errorf("%s:\n%s\nwant ok with %s", tt.call, out, tt.ok)
		case tt.throw != "" && (got.OK != nil || !strings.HasPrefix(got.Throw, "recq: ") || !strings.Contains(got.Throw, tt.throw)):
			t.Errorf("%s:\n%s\nwant a throw about %s", tt.call, out, tt.throw)
		}
	}
}
