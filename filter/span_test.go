package filter_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/filter"
)

// One fault of each code that Parse reports, with the text it spans in the
// request as given and the suggestions for that text.
var spanTests = []struct {
	name, method, target string
	code                 filter.Code
	start                int    // where the span starts in target
	text                 string // target[span]
	sugg                 []string
}{
	{"too long", "GET", "/files?agentID=" + strings.Repeat("x", 9000), filter.CodeTooLong, 8192, strings.Repeat("x", 15+9000-8192), nil},
	{"method", "POST", "/files", filter.CodeBadMethod, 0, "", nil},
	{"DELETE of a list", "DELETE", "/files", filter.CodeBadMethod, 1, "files", nil},
	{"GET of one file", "GET", "/files/S20071220/R1.wav", filter.CodeBadMethod, 7, "S20071220/R1.wav", nil},
	{"unknown resource", "GET", "/file", filter.CodeUnknownResource, 1, "file", []string{"files"}},
	{"resource in upper case", "GET", "/api/recordings/Files?agentID=bill", filter.CodeUnknownResource, 16, "Files", []string{"files"}},
	{"resource with a suffix", "GET", "/calls.json", filter.CodeUnknownResource, 1, "calls", nil},
	{"whole URL", "GET", "https://vcc-na1.8x8.com/api/recordings/transcript", filter.CodeUnknownResource, 39, "transcript", []string{"transcripts"}},
	{"host without a scheme", "GET", "vcc-na1.8x8.com/api/recordings/files", filter.CodeUnknownResource, 0, "vcc-na1.8x8.com", []string{"https://vcc-na1.8x8.com"}},
	{"unknown format", "GET", "/files.txt", filter.CodeBadFormat, 6, ".txt", nil},
	{"misspelled format", "GET", "/files.jsno", filter.CodeBadFormat, 6, ".jsno", []string{".json"}},
	{"CSV of one transcript", "GET", "/transcripts/abc.csv", filter.CodeBadFormat, 16, ".csv", []string{".json", ""}},
	{"DELETE with a suffix", "DELETE", "/transcripts/abc.json", filter.CodeBadFormat, 16, ".json", []string{""}},
	{"percent in the path", "DELETE", "/files/S20071220/%2e%2e/R1.wav", filter.CodeBadPath, 17, "%2e", nil},
	{"bad folder", "DELETE", "/files/X20071220/R1.wav", filter.CodeBadPath, 7, "X20071220", nil},
	{"folder not a date", "DELETE", "/files/S20071332/R1.wav", filter.CodeBadPath, 8, "20071332", nil},
	{"bad file", "DELETE", "/files/S20071220/R1.mp3", filter.CodeBadPath, 17, "R1.mp3", nil},
	{"bad GUID", "GET", "/transcripts/ab$c", filter.CodeBadPath, 15, "$", nil},
	{"segment after a GUID", "GET", "/transcripts/abc/x", filter.CodeBadPath, 16, "/x", []string{""}},
	{"query on one transcript", "GET", "/transcripts/abc?agentID=bill", filter.CodeQueryNotAllowed, 16, "?agentID=bill", []string{""}},
	{"bad percent in a value", "GET", "/files?agentID=bi%zzll", filter.CodeBadEncoding, 17, "%", []string{"%25"}},
	{"percent at the end", "GET", "/files?agentID=bill%2", filter.CodeBadEncoding, 19, "%", []string{"%25"}},
	{"control character", "GET", "/files?agentID=bi%00ll", filter.CodeBadEncoding, 17, "%00", nil},
	{"not UTF-8", "GET", "/files?agentID=%20%FF", filter.CodeBadEncoding, 18, "%FF", nil},
	{"bad percent in a name", "GET", "/files?age%zntID=bill", filter.CodeBadEncoding, 10, "%", []string{"%25"}},
	{"no name", "GET", "/files?n=2&=bill", filter.CodeMissingName, 11, "=bill", nil},
	{"no value", "GET", "/files?agentID", filter.CodeMissingValue, 7, "agentID", nil},
	{"empty tz", "GET", "/files?tz=&n=2", filter.CodeEmptyValue, 10, "", nil},
	{"unknown variable", "GET", "/files?agent=bill", filter.CodeUnknownVariable, 7, "agent", []string{"agentID"}},
	{"startDate", "GET", "/files?startDate=today", filter.CodeUnknownVariable, 7, "startDate", []string{"start-date"}},
	{"encoded name", "GET", "/files?agent%49D=bill&agent%49d=jo", filter.CodeUnknownVariable, 22, "agent%49d", []string{"agentID"}},
	{"multi-byte name", "GET", "/files?d=today&é=1", filter.CodeUnknownVariable, 15, "é", nil},
	{"field of the other resource", "GET", "/files?agentName=Bill", filter.CodeUnknownVariable, 7, "agentName", nil},
	{"duplicate field", "GET", "/files?agentID=bill&agentID=jo", filter.CodeDuplicate, 20, "agentID", nil},
	{"duplicate d", "GET", "/files?d=today&tz=UTC&d=today-1d", filter.CodeDuplicate, 22, "d", nil},
	{"bad date", "GET", "/files?d=2007-08-05X", filter.CodeBadDate, 19, "X", nil},
	{"filter: unclosed group", "GET", "/files?filter=agentID==bill;(duration==1", filter.CodeFilterSyntax, 40, "", []string{")"}},
	{"filter: list after ==", "GET", "/files?filter=agentID==(a,b)", filter.CodeFilterSyntax, 23, "(", nil},
	{"filter: encoded selector", "GET", "/files?filter=agent%49d==bill", filter.CodeUnknownSelector, 14, "agent%49d", []string{"agentID"}},
	{"filter: start-date", "GET", "/files?filter=start-date=ge=today", filter.CodeUnknownSelector, 14, "start-date", []string{"startDate"}},
	{"filter: order on text", "GET", "/files?filter=queueName=gt=x", filter.CodeOperatorType, 23, "=gt=", []string{"==", "!=", "=in=", "=out="}},
	{"filter: minutes", "GET", "/files?filter=duration=gt=10m", filter.CodeBadValue, 26, "10m", []string{"600"}},
	{"filter: too deep", "GET", "/files?filter=" + strings.Repeat("(", 33) + "agentID==a" + strings.Repeat(")", 33), filter.CodeTooDeep, 14 + 32, "(", nil},
	{"filter: plus in a date", "GET", "/files?filter=startDate=ge=today+1d", filter.CodePlusAsSpace, 32, "+", []string{"%2B"}},
	{"filter: plus around and", "GET", "/files?filter=agentID==a+and+agentID==b", filter.CodePlusAsSpace, 24, "+", []string{"%20"}},
	{"date after a space", "GET", "/files?d=2007-08-05%20xx:00", filter.CodeBadDate, 22, "x", nil},
	{"day out of range", "GET", "/files?d=2007-02-30", filter.CodeBadDatePart, 17, "30", []string{"28"}},
	{"day out of range in a leap year", "GET", "/files?d=2008-02-30", filter.CodeBadDatePart, 17, "30", []string{"29"}},
	{"day out of range, basic form", "GET", "/files?d=20070431T1315Z", filter.CodeBadDatePart, 15, "31", []string{"30"}},
	{"day 00", "GET", "/files?d=2007-08-00", filter.CodeBadDatePart, 17, "00", []string{"01"}},
	{"hour out of range after %20", "GET", "/files?start-date=2007-08-05%2025:00Z", filter.CodeBadDatePart, 31, "25", nil},
	{"second end out of range", "GET", "/files?d=2007-08-05,2007-08-45", filter.CodeBadDatePart, 28, "45", []string{"31"}},
	{"offset out of range", "GET", "/files?d=2007-08-05T13:15-24:00", filter.CodeBadDatePart, 26, "24", nil},
	{"too many days", "GET", "/files?d=today-200000d", filter.CodeBadDatePart, 15, "200000", nil},
	{"relative in upper case", "GET", "/files?d=Today", filter.CodeBadDate, 9, "Today", []string{"today"}},
	{"tomorrow", "GET", "/files?d=tomorrow", filter.CodeBadDate, 9, "tomorrow", []string{"today%2B1d"}},
	{"extended date, basic time", "GET", "/files?d=2007-08-05T1315", filter.CodeMixedForms, 22, "1", nil},
	{"basic offset on an extended time", "GET", "/files?d=2007-08-05T13:15%2B0530", filter.CodeMixedForms, 25, "%2B0530", []string{"%2B05:30"}},
	{"extended offset on a basic time", "GET", "/files?d=20070805T1315-05:30", filter.CodeMixedForms, 22, "-05:30", []string{"-0530"}},
	{"decimal comma", "GET", "/files?d=2007-08-05T13:15:00,5", filter.CodeDecimalComma, 28, ",", []string{"."}},
	{"decimal comma before Z", "GET", "/files?d=2007-08-05T13:15:00,5Z", filter.CodeDecimalComma, 28, ",", []string{"."}},
	{"decimal comma before an offset", "GET", "/files?d=2007-08-05T13:15:00,250-08:00", filter.CodeDecimalComma, 28, ",", []string{"."}},
	{"decimal comma, basic", "GET", "/files?d=20070805T131500,5Z", filter.CodeDecimalComma, 24, ",", []string{"."}},
	{"decimal comma in start-date", "GET", "/files?start-date=2007-08-05T13:15:00,5Z", filter.CodeDecimalComma, 37, ",", []string{"."}},
	{"plus as space", "GET", "/files?d=2007-08-05T13:15+05:30", filter.CodePlusAsSpace, 25, "+", []string{"%2B"}},
	{"plus as space in today", "GET", "/files?d=today%201d", filter.CodePlusAsSpace, 14, "%20", []string{"%2B"}},
	{"week date", "GET", "/files?d=2007-W31-7", filter.CodeUnsupportedDate, 9, "2007-W31-7", []string{"2007-08-05"}},
	{"ordinal date", "GET", "/files?d=2007-217,today", filter.CodeUnsupportedDate, 9, "2007-217", []string{"2007-08-05"}},
	{"interval", "GET", "/files?d=2007-08-05/2007-08-07", filter.CodeUnsupportedDate, 19, "/", []string{","}},
	{"two commas", "GET", "/files?d=today-2d,today-1d,today", filter.CodeBadRange, 26, ",", nil},
	{"empty end", "GET", "/files?d=today,", filter.CodeBadRange, 15, "", nil},
	{"reversed", "GET", "/files?d=today,today-1d", filter.CodeReversedRange, 15, "today-1d", nil},
	{"unknown zone", "GET", "/files?tz=america/new_york", filter.CodeUnknownZone, 10, "america/new_york", []string{"America/New_York"}},
	{"zone with plus as space", "GET", "/files?tz=Etc/GMT+5", filter.CodeUnknownZone, 10, "Etc/GMT+5", []string{"Etc/GMT%2B5"}},
	{"zone in percent-encoding", "GET", "/files?n=2&tz=Europe%2FPari", filter.CodeUnknownZone, 14, "Europe%2FPari", []string{"Europe/Paris", "Europe/Madrid"}},
	{"n=0", "GET", "/files?n=0", filter.CodeBadPage, 9, "0", []string{"1"}},
	{"n negative", "GET", "/files?n=-5", filter.CodeBadPage, 9, "-", nil},
	{"n not a number", "GET", "/files?n=1x", filter.CodeBadPage, 10, "x", nil},
	{"n too large", "GET", "/files?n=99999999999", filter.CodeBadPage, 9, "99999999999", nil},
	{"too many faults", "GET", "/files?" + strings.Repeat("a=&", 12) + "b=", filter.CodeTooManyFaults, 37, "a=&a=&b=", nil},
}

