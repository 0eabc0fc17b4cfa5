package web_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// tableRows is the records table as the page shows it: one map per row.
func tableRows(t *testing.T, ctx context.Context) []map[string]string {
	return eval[[]map[string]string](t, ctx, `[...document.querySelectorAll("table.records tbody tr")].map((tr) =>
		Object.fromEntries([...tr.querySelectorAll("td[data-col]")].map((td) => [td.dataset.col, td.textContent])))`)
}

// cellText is the page's rule for a value of the API's JSON: leaves as
// they are, wrap-up codes as "list: name" and metadata as "name = value",
// joined by "; ".
func cellText(v any) string {
	list := func(v any, path ...string) []any {
		for _, p := range path {
			m, _ := v.(map[string]any)
			v = m[p]
		}
		l, _ := v.([]any)
		return l
	}
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		var parts []string
		if _, ok := v["transactionCodes"]; ok {
			for _, c := range list(v, "transactionCodes", "transactionCode") {
				c := c.(map[string]any)
				parts = append(parts, c["listName"].(string)+": "+c["name"].(string))
			}
		}
		for _, m := range list(v, "metaData") {
			m := m.(map[string]any)
			parts = append(parts, m["fieldName"].(string)+" = "+m["fieldValue"].(string))
		}
		return strings.Join(parts, "; ")
	}
	return ""
}

// serverRows is a page of files from the server's own JSON, each leaf as
// its text and the nested wrap-up codes as the page writes them.
func serverRows(t *testing.T, s *site, path string) []map[string]string {
	t.Helper()
	status, body := s.get(t, path)
	if status != 200 {
		t.Fatalf("%s: %d %s", path, status, body)
	}
	var doc struct {
		Recordings struct {
			File []map[string]any `json:"file"`
		} `json:"recordings"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, f := range doc.Recordings.File {
		row := map[string]string{}
		for k, v := range f {
			row[k] = cellText(v)
		}
		out = append(out, row)
	}
	return out
}

func login(t *testing.T, ctx context.Context, token string) {
	t.Helper()
	typeInto(t, ctx, "tenant", testTenant)
	typeInto(t, ctx, "token", token)
}

// waitResult waits until a run has shown its answer.
func waitResult(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, `(() => { const r = document.getElementById("result"); return r.children.length > 0 && !r.hasAttribute("aria-busy") && !r.querySelector(".busy"); })()`)
}

// TestRunShowsTheServersPage runs a query in the page and compares its
// table with the server's JSON for that page, then for the next fifty.
func TestRunShowsTheServersPage(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	paste(t, ctx, "/files.csv?d=today-7d,today")
	login(t, ctx, testToken)
	click(t, ctx, "#run")
	waitResult(t, ctx)
	compare := func(path string) {
		t.Helper()
		want := serverRows(t, s, path)
		got := tableRows(t, ctx)
		if len(want) != 50 {
			t.Fatalf("%s: the server has %d rows; the test wants a full page", path, len(want))
		}
		if len(got) != len(want) {
			t.Fatalf("%s: the page shows %d rows, the server %d", path, len(got), len(want))
		}
		for i := range want {
			for k, v := range want[i] {
				if got[i][k] != v {
					t.Errorf("%s row %d %s: page %q, server %q", path, i, k, got[i][k], v)
				}
			}
		}
	}
	compare("/files.json?d=today-7d,today")

	// The download link holds the server's CSV for the same page.
	csvWant := func(path string) string { _, b := s.get(t, path); return string(b) }("/files.csv?d=today-7d,today")
	got := evalAsync[string](t, ctx, `fetch(document.getElementById("download").href).then((r) => r.text())`)
	if got != csvWant {
		t.Errorf("the download holds %d bytes, the server's CSV %d", len(got), len(csvWant))
	}
	if name := eval[string](t, ctx, `document.getElementById("download").download`); name != "files.csv" {
		t.Errorf("download name %q", name)
	}

	click(t, ctx, ".pager button:nth-of-type(2)") // Next 50
	waitResult(t, ctx)
	if u := urlText(t, ctx); u != "/files.csv?d=today-7d,today&n=51" {
		t.Errorf("after Next the URL is %s", u)
	}
	compare("/files.json?d=today-7d,today&n=51")
	click(t, ctx, ".pager button:nth-of-type(1)") // Previous 50
	waitResult(t, ctx)
	compare("/files.json?d=today-7d,today")
}

// TestRunOpensTranscripts opens a transcript's messages from the table.
func TestRunOpensTranscripts(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	paste(t, ctx, "/transcripts?d=today-1d,today")
	login(t, ctx, testToken)
	click(t, ctx, "#run")
	waitResult(t, ctx)
	guid := eval[string](t, ctx, `document.querySelector('table.records td[data-col="interactionGUID"]').textContent`)
	click(t, ctx, "table.records tbody button[aria-expanded]")
	waitFor(t, ctx, `!!document.querySelector("tr.messages-row table.messages")`)
	status, body := s.get(t, "/transcripts/"+guid+".json")
	var doc struct {
		Transcript struct {
			Messages struct {
				Message []map[string]string `json:"message"`
			} `json:"messages"`
		} `json:"transcript"`
	}
	if err := json.Unmarshal(body, &doc); status != 200 || err != nil {
		t.Fatalf("%d %v %s", status, err, body)
	}
	got := eval[[]string](t, ctx, `[...document.querySelectorAll("tr.messages-row table.messages tbody tr")].map((tr) => tr.cells[3].textContent)`)
	if len(got) != len(doc.Transcript.Messages.Message) || len(got) == 0 {
		t.Fatalf("the page shows %d messages, the server %d", len(got), len(doc.Transcript.Messages.Message))
	}
	for i, m := range doc.Transcript.Messages.Message {
		if got[i] != m["originalMessage"] {
			t.Errorf("message %d: %q, server %q", i, got[i], m["originalMessage"])
		}
	}
}

// TestWrongTokenShows401 runs with a wrong token: the page shows the
// status and the API's own message.
func TestWrongTokenShows401(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	login(t, ctx, "not-the-token")
	click(t, ctx, "#run")
	waitResult(t, ctx)
	var want struct {
		Error struct{ Message string } `json:"error"`
	}
	status, body := s.getAs(t, "/files.json", testTenant, "not-the-token")
	if err := json.Unmarshal(body, &want); status != 401 || err != nil {
		t.Fatalf("the server answers %d %s (%v)", status, body, err)
	}
	got := eval[struct {
		Status string
		Text   string
	}](t, ctx, `(() => { const r = document.querySelector("#result .refusal"); return r ? {Status: r.dataset.status, Text: r.textContent} : {Status: "", Text: document.getElementById("result").textContent}; })()`)
	if got.Status != "401" || !strings.Contains(got.Text, want.Error.Message) {
		t.Errorf("the page shows %+v; the API says 401 %q", got, want.Error.Message)
	}
}

// TestDSTDaysShowTheirHours checks the note on days of 23 and 25 hours in
// America/Los_Angeles, the tenant zone, and its absence on other days.
func TestDSTDaysShowTheirHours(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	for _, c := range []struct {
		req  string
		want map[string]string // date → hours
	}{
		{"/files?d=2026-03-08&tz=America/Los_Angeles", map[string]string{"2026-03-08": "23"}},
		{"/files?d=2026-11-01", map[string]string{"2026-11-01": "25"}},
		{"/files?d=2026-03-01,2026-12-01", map[string]string{"2026-03-08": "23", "2026-11-01": "25"}},
		{"/files?d=2026-03-09,2026-11-01", map[string]string{}},
		{"/files?d=2026-03-08&tz=Europe/Paris", map[string]string{}},
	} {
		t.Run(c.req, func(t *testing.T) {
			paste(t, ctx, c.req)
			got := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#preview .dst")].map((p) => [p.dataset.date, p.dataset.hours]))`)
			if len(got) != len(c.want) {
				t.Fatalf("notes %v, want %v", got, c.want)
			}
			for d, h := range c.want {
				if got[d] != h {
					t.Errorf("%s: %q hours, want %s", d, got[d], h)
				}
			}
			if len(c.want) > 0 {
				text := eval[string](t, ctx, `document.querySelector("#preview .dst").textContent`)
				if !strings.Contains(text, "hours in America/Los_Angeles") {
					t.Errorf("the note says %q", text)
				}
			}
		})
	}
}

