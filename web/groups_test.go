package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/report/asvalue"
	"github.com/recq/recq/querybuilder"
	"github.com/recq/recq/server"
	"github.com/recq/recq/timezone"
)

// goCanonical is the request that the Go querybuilder writes for a rule
// group given as the page gives it: the builder's group (id "filter")
// inside the request's top-level group.
func goCanonical(t *testing.T, filterGroup string, resource filter.Resource, format filter.Format) string {
	t.Helper()
	var g querybuilder.RuleGroup
	if err := json.Unmarshal([]byte(`{"id": "root", "combinator": "and", "rules": [`+filterGroup+`]}`), &g); err != nil {
		t.Fatal(err)
	}
	q, err := querybuilder.ToQuery(&g, resource, format)
	if err != nil {
		t.Fatalf("querybuilder refuses %s: %v", filterGroup, err)
	}
	return encode.Canonical(q)
}

// filterDate is one entry of recq parse's filterDates.
type filterDate struct {
	Selector, Operator, Value, From, To string
}

// libraryFilterDates is what recq parse says of a request's filter dates
// at the tests' clock in the tenant zone.
func libraryFilterDates(t *testing.T, request string) []filterDate {
	t.Helper()
	zone, err := timezone.Load(server.SampleZone)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(asvalue.Parse("GET", request, testNow, zone))
	if err != nil {
		t.Fatal(err)
	}
	var r struct{ FilterDates []filterDate }
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return r.FilterDates
}

// shownFilterDates is the preview's list of the filter's date comparisons:
// each with its instants, and those instants in UTC as shown.
type shownDate struct {
	filterDate
	Heading          string
	FromUTC, ToUTC   string
	FromText, ToText string
}

func shownFilterDates(t *testing.T, ctx context.Context) []shownDate {
	return eval[[]shownDate](t, ctx, `[...document.querySelectorAll("#preview .filter-date")].map((d) => {
		const utc = [...d.querySelectorAll(".utc")].map((u) => u.textContent);
		const times = [...d.querySelectorAll("time")].map((u) => u.textContent);
		return {Selector: d.dataset.selector, Operator: d.dataset.operator, Value: d.dataset.value, From: d.dataset.from, To: d.dataset.to,
			Heading: d.querySelector("h4").textContent, FromUTC: utc[0], ToUTC: utc[1], FromText: times[0], ToText: times[1]};
	})`)
}

// journeyGroup is the group the Done-when journey builds, as the builder
// gives it to fromRuleGroup.
const journeyGroup = `{"id": "filter", "combinator": "and", "rules": [
	{"id": "filter/0", "combinator": "or", "rules": [
		{"id": "filter/0/0", "field": "agentID", "operator": "=", "value": "bill"},
		{"id": "filter/0/1", "field": "agentID", "operator": "=", "value": "ann"}]},
	{"id": "filter/1", "field": "duration", "operator": ">", "value": "600"},
	{"id": "filter/2", "field": "startDate", "operator": ">=", "value": "today-7d"}]}`

// buildJourney builds "(agent is bill OR agent is ann) AND duration > 600
// AND started since today-7d" with the builder's controls.
func buildJourney(t *testing.T, ctx context.Context) {
	t.Helper()
	click(t, ctx, "#fg-add-group")
	setValue(t, ctx, "fg-0-comb", "or")
	setValue(t, ctx, "fg-0-0-field", "agentID")
	setValue(t, ctx, "fg-0-0-op", "=")
	typeInto(t, ctx, "fg-0-0-value", "bill")
	click(t, ctx, "#fg-0-add-rule")
	setValue(t, ctx, "fg-0-1-field", "agentID")
	typeInto(t, ctx, "fg-0-1-value", "ann")
	click(t, ctx, "#fg-add-rule")
	setValue(t, ctx, "fg-1-field", "duration")
	setValue(t, ctx, "fg-1-op", ">")
	typeInto(t, ctx, "fg-1-value", "600")
	click(t, ctx, "#fg-add-rule")
	setValue(t, ctx, "fg-2-field", "startDate")
	setValue(t, ctx, "fg-2-op", ">=")
	typeInto(t, ctx, "fg-2-value", "today-7d")
}

