package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/schema"
)

var update = flag.Bool("update", false, "rewrite docs/page.png from the screenshot the tests take")

// canonical is what encode.Canonical gives for the Query that request parses to.
func canonical(t *testing.T, request string) string {
	t.Helper()
	q, err := filter.Parse("GET", request)
	if err != nil {
		t.Fatalf("%s: %v", request, err)
	}
	return encode.Canonical(q)
}

// faults is what the page lists under the URL box.
type shownFault struct {
	Code, Message, Text, Where string
	Start, End                 int
	Suggestions                []string
}

func pageFaults(t *testing.T, ctx context.Context) []shownFault {
	return eval[[]shownFault](t, ctx, `[...document.querySelectorAll("#faults .fault-item")].map((li, i) => {
		const m = document.querySelector('#url-mirror mark[data-fault="' + i + '"]');
		return {Code: li.dataset.code, Message: li.querySelector(".message").textContent, Where: li.querySelector(".where").textContent,
			Text: m ? m.textContent : "", Start: m ? +m.dataset.start : -1, End: m ? +m.dataset.end : -1,
			Suggestions: [...li.querySelectorAll("button.suggestion")].map((b) => b.dataset.suggestion)};
	})`)
}

// TestControlsBuildTheCanonicalURL builds queries with the controls only
// and compares the URL box with encode.Canonical of the same Query.
func TestControlsBuildTheCanonicalURL(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	cases := []struct {
		name  string
		want  string // the request whose Query the controls build
		build func(t *testing.T, ctx context.Context)
	}{
		{"yesterday of bill in Denver as CSV", "/files.csv?agentID=bill&tz=America/Denver&d=today-1d,today", func(t *testing.T, ctx context.Context) {
			setValue(t, ctx, "format", "csv")
			click(t, ctx, `[data-preset="yesterday"]`)
			typeInto(t, ctx, "tz", "America/Denver")
			click(t, ctx, "#add-field")
			setValue(t, ctx, "field-0-name", "agentID")
			typeInto(t, ctx, "field-0-value", "bill")
		}},
		{"a range of dates and times, metadata, page 3", "/transcripts.json?d=2007-08-05,2007-08-07T13:15-08:00&metaData_fieldName=olo&metaData_fieldValue=Bl&n=101", func(t *testing.T, ctx context.Context) {
			setValue(t, ctx, "resource", "transcripts")
			setValue(t, ctx, "format", "json")
			setValue(t, ctx, "d-mode", "range")
			setValue(t, ctx, "d-from-kind", "absolute")
			setValue(t, ctx, "d-from-date", "2007-08-05")
			setValue(t, ctx, "d-to-kind", "absolute")
			setValue(t, ctx, "d-to-date", "2007-08-07")
			typeInto(t, ctx, "d-to-time", "13:15")
			typeInto(t, ctx, "d-to-offset", "-08:00")
			typeInto(t, ctx, "meta-name", "olo")
			typeInto(t, ctx, "meta-value", "Bl")
			click(t, ctx, "#next")
			click(t, ctx, "#next")
		}},
		{"start-date beside finish-date ([D-1])", "/files?start-date=2007-12-19T19:16:58.25Z&finish-date=today&duration=27&channel=8005557780", func(t *testing.T, ctx context.Context) {
			click(t, ctx, "#sd-on")
			setValue(t, ctx, "sd-date", "2007-12-19")
			typeInto(t, ctx, "sd-time", "19:16:58.25")
			typeInto(t, ctx, "sd-offset", "Z")
			click(t, ctx, "#fd-on")
			setValue(t, ctx, "fd-kind", "relative")
			click(t, ctx, "#add-field")
			setValue(t, ctx, "field-0-name", "duration")
			typeInto(t, ctx, "field-0-value", "27")
			click(t, ctx, "#add-field")
			setValue(t, ctx, "field-1-name", "channel")
			typeInto(t, ctx, "field-1-value", "8005557780")
		}},
		{"one day, relative, in a zone", "/files?d=today%2B3d&tz=Pacific/Apia", func(t *testing.T, ctx context.Context) {
			setValue(t, ctx, "d-mode", "one")
			typeInto(t, ctx, "d-from-days", "3")
			typeInto(t, ctx, "tz", "Pacific/Apia")
		}},
		{"one transcript", "/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant.json", func(t *testing.T, ctx context.Context) {
			setValue(t, ctx, "resource", "transcript")
			typeInto(t, ctx, "guid", "int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant")
			setValue(t, ctx, "format", "json")
		}},
	}
	open(t, ctx, s)
	// The zone picker offers every zone of the schema, and the tenant's
	// zone is what an empty one means.
	if got, want := eval[[]string](t, ctx, `[...document.querySelectorAll("#zones option")].map((o) => o.value)`), schema.Get().Zones; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the zone picker offers %d zones, the schema %d", len(got), len(want))
	}
	if ph := eval[string](t, ctx, `document.getElementById("tz").placeholder`); !strings.Contains(ph, "America/Los_Angeles") {
		t.Errorf("the zone picker's placeholder is %q", ph)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			paste(t, ctx, "/files") // every control back to its default
			c.build(t, ctx)
			if got, want := urlText(t, ctx), canonical(t, c.want); got != want {
				t.Errorf("the URL box holds\n\t%s\nencode.Canonical gives\n\t%s", got, want)
			}
			if f := pageFaults(t, ctx); len(f) != 0 {
				t.Errorf("faults shown: %+v", f)
			}
		})
	}
}

