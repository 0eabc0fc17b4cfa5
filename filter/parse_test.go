package filter_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// Every request of the API document, and its canonical form (docs/LANGUAGE.md §8).
var documentRequests = []struct {
	method, target, canonical string
	resource                  filter.Resource
}{
	{"GET", "https://vcc-naX.8x8.com/api/recordings/files/", "/files", filter.Files},
	{"GET", "https://vcc-naX.8x8.com/api/recordings/files.csv", "/files.csv", filter.Files},
	{"GET", "/files", "/files", filter.Files},
	{"GET", "https://vcc-naX.8x8/api/recordings/files?agentID=bill&channel=8005557780&phoneNumber=4155551234&finish-date=2007-12-19 19:16:58Z",
		"/files?finish-date=2007-12-19T19:16:58Z&agentID=bill&channel=8005557780&phoneNumber=4155551234", filter.Files},
	{"DELETE", "/files/S20071220/R200712200316361000.wav", "/files/S20071220/R200712200316361000.wav", filter.File},
	{"DELETE", "/files/S20071220/R200712200316361000", "/files/S20071220/R200712200316361000.wav", filter.File},
	{"GET", "/transcripts", "/transcripts", filter.Transcripts},
	{"GET", "/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant", "/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant", filter.Transcript},
	{"DELETE", "/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant", "/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant", filter.Transcript},
	{"GET", "https://vcc-naX.8x8.com/api/recordings/files?d=2007-08-05&tz=America/New_York", "/files?d=2007-08-05&tz=America/New_York", filter.Files},
	{"GET", "https://vcc-naX.8x8.com/api/recordings/files?d=2007-08-05,2007-08-07", "/files?d=2007-08-05,2007-08-07", filter.Files},
	{"GET", "https://vcc-naX.8x8.com/api/recordings/files?d=2007-08-05%2013:15Z,2007-08-07%2014:30Z", "/files?d=2007-08-05T13:15Z,2007-08-07T14:30Z", filter.Files},
	{"GET", "https://vcc-naX.8x8.com/api/recordings/files?d=20070805T1315Z,20070807T1430Z", "/files?d=2007-08-05T13:15Z,2007-08-07T14:30Z", filter.Files},
	{"GET", "https://vcc-naX.8x8.com/api/recordings/files?d=today-1d,today&tz=America/Denver", "/files?d=today-1d,today&tz=America/Denver", filter.Files},
	{"GET", "https://vcc-naX.8x8.com/api/recordings/files?n=101", "/files?n=101", filter.Files},
	{"GET", "https://vcc-naX.8x8.com/api/recordings/files?channel=8005551234", "/files?channel=8005551234", filter.Files},
	{"GET", "/files?metaData_fieldName=alphabets%20in", "/files?metaData_fieldName=alphabets%20in", filter.Files},
	{"GET", "/files?metaData_fieldName=alphabets+in", "/files?metaData_fieldName=alphabets%20in", filter.Files},
	// The fragment is the client's: a '?' after the first '#' starts no query.
	{"GET", "/files#top?agentID=bill&n=51", "/files", filter.Files},
}

func TestParseDocumentRequests(t *testing.T) {
	for _, tt := range documentRequests {
		t.Run(tt.target, func(t *testing.T) {
			q, err := filter.Parse(tt.method, tt.target)
			if err != nil {
				t.Fatalf("Parse(%s %q): %v", tt.method, tt.target, err)
			}
			if q.Resource != tt.resource {
				t.Errorf("resource %v, want %v", q.Resource, tt.resource)
			}
			c := encode.Canonical(q)
			if c != tt.canonical {
				t.Errorf("canonical\n got %s\nwant %s", c, tt.canonical)
			}
			q2, err := filter.Parse(tt.method, c)
			if err != nil {
				t.Fatalf("canonical %q refused: %v", c, err)
			}
			if c2 := encode.Canonical(q2); c2 != c {
				t.Errorf("canonical form is not a fixed point: %q then %q", c, c2)
			}
		})
	}
}

