package schema

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/filter"
)

// querySchema is QueryJSONSchema as a JSON document decodes it.
func querySchema(t *testing.T) any {
	t.Helper()
	b, err := json.Marshal(QueryJSONSchema())
	if err != nil {
		t.Fatal(err)
	}
	var s any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func decode(t *testing.T, doc string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("%s: %v", doc, err)
	}
	return v
}

// TestQueryJSONSchemaAcceptsRealQueries checks the schema against the JSON
// form of every request of the conformance suite that the library accepts.
func TestQueryJSONSchemaAcceptsRealQueries(t *testing.T) {
	s := querySchema(t)
	cases, err := conformance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, c := range cases {
		q, err := filter.Parse(c.Method, c.Target)
		if err != nil {
			continue
		}
		b, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		if faults := validate(s, decode(t, string(b)), ""); len(faults) > 0 {
			t.Errorf("%s %s: %s is refused by the schema:\n\t%s", c.Method, c.Target, b, strings.Join(faults, "\n\t"))
		}
		checked++
	}
	if checked < 20 {
		t.Fatalf("only %d accepted cases checked", checked)
	}
}

// TestQueryJSONSchema checks documents written by hand: those the schema
// accepts, the library accepts too, and those it refuses, the library
// refuses too (the library may refuse more: dates, zones).
func TestQueryJSONSchema(t *testing.T) {
	s := querySchema(t)
	for _, tt := range []struct {
		doc   string
		valid bool
	}{
		{`{"resource": "files"}`, true},
		{`{"method": "GET", "resource": "transcripts", "format": "csv", "d": "today-1d,today", "tz": "America/Denver", "fields": {"agentName": "Bill"}, "metaData": {"fieldName": "Color"}, "n": 51}`, true},
		{`{"resource": "files", "start-date": "2007-12-19T19:16:58Z", "fields": {"agentID": "bill", "duration": "27"}, "metaData": {"fieldName": "a", "fieldValue": "b"}, "n": 1000000000}`, true},
		{`{"method": "DELETE", "resource": "file", "id": "S20071220/R2007122003163601000.wav"}`, true},
		{`{"resource": "transcript", "id": "int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant", "format": "json"}`, true},
		{`{"resource": "files", "warnings": [{"variable": "finish-date", "message": "ignored"}]}`, true},
		{`{"resource": "files", "filter": "(agentID==bill,agentID==ann);duration=gt=600;startDate=ge=today-7d"}`, true},
		{`{"resource": "transcripts", "filter": "metaData.fieldName==Color"}`, true},

		{`{}`, false},
		{`{"resource": "records"}`, false},
		{`{"resource": "files", "format": "txt"}`, false},
		{`{"resource": "files", "method": "POST"}`, false},
		{`{"resource": "files", "n": 0}`, false},
		{`{"resource": "files", "n": 1000000001}`, false},
		{`{"resource": "files", "n": "2"}`, false},
		{`{"resource": "files", "n": 1.5}`, false},
		{`{"resource": "files", "d": 20070805}`, false},
		{`{"resource": "files", "d": ""}`, false},
		{`{"resource": "files", "tz": ""}`, false},
		{`{"resource": "files", "agentID": "bill"}`, false},
		{`{"resource": "files", "fields": {"agentName": "bill"}}`, false},
		{`{"resource": "transcripts", "fields": {"channel": "x"}}`, false},
		{`{"resource": "files", "fields": {"agentID": 7}}`, false},
		{`{"resource": "files", "metaData": {"name": "x"}}`, false},
		{`{"resource": "file", "method": "DELETE"}`, false},
		{`{"resource": "file", "method": "DELETE", "id": "S2007/R1.wav"}`, false},
		{`{"resource": "file", "method": "DELETE", "id": "S20071220/R1.wav", "d": "today"}`, false},
		{`{"resource": "transcript", "id": "a/b"}`, false},
		{`{"resource": "transcript", "id": "abc", "format": "csv"}`, false},
		{`{"resource": "transcript", "id": "` + strings.Repeat("a", 257) + `"}`, false},
		{`{"resource": "files", "id": "abc"}`, false},
		{`{"resource": "transcripts", "filter": "transactionCode.name==x"}`, false},
		{`{"resource": "files", "filter": "start-date==today"}`, false},
		{`{"resource": "file", "method": "DELETE", "id": "S20071220/R1.wav", "filter": "agentID==x"}`, false},
	} {
		faults := validate(s, decode(t, tt.doc), "")
		if got := len(faults) == 0; got != tt.valid {
			t.Errorf("%s: valid %v, want %v: %v", tt.doc, got, tt.valid, faults)
		}
		var q filter.Query
		err := json.Unmarshal([]byte(tt.doc), &q)
		if tt.valid && err != nil {
			t.Errorf("%s: the schema accepts it, the library refuses it: %v", tt.doc, err)
		}
		if !tt.valid && err == nil {
			t.Errorf("%s: the schema refuses it, the library accepts it", tt.doc)
		}
	}
}

// TestQueryJSONSchemaIsDraft2020 checks the dialect and that the schema is
// one JSON document.
func TestQueryJSONSchemaIsDraft2020(t *testing.T) {
	s := querySchema(t).(map[string]any)
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", s["$schema"])
	}
}