// documentGETs returns the GET requests of the document's conformance
// cases that the library accepts.
func documentGETs(t *testing.T) []string {
	t.Helper()
	out := casesGETs(t, "document.cases")
	if len(out) < 10 {
		t.Fatalf("only %d GET requests in document.cases", len(out))
	}
	return out
}

// casesGETs returns the GET requests of a file of conformance cases that
// the library accepts.
func casesGETs(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "conformance", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "request GET ")
		if !ok {
			continue
		}
		if _, err := filter.Parse("GET", rest); err == nil {
			out = append(out, rest)
		}
	}
	return out
}

// TestPasteDocumentURLs pastes each URL of the document into the box: the
// controls take it, and written back from the controls it is the
// canonical form of the library.
func TestPasteDocumentURLs(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	for _, req := range documentGETs(t) {
		t.Run(req, func(t *testing.T) {
			want := canonical(t, req)
			paste(t, ctx, req)
			if f := pageFaults(t, ctx); len(f) != 0 {
				t.Fatalf("faults shown: %+v", f)
			}
			// The controls alone write the URL again: a change event on
			// the format re-reads every control.
			eval[bool](t, ctx, `document.getElementById("format").dispatchEvent(new Event("change")) || true`)
			if got := urlText(t, ctx); got != want {
				t.Errorf("from the controls:\n\t%s\nencode.Canonical:\n\t%s", got, want)
			}
			q, _ := filter.Parse("GET", req)
			if v, ok := q.Field("agentID"); ok {
				if got := eval[string](t, ctx, `document.getElementById("field-0-value").value`); got != v {
					t.Errorf("the agentID row holds %q, want %q", got, v)
				}
			}
			if q.HasDate {
				if got := eval[string](t, ctx, `document.getElementById("d-mode").value`); got == "none" {
					t.Errorf("d-mode is none for %s", req)
				}
			}
		})
	}
}

