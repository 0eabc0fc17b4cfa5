package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestDispatch checks recq._call's envelope natively: {"ok": answer} for an
// answer (a refusal is one), {"throw": message} for a misuse. The table
// runs twice: the second time, options come from readOptions' cache.
func TestDispatch(t *testing.T) {
	for pass := 0; pass < 2; pass++ {
		testDispatch(t)
	}
}

func testDispatch(t *testing.T) {
	a := api{now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }}
	for _, tt := range []struct {
		call, ok, throw string
	}{
		{`["parse", "GET", "/files?d=today&tz=America/Denver", null]`, `"d":{"from":"2026-11-25T00:00:00-07:00"`, ""},
		{`["parse", "GET", "/files?d=today", {"now": 1795608000000, "tenantZone": "Asia/Tokyo"}]`, `"zone":"Asia/Tokyo","d":{"from":"2026-11-25T00:00:00+09:00"`, ""},
		{`["parse", "GET", "/files?n=0", {}]`, `"variable":"n"`, ""},
		{`["parse", "GET", "/files?agentID=\u0062ill", {"now": "2026-11-25T12:00:00Z"}]`, `"canonical":"/files?agentID=bill"`, ""},
		{`["canonical", {"resource": "transcripts", "format": "json", "n": 51}]`, `{"canonical":"/transcripts.json?n=51"}`, ""},
		{`["canonical", "{\"resource\": \"files\"}"]`, `{"canonical":"/files"}`, ""},
		{`["fromRuleGroup", {"combinator": "or", "rules": [{"id": "a", "field": "agentID", "operator": "=", "value": "x"}, {"id": "b", "field": "channel", "operator": "=", "value": "y"}]}, {"format": "csv"}]`, `"canonical":"/files.csv?filter=agentID==x,channel==y"`, ""},
		{`["fromRuleGroup", {"combinator": "or", "rules": [{"id": "a", "field": "d", "operator": "=", "value": "today"}, {"id": "b", "field": "channel", "operator": "=", "value": "y"}]}, {"format": "csv"}]`, `"error":{"rule":"a","variable":"d","code":"unsupported-rule"`, ""},
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

// TestOptionsCacheBound checks that readOptions' cache stays bounded and
// that what it gives back is what decoding gives.
func TestOptionsCacheBound(t *testing.T) {
	for i := range 3 * maxCached {
		text := `{"now": ` + strconv.Itoa(1795608000000+i*1000) + `, "tenantZone": "Asia/Tokyo"}`
		for range 2 {
			o, err := readOptions(text)
			if err != nil {
				t.Fatal(err)
			}
			now, _, err := o.clock(time.Now)
			if err != nil || now.UnixMilli() != int64(1795608000000+i*1000) || o.TenantZone != "Asia/Tokyo" {
				t.Fatalf("%s: %v %v %+v", text, now, err, o)
			}
		}
		if n := len(optionsSeen.seen); n > maxCached {
			t.Fatalf("the cache holds %d options, more than %d", n, maxCached)
		}
	}
}