// screenshot writes a PNG of the page (all of it, or the viewport) to a
// temporary directory, or to docs/name with -update.
func screenshot(t *testing.T, ctx context.Context, name string, full bool) {
	t.Helper()
	shot := chromedp.CaptureScreenshot()
	if full {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), name)
	if *update {
		out = filepath.Join("..", "docs", name)
	}
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", out)
}

// TestJourney is the new user's: yesterday's recordings of agent bill in
// Denver as CSV, built with the controls, run, downloaded. (docs/page.png
// is TestJourneyWithGroups' screenshot.)
func TestJourney(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	setValue(t, ctx, "format", "csv")
	click(t, ctx, `[data-preset="yesterday"]`)
	typeInto(t, ctx, "tz", "America/Denver")
	click(t, ctx, "#add-field")
	setValue(t, ctx, "field-0-name", "agentID")
	typeInto(t, ctx, "field-0-value", "bill")
	login(t, ctx, testToken)
	click(t, ctx, "#run")
	waitResult(t, ctx)
	want := "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill"
	if got := urlText(t, ctx); got != want {
		t.Fatalf("URL %s, want %s", got, want)
	}
	rows := tableRows(t, ctx)
	if len(rows) == 0 {
		t.Fatal("no rows: the sample has calls of bill every weekday")
	}
	for _, r := range rows {
		if r["agentID"] != "bill" || !strings.HasPrefix(r["startDate"], "2026-11-24T") || !strings.HasSuffix(r["startDate"], "-07:00") {
			t.Errorf("row %v is not bill's, yesterday, in Denver", r)
		}
	}
	_, csvWant := s.get(t, want)
	got := evalAsync[string](t, ctx, `fetch(document.getElementById("download").href).then((r) => r.text())`)
	if got != string(csvWant) {
		t.Errorf("the download differs from the server's CSV:\n%s\n---\n%s", got, csvWant)
	}
}