func TestParseQueryFields(t *testing.T) {
	q, err := filter.Parse("", "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill&channel=8005557780&metaData_fieldName=Color&n=101")
	if err != nil {
		t.Fatal(err)
	}
	if q.Method != "GET" || q.Format != filter.CSV || !q.HasDate || q.Date.String() != "today-1d,today" || q.ZoneName != "America/Denver" || q.N != 101 {
		t.Errorf("query %+v", q)
	}
	want := []filter.Field{{Name: "agentID", Value: "bill"}, {Name: "channel", Value: "8005557780"}}
	if diff := cmp.Diff(want, q.Fields); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	if !q.HasMetaName || q.MetaName != "Color" || q.HasMetaValue {
		t.Errorf("metadata %q %v %q %v", q.MetaName, q.HasMetaName, q.MetaValue, q.HasMetaValue)
	}
}

func TestStartAndFinishDateWarns(t *testing.T) {
	q, err := filter.Parse("GET", "/files?finish-date=2007-12-19T19:16:58Z&start-date=2007-12-19T19:16:30Z")
	if err != nil {
		t.Fatal(err)
	}
	if q.HasFinishDate || !q.HasStartDate || len(q.Warnings) != 1 || q.Warnings[0].Variable != "finish-date" {
		t.Errorf("query %+v", q)
	}
	if c := encode.Canonical(q); c != "/files?start-date=2007-12-19T19:16:30Z" {
		t.Errorf("canonical %q keeps finish-date", c)
	}
}

// Each bad request, with the fault it must report first.
var rejectTests = []struct {
	name, method, target string
	variable             string
	pos                  int
	want                 string
}{
	{"unknown variable", "GET", "/files?agent=bill", "agent", -1, "did you mean agentID?"},
	{"Start-Date", "GET", "/files?Start-Date=today", "Start-Date", -1, "did you mean start-date?"},
	{"startDate", "GET", "/files?startDate=today", "startDate", -1, "use start-date"},
	{"agentId", "GET", "/files?agentId=bill", "agentId", -1, "did you mean agentID?"},
	{"transcript field on files", "GET", "/files?agentName=Bill", "agentName", -1, "field of transcripts"},
	{"given twice", "GET", "/files?agentID=bill&agentID=jo", "agentID", -1, "agentID is given twice"},
	{"d twice", "GET", "/files?d=today&d=today-1d", "d", -1, "d is given twice"},
	{"n=0", "GET", "/files?n=0", "n", -1, "counts from 1"},
	{"n=-5", "GET", "/files?n=-5", "n", 0, "cannot be negative"},
	{"n=abc", "GET", "/files?n=abc", "n", 0, "expected a digit"},
	{"n too big", "GET", "/files?n=99999999999", "n", -1, "out of range"},
	{"n empty", "GET", "/files?n=", "n", 0, "expected a number"},
	{".txt", "GET", "/files.txt", "path", 6, "use .json, .csv, or .xml"},
	{"transcript csv", "GET", "/transcripts/int-14a0.csv", "path", 21, "no CSV form"},
	{"traversal", "DELETE", "/files/S20071220/../R1.wav", "path", 16, "exactly one file"},
	{"encoded traversal", "DELETE", "/files/S20071220/%2e%2e/R1.wav", "path", 17, "percent-encoded"},
	{"encoded slash", "DELETE", "/files/S20071220%2FR1.wav", "path", 16, "percent-encoded"},
	{"extra segment", "DELETE", "/files/S20071220/R1/x.wav", "path", 16, "exactly one file"},
	{"bad folder", "DELETE", "/files/X20071220/R1.wav", "path", 7, "date folder"},
	{"folder not a date", "DELETE", "/files/S20071332/R1.wav", "path", 8, "not a date"},
	{"bad file", "DELETE", "/files/S20071220/R1.mp3", "path", 17, "R{digits}"},
	{"GET one file", "GET", "/files/S20071220/R1.wav", "path", -1, "only deleted"},
	{"DELETE all files", "DELETE", "/files", "path", -1, "DELETE takes one file"},
	{"unknown resource", "GET", "/Files", "path", 1, "did you mean /files?"},
	{"bad percent", "GET", "/files?agentID=bi%zzll", "agentID", 2, "two hex digits"},
	{"percent at end", "GET", "/files?agentID=bill%2", "agentID", 4, "two hex digits"},
	{"invalid utf-8", "GET", "/files?agentID=bi%FFll", "agentID", 2, "not UTF-8"},
	{"nul", "GET", "/files?agentID=bi%00ll", "agentID", 2, "control character"},
	{"64 KiB", "GET", "/files?agentID=" + strings.Repeat("x", 64<<10), "query", 8192, "longer than 8192 bytes"},
	{"no name", "GET", "/files?=bill", "query", -1, "without a variable name"},
	{"no value", "GET", "/files?agentID", "agentID", -1, "expected '='"},
	{"plus as space in d", "GET", "/files?d=2007-08-05T13:15+05:30", "d", 16, "%2B"},
	{"plus as space in today", "GET", "/files?d=today+1d", "d", 5, "%2B"},
	{"bad date", "GET", "/files?d=2007-02-30", "d", 8, "February 2007 has 28 days"},
	{"empty zone", "GET", "/files?tz=", "tz", -1, "leave tz out"},
	{"bad zone", "GET", "/files?tz=america/new_york", "tz", -1, "America/New_York"},
	{"variables on one transcript", "GET", "/transcripts/abc?agentID=bill", "query", -1, "takes no query variables"},
	{"method", "POST", "/files", "method", -1, "not accepted"},
	{"DELETE with suffix", "DELETE", "/transcripts/abc.json", "path", 16, "no format suffix"},
}