// TestJourneyWithGroups is issue 20's Done-when, on a server with filters
// (recq serve --filter): the group built with the controls, the request in
// the box as the Go querybuilder writes it, the instants of its date in
// the tenant zone and in UTC, and the server's rows after Run. Its
// screenshot is docs/page.png (rewritten with -update).
func TestJourneyWithGroups(t *testing.T) {
	s := newSiteWith(t, true)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	buildJourney(t, ctx)

	want := "/files?filter=(agentID==bill,agentID==ann)%3Bduration=gt=600%3BstartDate=ge=today-7d"
	if got := urlText(t, ctx); got != want || got != goCanonical(t, journeyGroup, filter.Files, filter.XML) {
		t.Fatalf("the URL box holds\n\t%s\nwant\n\t%s\nthe Go querybuilder writes\n\t%s", got, want, goCanonical(t, journeyGroup, filter.Files, filter.XML))
	}
	if f := pageFaults(t, ctx); len(f) != 0 {
		t.Errorf("faults shown: %+v", f)
	}
	// The preview: today-7d is 2026-11-18 in Los Angeles, shown in the
	// zone and in UTC.
	lib := libraryFilterDates(t, want)
	shown := shownFilterDates(t, ctx)
	if len(lib) != 1 || len(shown) != 1 {
		t.Fatalf("the library lists %+v, the page %+v", lib, shown)
	}
	if shown[0].filterDate != lib[0] || lib[0].From != "2026-11-18T00:00:00-08:00" {
		t.Errorf("the page shows %+v, the library %+v", shown[0].filterDate, lib[0])
	}
	if shown[0].FromText != lib[0].From || shown[0].FromUTC != "2026-11-18T08:00:00Z" || shown[0].ToUTC != "2026-11-19T08:00:00Z" {
		t.Errorf("the instants shown: %+v", shown[0])
	}
	if !strings.Contains(shown[0].Heading, "startDate=ge=today-7d") || !strings.Contains(shown[0].Heading, "at its start or later") {
		t.Errorf("the comparison is headed %q", shown[0].Heading)
	}

	login(t, ctx, testToken)
	click(t, ctx, "#run")
	waitResult(t, ctx)
	rows := tableRows(t, ctx)
	server := serverRows(t, s, "/files.json?filter=(agentID==bill,agentID==ann)%3Bduration=gt=600%3BstartDate=ge=today-7d")
	if len(rows) == 0 || len(rows) != len(server) {
		t.Fatalf("the page shows %d rows, the server has %d (the sample has long calls of bill and ann every weekday)", len(rows), len(server))
	}
	for i, r := range rows {
		d, _ := strconv.Atoi(r["duration"])
		if (r["agentID"] != "bill" && r["agentID"] != "ann") || d <= 600 || r["startDate"] < "2026-11-18" {
			t.Errorf("row %v does not match the filter", r)
		}
		for k, v := range server[i] {
			if r[k] != v {
				t.Errorf("row %d %s: page %q, server %q", i, k, r[k], v)
			}
		}
	}
	screenshot(t, ctx, "page.png", true)
}

// TestGroupsNotInAPI runs a filter against a server that refuses filters,
// as the Recordings API does: the page says so in one sentence and shows
// the recq get command that plans the request.
func TestGroupsNotInAPI(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	buildJourney(t, ctx)
	login(t, ctx, testToken)
	click(t, ctx, "#run")
	waitResult(t, ctx)
	got := eval[struct{ Status, Text, Command string }](t, ctx, `(() => {
		const r = document.querySelector("#result .not-in-api");
		return r ? {Status: r.dataset.status, Text: r.querySelector("p").textContent, Command: document.getElementById("recq-get").textContent} : {Text: document.getElementById("result").textContent};
	})()`)
	if status, _ := s.get(t, "/files?filter=agentID==bill"); status != 400 || got.Status != "400" {
		t.Fatalf("the server answers %d, the page shows %+v", status, got)
	}
	if n := strings.Count(got.Text, ". ") + strings.Count(got.Text, "; "); n > 1 || !strings.Contains(got.Text, "filter=") || !strings.Contains(got.Text, "recq get") {
		t.Errorf("the page says %q", got.Text)
	}
	want := fmt.Sprintf("recq get --tenant 'acme' --tenant-tz 'America/Los_Angeles' '%s/api/recordings/files?filter=(agentID==bill,agentID==ann)%%3Bduration=gt=600%%3BstartDate=ge=today-7d'", s.URL)
	if got.Command != want {
		t.Errorf("the command is\n\t%s\nwant\n\t%s", got.Command, want)
	}
}
