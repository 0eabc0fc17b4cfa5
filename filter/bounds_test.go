package filter_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/recq/recq/filter"
)

// A query that resolves outside the years 0000 to 9999 is refused with
// bad-date-part, spanning the value at fault in the text as given.
func TestYearsOutOfRangeSpans(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		target, variable, text string
	}{
		{"/files?d=9999-12-31", "d", "9999-12-31"},
		{"/files?agentID=x&d=0000-01-01T00:00%2B00:01", "d", "0000-01-01T00:00%2B00:01"},
		{"/files?n=2&start-date=0000-01-01&agentID=b", "start-date", "0000-01-01"},
		{"https://h/api/recordings/files?finish-date=9999-12-31T23:59:59Z#x", "finish-date", "9999-12-31T23:59:59Z"},
		{"/files?tz=America/New_York&d=0000-01-01T00:00Z", "d", "0000-01-01T00:00Z"},
	} {
		q, err := filter.Parse("GET", tt.target)
		if err != nil {
			t.Fatalf("%s: %v", tt.target, err)
		}
		_, err = q.Resolve(now, nil)
		f := filter.Faults(err)
		if len(f) != 1 || f[0].Code != filter.CodeBadDatePart || f[0].Variable != tt.variable {
			t.Errorf("%s: %v, want one bad-date-part in %s", tt.target, err, tt.variable)
			continue
		}
		if got := tt.target[f[0].Span.Start:f[0].Span.End]; got != tt.text {
			t.Errorf("%s: the span holds %q, want %q", tt.target, got, tt.text)
		}
		if f[0].UTF16 != f[0].Span { // ASCII: the same offsets
			t.Errorf("%s: UTF-16 span %v, byte span %v", tt.target, f[0].UTF16, f[0].Span)
		}
	}
	// The JSON form points at the value of its key.
	text := `{"resource": "files", "start-date": "0000-01-01"}`
	var q filter.Query
	if err := json.Unmarshal([]byte(text), &q); err != nil {
		t.Fatal(err)
	}
	_, err := q.Resolve(now, nil)
	f := filter.Faults(err)
	if len(f) != 1 || f[0].JSONPath != "start-date" || text[f[0].Span.Start:f[0].Span.End] != "0000-01-01" {
		t.Errorf("JSON: %+v", f)
	}
}