func TestParseRejects(t *testing.T) {
	for _, tt := range rejectTests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := filter.Parse(tt.method, tt.target)
			var list filter.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse(%q) = %+v, %v; want an ErrorList", tt.target, q, err)
			}
			e := list[0]
			if e.Variable != tt.variable || e.Pos != tt.pos || !strings.Contains(e.Msg+" ("+e.Hint+")", tt.want) {
				t.Errorf("Parse(%q) first fault %+v; want variable %q at %d saying %q", tt.target, e, tt.variable, tt.pos, tt.want)
			}
		})
	}
}

func TestParseListsEveryFault(t *testing.T) {
	_, err := filter.Parse("GET", "/files.txt?d=2007-02-30&Start-Date=today&n=0&agentID=a&agentID=b")
	var list filter.ErrorList
	if !errors.As(err, &list) {
		t.Fatal(err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Variable)
	}
	want := []string{"path", "d", "Start-Date", "n", "agentID"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("faults (-want +got):\n%s", diff)
	}
	var one *filter.Error
	if !errors.As(err, &one) || one.Variable != "path" {
		t.Errorf("errors.As finds %+v", one)
	}
}

func TestParseIntoReusesWithoutAllocating(t *testing.T) {
	const target = "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill&channel=8005557780&metaData_fieldName=Color&n=101"
	var q filter.Query
	if err := filter.ParseInto(&q, "GET", "/transcripts?agentName=x&n=3"); err != nil {
		t.Fatal(err)
	}
	if err := filter.ParseInto(&q, "GET", target); err != nil {
		t.Fatal(err)
	}
	if got := encode.Canonical(&q); got != "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill&channel=8005557780&metaData_fieldName=Color&n=101" {
		t.Errorf("reused query: %s", got)
	}
	if n := testing.AllocsPerRun(100, func() { _ = filter.ParseInto(&q, "GET", target) }); n != 0 {
		t.Errorf("ParseInto allocates %v times", n)
	}
}

// The rough edges a newcomer hit, each with what the message or hint must
// say and must not say.
func TestRoughEdgeMessages(t *testing.T) {
	tests := []struct {
		target        string
		want, notWant string
	}{
		{"/files?d=2007-08-05T13:15:00,5Z", "decimal sign", "four-digit year"},
		{"/files?d=2007-08-05T13:15:00,250-08:00", "decimal sign", "four-digit year"},
		{"/files?d=20070805T131500,5Z", "decimal sign", "four-digit year"},
		{"/files?d=2007-08-05T13:15%2B0530", "offset +0530", ""},
		{"/files?n=-5", "cannot be negative", "is not negative"},
		{"/files?agentID=bi%00ll", "control character", "%25"},
		{"/file", "did you mean /files?", "case-sensitive"},
		{"/Files", "case-sensitive", ""},
		{"vcc-na1.8x8.com/api/recordings/files", "https://vcc-na1.8x8.com", ""},
		{"/calls.json", `unknown resource "calls"`, "calls.json"},
		{"/files.txt", ".json", "(the default), .json"},
	}
	for _, tt := range tests {
		_, err := filter.Parse("GET", tt.target)
		var list filter.ErrorList
		if !errors.As(err, &list) {
			t.Errorf("%q accepted", tt.target)
			continue
		}
		text := list[0].Error()
		if !strings.Contains(text, tt.want) || tt.notWant != "" && strings.Contains(text, tt.notWant) {
			t.Errorf("%q: %s\nwant it to say %q and not %q", tt.target, text, tt.want, tt.notWant)
		}
		if strings.Contains(text, " (") && strings.HasSuffix(text, ")") && strings.Count(text, "(") > 1 {
			t.Errorf("%q: hint glued in parentheses: %s", tt.target, text)
		}
	}
	var q filter.Query
	if err := q.UnmarshalJSON([]byte(`{"resource":"files","dd":"x"}`)); err == nil || strings.Contains(err.Error(), "json: json:") {
		t.Errorf("JSON unknown key: %v", err)
	}
}

