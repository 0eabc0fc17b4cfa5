package fuzz_test

import (
	"encoding/json"
	"errors"
	"testing"
	"unicode/utf16"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/grammar"
)

var dateSeeds = []string{
	"2007-08-05", "20070805", "2007-08-05 13:15Z", "20070805T1315Z", "2007-08-05T13:15:00.25-08:00",
	"20070805T131500.250Z", "today", "today-1d", "today+7d", "2008-02-14T10:12:13-08:00",
	"2007-08-05T24:00", "2016-12-31T23:59:60Z", "2007-W31-7", "2007-217", "2007-08-05T13:15 05:30",
	"today 1d", "2007-02-30", "2007-08-05T1315", "\xff", "",
}

// checkDateError holds a rejection to its contract: an *Error whose
// position lies within the value (or is -1), and whose texts print.
func checkDateError(t *testing.T, s string, err error) {
	var e *daterange.Error
	if !errors.As(err, &e) {
		t.Fatalf("%q: error %T is not *daterange.Error", s, err)
	}
	if e.Pos < -1 || e.Pos > len(s) {
		t.Fatalf("%q: position %d outside the value", s, e.Pos)
	}
	if e.Code == "" || e.Start < 0 || e.End < e.Start || e.End > len(s) || e.Value != s {
		t.Fatalf("%q: fault %q spans [%d,%d) of %q", s, e.Code, e.Start, e.End, e.Value)
	}
	_ = e.Error()
	_ = e.Caret()
}

// checkFaults holds a request's faults to their contract (docs/ERRORS.md):
// a listed code, a variable, a span inside the text given and the same
// span in UTF-16 code units, a message; and printing them never panics.
func checkFaults(t *testing.T, text string, list filter.ErrorList) {
	t.Helper()
	codes := map[filter.Code]bool{}
	for _, c := range filter.Codes() {
		codes[c.Code] = true
	}
	for _, e := range list {
		s := e.Span
		if !codes[e.Code] || e.Variable == "" || e.Pos < -1 || e.Msg == "" {
			t.Fatalf("%q: fault without a code or a place: %+v", text, e)
		}
		if s.Start < 0 || s.End < s.Start || s.End > len(text) {
			t.Fatalf("%q: span %v outside the text: %v", text, s, e)
		}
		if u := e.UTF16; u.Start != utf16Len(text[:s.Start]) || u.End != utf16Len(text[:s.End]) {
			t.Fatalf("%q: utf16 span %v does not match %v", text, u, s)
		}
		if _, err := json.Marshal(e); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		_ = e.Error()
		_ = e.Caret(text)
	}
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

func FuzzDateValue(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := daterange.ParseValue(s)
		if err != nil {
			checkDateError(t, s, err)
			return
		}
		if _, err := grammar.ParseDateValue(s); err != nil {
			t.Fatalf("%q: the fast parser accepts it, the grammar of record refuses it: %v", s, err)
		}
		again, err := daterange.ParseValue(v.String())
		if err != nil || again != v {
			t.Fatalf("%q: canonical %q parses to %v, %v", s, v.String(), again, err)
		}
	})
}

func FuzzDateRange(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
		f.Add(s + "," + s)
	}
	f.Add("2007-08-05 13:15Z,2007-08-07 14:30Z")
	f.Add("today-1d,today")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := daterange.ParseRange(s)
		if err != nil {
			checkDateError(t, s, err)
			return
		}
		again, err := daterange.ParseRange(r.String())
		if err != nil || again != r {
			t.Fatalf("%q: canonical %q parses to %v, %v", s, r.String(), again, err)
		}
		if _, err := grammar.ParseDateRange(s); err != nil {
			t.Fatalf("%q: the fast parser accepts it, the grammar of record refuses it: %v", s, err)
		}
	})
}

func FuzzRequest(f *testing.F) {
	for _, s := range []string{
		"/files", "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill",
		"https://vcc-na1.8x8.com/api/recordings/files?agentID=bill&channel=8005557780&phoneNumber=4155551234&finish-date=2007-12-19%2019:16:58Z",
		"/files?d=2007-08-05%2013:15Z,2007-08-07%2014:30Z", "/files?n=101", "/transcripts/int-14a0febe466.json",
		"/files?metaData_fieldName=alphabets%20in&n=0", "/files?Start-Date=today", "/files/S20071220/R200712200316361000.wav",
		"/files?d=%zz", "/files?x=%ff",
		"/files.csv?filter=startDate=ge=2007-08-05T13:15%2B02:00%3BqueueName=='a%20b*',duration=in=(60,0600)&tz=America/Denver",
	} {
		f.Add("GET", s)
		f.Add("DELETE", s)
	}
	f.Fuzz(func(t *testing.T, method, target string) {
		q, err := filter.Parse(method, target)
		if err != nil {
			var list filter.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("%q: error %T is not a filter.ErrorList", target, err)
			}
			checkFaults(t, target, list)
			return
		}
		c := encode.Canonical(q)
		q2, err := filter.Parse(q.Method, c)
		if err != nil {
			t.Fatalf("%q: canonical %q is refused: %v", target, c, err)
		}
		if c2 := encode.Canonical(q2); c2 != c {
			t.Fatalf("%q: canonical form is not a fixed point: %q then %q", target, c, c2)
		}
	})
}