func TestSpans(t *testing.T) {
	seen := map[filter.Code]bool{}
	for _, tt := range spanTests {
		t.Run(tt.name, func(t *testing.T) {
			e := faultWith(t, tt.method, tt.target, tt.code)
			if e == nil {
				return
			}
			seen[tt.code] = true
			s := e.Span
			if s.Start != tt.start || s.End < s.Start || s.End > len(tt.target) || tt.target[s.Start:s.End] != tt.text {
				t.Errorf("span [%d,%d) of %q, want %q at %d (%v)", s.Start, s.End, tt.target, tt.text, tt.start, e)
			}
			if diff := cmp.Diff(tt.sugg, e.Suggestions); diff != "" && !(len(tt.sugg) == 0 && len(e.Suggestions) == 0) {
				t.Errorf("suggestions (-want +got):\n%s", diff)
			}
			if want := (filter.Span{Start: utf16Len(tt.target[:s.Start]), End: utf16Len(tt.target[:s.End])}); e.UTF16 != want {
				t.Errorf("utf16 %v, want %v", e.UTF16, want)
			}
		})
	}
	// Every code of a request's own faults has a case above.
	for _, c := range filter.Codes() {
		switch c.Code {
		case filter.CodeBadJSON, filter.CodeBadQuery, filter.CodeUnsupportedRule, // not from Parse
			filter.CodeUnauthorized, filter.CodeNotFound, filter.CodeOverloaded, filter.CodeInternal, filter.CodeNotInAPI: // a server's
			continue
		}
		if !seen[c.Code] && !t.Failed() {
			t.Errorf("no span case for %s", c.Code)
		}
	}
}