// A request with a ten-comparison filter parses, validates and writes its
// canonical form without allocating, once q's storage is warm.
func TestParseIntoFilterWithoutAllocating(t *testing.T) {
	const target = "/files.csv?d=today-7d,today&tz=America/Denver&filter=duration=gt=600;(agentID==bill,agentID==ann);startDate=ge=today-1d;queueName==*phone*;channel!=x;finishDate=lt=2026-12-07T12:00Z;duration=le=3600;transactionCode.name=in=(a,b);extVar1=out=(q)&n=51"
	var q filter.Query
	buf := make([]byte, 0, 1024)
	run := func() {
		if err := filter.ParseInto(&q, "GET", target); err != nil {
			t.Fatal(err)
		}
		buf = encode.AppendCanonical(buf[:0], &q)
	}
	run()
	if want := "/files.csv?d=today-7d,today&tz=America/Denver&filter=duration=gt=600%3B(agentID==bill,agentID==ann)%3BstartDate=ge=today-1d%3BqueueName==*phone*%3Bchannel!=x%3BfinishDate=lt=2026-12-07T12:00Z%3Bduration=le=3600%3BtransactionCode.name=in=(a,b)%3BextVar1=out=(q)&n=51"; string(buf) != want {
		t.Fatalf("canonical:\n got %s\nwant %s", buf, want)
	}
	if n := testing.AllocsPerRun(100, run); n != 0 {
		t.Errorf("ParseInto + AppendCanonical of a filter allocate %v times", n)
	}
}

// ParseInto reuses the storage of up to four fields: a server's worker
// parses such requests without allocating (a smaller Query, with room for
// two, was weighed and measured no quicker: bench/README.md, issue 22 item 7).
func TestParseIntoManyFieldsWithoutAllocating(t *testing.T) {
	for _, target := range []string{
		"/files?agentID=bill&channel=8005557780&phoneNumber=4155551234",
		"/files?agentID=bill&channel=8005557780&phoneNumber=4155551234&caseID=1",
	} {
		var q filter.Query
		if err := filter.ParseInto(&q, "GET", "/files?agentID=x"); err != nil {
			t.Fatal(err)
		}
		if err := filter.ParseInto(&q, "GET", target); err != nil {
			t.Fatal(err)
		}
		want, err := filter.Parse("GET", target)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(q.Fields, want.Fields) || encode.Canonical(&q) != encode.Canonical(want) {
			t.Errorf("%s: reused query has %v, want %v", target, q.Fields, want.Fields)
		}
		if n := testing.AllocsPerRun(100, func() { _ = filter.ParseInto(&q, "GET", target) }); n != 0 {
			t.Errorf("%s: ParseInto allocates %v times", target, n)
		}
	}
}

// A Query is Parse's one allocation, and its size is most of what a short
// request costs beyond the parsing (bench/README.md, issue 22 item 7): it
// stays within the 448-byte size class of Go's allocator, where it was
// measured quickest (a 416-byte Query, its fields reordered, measured 2–4 %
// slower on short requests).
func TestQuerySize(t *testing.T) {
	if n := unsafe.Sizeof(filter.Query{}); n > 448 {
		t.Errorf("filter.Query is %d bytes, more than 448", n)
	}
}