// TestBadURLUnderlinesTheLibrarySpan pastes refused requests: each fault
// is underlined at the span the library reports (in UTF-16 units), and its
// first suggestion, clicked, gives a request that the library accepts.
func TestBadURLUnderlinesTheLibrarySpan(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	for _, c := range []struct{ req, fixed string }{
		{"/files?Start-Date=2007-12-19", "/files?start-date=2007-12-19"},
		{"/files?d=2007-08-05T13:15 05:30", "/files?d=2007-08-05T13:15%2B05:30"},
		{"/files?tz=america/new_york&agentID=bill", "/files?tz=America/New_York&agentID=bill"},
		{"/files?d=2007-02-30", "/files?d=2007-02-28"},
		{"https://vcc-naX.8x8.com/api/recordings/files?d=today-1d,today&tz=America/Denvr", "/files?d=today-1d,today&tz=America/Denver"},
		// Faults in a filter's text: a selector, a date, a keyword.
		{"/files?filter=(agentId==bill,agentID==ann);duration=gt=600", "/files?filter=(agentID==bill,agentID==ann);duration=gt=600"},
		{"/files?filter=duration=gt=600;startDate=ge=today-7", "/files?filter=duration=gt=600;startDate=ge=today-7d"},
		{"/transcripts?filter=metaData.fieldValue==Blue%20OR%20agentID==bill", "/transcripts?filter=metaData.fieldValue==Blue%20or%20agentID==bill"},
		// Three faults; the first suggestion fixes the first, and the
		// screenshot of the faults is docs/page-faults.png.
		{"/files.csv?Start-Date=2007-12-19T13:15 05:30&tz=america/new_york&n=0", ""},
	} {
		t.Run(c.req, func(t *testing.T) {
			want := libraryFaults(t, c.req)
			paste(t, ctx, c.req)
			got := pageFaults(t, ctx)
			if len(got) != len(want) {
				t.Fatalf("the page shows %d faults, the library %d: %+v", len(got), len(want), got)
			}
			for i, w := range want {
				g := got[i]
				if g.Start != w.UTF16.Start || g.End != w.UTF16.End || g.Code != w.Code || g.Message != w.Message {
					t.Errorf("fault %d: page %+v, library %+v", i, g, w)
				}
				if g.Text != c.req[w.Span.Start:w.Span.End] {
					t.Errorf("fault %d underlines %q, the library's span is %q", i, g.Text, c.req[w.Span.Start:w.Span.End])
				}
				if fmt.Sprint(g.Suggestions) != fmt.Sprint(w.Suggestions) {
					t.Errorf("fault %d: suggestions %q, library %q", i, g.Suggestions, w.Suggestions)
				}
			}
			if len(want) == 0 || len(want[0].Suggestions) == 0 {
				t.Fatalf("the library suggests nothing for %s", c.req)
			}
			if c.fixed == "" {
				screenshot(t, ctx, "page-faults.png", false)
				click(t, ctx, "#faults button.suggestion")
				if got, want := pageFaults(t, ctx), libraryFaults(t, urlText(t, ctx)); len(got) != len(want) || got[0].Code == "unknown-variable" {
					t.Fatalf("after the first suggestion the page shows %+v, the library %+v", got, want)
				}
				return
			}
			click(t, ctx, "#faults button.suggestion")
			if f := pageFaults(t, ctx); len(f) != 0 {
				t.Fatalf("after the suggestion: %+v", f)
			}
			if got := urlText(t, ctx); canonical(t, got) != canonical(t, c.fixed) {
				t.Errorf("after the suggestion the box holds %s, want %s", got, c.fixed)
			}
		})
	}
}

// libFault is a fault as the library writes it in JSON (docs/LANGUAGE.md §7.1).
type libFault struct {
	Code        string   `json:"code"`
	Message     string   `json:"message"`
	Span        span     `json:"span"`
	UTF16       span     `json:"utf16"`
	Suggestions []string `json:"suggestions"`
}

type span struct{ Start, End int }

func libraryFaults(t *testing.T, req string) []libFault {
	t.Helper()
	_, err := filter.Parse("GET", req)
	if err == nil {
		t.Fatalf("the library accepts %s", req)
	}
	b, jerr := json.Marshal(err)
	if jerr != nil {
		t.Fatal(jerr)
	}
	var out []libFault
	if jerr := json.Unmarshal(b, &out); jerr != nil {
		t.Fatalf("%s: %v", b, jerr)
	}
	return out
}

// Each fault says where it is as a person counts, from 1, with the text at
// fault: "30" of 2007-02-30 is characters 18–19, not "21–23" of offsets.
func TestFaultPlaces(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	for req, want := range map[string][]string{
		"/files?d=2007-02-30&n=0&tz=america/new_york": {`in d: “30”, characters 18–19`, `in n: “0”, character 23`, `in tz: “america/new_york”, characters 28–43`},
		"/files?d=today,": {`in d: after character 15`},
		"/files?tz=America/Argentina/ComodRivadavia_x": {`in tz: “America/Argentina/Co…”, characters 11–44`},
	} {
		paste(t, ctx, req)
		var got []string
		for _, f := range pageFaults(t, ctx) {
			got = append(got, f.Where)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: the page says %q, want %q", req, got, want)
		}
	}
}