// faultWith parses a request and returns its fault of code c.
func faultWith(t *testing.T, method, target string, c filter.Code) *filter.Error {
	t.Helper()
	_, err := filter.Parse(method, target)
	var list filter.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Parse(%q) = %v, want faults", target, err)
	}
	for _, e := range list {
		if e.Code == c {
			return e
		}
	}
	t.Errorf("Parse(%q): no %s fault in %v", target, c, err)
	return nil
}

// utf16Len counts the UTF-16 code units of s as JavaScript would hold it:
// each invalid byte is U+FFFD.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// The suggestions of each case, pasted into the span, give a request that
// no longer has that fault.
func TestSuggestionsRepair(t *testing.T) {
	for _, tt := range spanTests {
		for _, s := range tt.sugg {
			t.Run(tt.name+"/"+s, func(t *testing.T) {
				e := faultWith(t, tt.method, tt.target, tt.code)
				if e == nil {
					return
				}
				fixed := tt.target[:e.Span.Start] + s + tt.target[e.Span.End:]
				_, err := filter.Parse(tt.method, fixed)
				var list filter.ErrorList
				errors.As(err, &list)
				for _, f := range list {
					if f.Code == tt.code && f.Span.Start == e.Span.Start {
						t.Errorf("%q → %q still has %v", tt.target, fixed, f)
					}
				}
			})
		}
	}
}

// A range whose order is known only with the clock is refused by Resolve,
// which still points at d's value in the request.
func TestResolveFaultSpan(t *testing.T) {
	const target = "/files?tz=Pacific/Apia&d=2011-12-31,today"
	q, err := filter.Parse("GET", target)
	if err != nil {
		t.Fatal(err)
	}
	_, err = q.Resolve(time.Date(2011, 12, 29, 12, 0, 0, 0, time.UTC), nil)
	var list filter.ErrorList
	if !errors.As(err, &list) || list[0].Code != filter.CodeReversedRange {
		t.Fatalf("Resolve = %v, want a reversed range", err)
	}
	if s := list[0].Span; target[s.Start:s.End] != "2011-12-31,today" || list[0].UTF16 != s {
		t.Errorf("span %v %v: %q", s, list[0].UTF16, target[s.Start:s.End])
	}
}

// Spans count bytes of the request, and UTF-16 spans count code units: a
// raw 'é' is two bytes and one unit, an emoji four bytes and two units.
func TestSpansOfMultiByteRequests(t *testing.T) {
	tests := []struct {
		target     string
		text       string
		byteStart  int
		utf16Start int
	}{
		{"/files?agentID=é&x=1", "x", 18, 17},
		{"/files?agentID=😀&x=1", "x", 20, 18},
		{"/files?agentID=%F0%9F%98%80&x=1", "x", 28, 28},
		{"https://h/api/recordings/files?agentID=é😀&agent=1", "agent", 46, 43},
	}
	for _, tt := range tests {
		e := faultWith(t, "GET", tt.target, filter.CodeUnknownVariable)
		if e == nil {
			continue
		}
		if e.Span.Start != tt.byteStart || tt.target[e.Span.Start:e.Span.End] != tt.text || e.UTF16.Start != tt.utf16Start || e.UTF16.End-e.UTF16.Start != len(tt.text) {
			t.Errorf("%q: span %v utf16 %v, want %q at byte %d, unit %d", tt.target, e.Span, e.UTF16, tt.text, tt.byteStart, tt.utf16Start)
		}
	}
}

// Faults of the JSON form name the key path written and span the JSON text:
// the key for a name at fault, else the text at fault inside the value.
func TestJSONSpans(t *testing.T) {
	tests := []struct {
		name, in string
		code     filter.Code
		path     string
		text     string
		sugg     []string
	}{
		{"unknown field", `{"resource":"files","fields":{"agentId":"bill"}}`, filter.CodeUnknownVariable, "fields.agentId", "agentId", []string{"agentID"}},
		{"date part", `{"resource":"files","d":"2007-02-30"}`, filter.CodeBadDatePart, "d", "30", []string{"28"}},
		{"date after an escape", `{"resource":"files","start-date":"2007-08-05\u002025:00Z"}`, filter.CodeBadDatePart, "start-date", "25", nil},
		{"date after a multi-byte escape", `{"resource":"files","d":"\u00e9"}`, filter.CodeBadDate, "d", `\u00e9`, nil},
		{"zone", `{"resource":"files","tz":"america/denver"}`, filter.CodeUnknownZone, "tz", "america/denver", []string{"America/Denver"}},
		{"metadata key", `{"resource":"files","metaData":{"fieldname":"a"},"n":0}`, filter.CodeBadPage, "n", "0", []string{"1"}},
		{"n", `{"resource":"files","n":-5}`, filter.CodeBadPage, "n", "-5", nil},
		{"resource", `{"resource":"flies"}`, filter.CodeUnknownResource, "resource", "flies", []string{"files"}},
		{"format", `{"resource":"files","format":"jsno"}`, filter.CodeBadFormat, "format", "jsno", []string{"json"}},
		{"id", `{"method":"DELETE","resource":"file","id":"S20071220/X1.wav"}`, filter.CodeBadPath, "id", "X1.wav", nil},
		{"method", `{"method":"PUT","resource":"files"}`, filter.CodeBadMethod, "method", "PUT", []string{"GET", "DELETE"}},
		{"unknown key", `{"resource":"files", "dd":"today"}`, filter.CodeBadJSON, "dd", "dd", []string{"d"}},
		{"unknown metadata key", `{"resource":"files","metaData":{"fieldVal":"x"}}`, filter.CodeBadJSON, "metaData.fieldVal", "fieldVal", []string{"fieldValue"}},
		{"wrong type", `{"resource":"files","n":"101"}`, filter.CodeBadJSON, "n", "101", nil},
		{"syntax", `{"resource":"files",]`, filter.CodeBadJSON, "", "]", nil},
		{"special name in fields", `{"resource":"files","fields":{"d":"today"}}`, filter.CodeBadJSON, "fields.d", "d", nil},
		{"no resource", `{"d":"today"}`, filter.CodeUnknownResource, "resource", "{", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q filter.Query
			err := q.UnmarshalJSON([]byte(tt.in))
			var list filter.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("UnmarshalJSON = %v, want faults", err)
			}
			var e *filter.Error
			for _, f := range list {
				if f.Code == tt.code {
					e = f
					break
				}
			}
			if e == nil {
				t.Fatalf("no %s fault in %v", tt.code, err)
			}
			s := e.Span
			if e.JSONPath != tt.path || s.Start < 0 || s.End > len(tt.in) || s.End < s.Start || tt.in[s.Start:s.End] != tt.text {
				t.Errorf("fault %+v spans %q at path %q, want %q at %q", e, tt.in[max(0, s.Start):min(len(tt.in), max(s.Start, s.End))], e.JSONPath, tt.text, tt.path)
			}
			if len(tt.sugg)+len(e.Suggestions) > 0 && !cmp.Equal(tt.sugg, e.Suggestions) {
				t.Errorf("suggestions %q, want %q", e.Suggestions, tt.sugg)
			}
			for _, sg := range e.Suggestions {
				fixed := tt.in[:s.Start] + sg + tt.in[s.End:]
				var q2 filter.Query
				var l2 filter.ErrorList
				errors.As(q2.UnmarshalJSON([]byte(fixed)), &l2)
				for _, f := range l2 {
					if f.Code == e.Code && f.JSONPath == e.JSONPath && f.Span.Start == s.Start {
						t.Errorf("%s → %s still has %v", tt.in, fixed, f)
					}
				}
			}
		})
	}
}

// A range of the JSON form refused by Resolve points at d's value in the
// JSON text.
func TestResolveFaultSpanInJSON(t *testing.T) {
	const in = `{"resource": "files", "d": "2026-11-25,today"}`
	var q filter.Query
	if err := q.UnmarshalJSON([]byte(in)); err != nil {
		t.Fatal(err)
	}
	_, err := q.Resolve(time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), time.UTC)
	var list filter.ErrorList
	if !errors.As(err, &list) || list[0].Code != filter.CodeReversedRange {
		t.Fatalf("Resolve = %v, want a reversed range", err)
	}
	if e := list[0]; in[e.Span.Start:e.Span.End] != "2026-11-25,today" || e.JSONPath != "d" {
		t.Errorf("fault %+v spans %q", e, in[e.Span.Start:e.Span.End])
	}
}

func ExampleError_Caret() {
	req := "/files?agentID=bill&d=2007-02-30"
	_, err := filter.Parse("GET", req)
	fmt.Println(err.(filter.ErrorList)[0].Caret(req))
	// Output:
	// /files?agentID=bill&d=2007-02-30
	//                               ^^
}
