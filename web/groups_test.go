package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

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
	b := parseAtPage(t, request)
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

// parseAtPage is recq parse's answer to a request, as JSON, at the tests'
// clock in the tenant zone: what the page's module answers.
func parseAtPage(t *testing.T, request string) []byte {
	t.Helper()
	zone, err := timezone.Load(server.SampleZone)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(asvalue.Parse("GET", request, testNow, zone))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// acceptedAtPage reports whether recq parse accepts a request at the
// tests' clock in the tenant zone, as the page reads it (a date near the
// year 10000 may be refused in one zone and not in another).
func acceptedAtPage(t *testing.T, request string) bool {
	t.Helper()
	b := parseAtPage(t, request)
	var r struct{ Error any }
	json.Unmarshal(b, &r)
	return r.Error == nil
}

// filterGETs are the GET requests with a filter of the conformance suite
// (filter.cases) that the library accepts at the tests' clock.
func filterGETs(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, req := range casesGETs(t, "filter.cases") {
		if q, err := filter.Parse("GET", req); err == nil && q.Filter != nil && acceptedAtPage(t, req) {
			out = append(out, req)
		}
	}
	if len(out) < 50 {
		t.Fatalf("only %d filter requests", len(out))
	}
	return out
}

// TestGroupsReadBack pastes each filter request of the conformance suite:
// the builder takes its filter (toRuleGroup), and the builder alone writes
// it again (fromRuleGroup) as the library's canonical request.
func TestGroupsReadBack(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	for _, req := range filterGETs(t) {
		want := canonical(t, req)
		paste(t, ctx, req)
		if f := pageFaults(t, ctx); len(f) != 0 {
			t.Errorf("%s: faults shown: %+v", req, f)
			continue
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("#groups [data-rule]").length`); n == 0 {
			t.Errorf("%s: the builder holds no rule", req)
			continue
		}
		// The builder writes the filter again: a change of the root
		// group's combinator select (to the same value) re-reads it all.
		eval[bool](t, ctx, `document.getElementById("fg-comb").dispatchEvent(new Event("change")) || true`)
		if got := urlText(t, ctx); got != want {
			t.Errorf("%s:\nfrom the builder\n\t%s\nencode.Canonical\n\t%s", req, got, want)
		}
	}

	// A filter without dates: the preview says the filter narrows the records.
	paste(t, ctx, "/files?filter=agentID==bill")
	if p := eval[string](t, ctx, `document.getElementById("preview").textContent`); !strings.Contains(p, "every record the filter selects") {
		t.Errorf("the preview of a filter without dates says %q", p)
	}

	// One nested filter, control by control.
	paste(t, ctx, "/files.csv?tz=America/Denver&filter=duration=gt=600;(agentID==bill,queueName==*vip*);startDate=out=(today,2007-08-05)&agentID=ann")
	got := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#groups select, #groups input")].filter((el) => el.id).map((el) => [el.id, el.type === "checkbox" ? String(el.checked) : el.value]))`)
	for id, v := range map[string]string{
		"fg-comb": "and", "fg-not": "false",
		"fg-0-field": "duration", "fg-0-op": ">", "fg-0-value": "600",
		"fg-1-comb": "or", "fg-1-0-field": "agentID", "fg-1-0-op": "=", "fg-1-0-value": "bill",
		"fg-1-1-field": "queueName", "fg-1-1-op": "contains", "fg-1-1-value": "vip",
		"fg-2-field": "startDate", "fg-2-op": "notIn", "fg-2-value": "today,2007-08-05",
	} {
		if got[id] != v {
			t.Errorf("#%s holds %q, want %q", id, got[id], v)
		}
	}
	if v := eval[string](t, ctx, `document.getElementById("field-0-value").value`); v != "ann" {
		t.Errorf("the API's own agentID stays a field row: %q", v)
	}
}

// sampleValues are the values the operator test types for a kind and an
// operator's shape: one value, two ends, or a list.
func sampleValues(kind, op string) (inputs map[string]string, value any) {
	switch {
	case op == "between" || op == "notBetween":
		a, b := map[string][2]string{"integer": {"60", "600"}, "date": {"today-7d", "2026-11-20T13:15"}}[kind][0], map[string][2]string{"integer": {"60", "600"}, "date": {"today-7d", "2026-11-20T13:15"}}[kind][1]
		return map[string]string{"-0": a, "-1": b}, []string{a, b}
	case op == "in" || op == "notIn":
		v := map[string]string{"integer": "60, 600", "date": "today-1d, 2026-11-20", "text": "bill, ann smith"}[kind]
		return map[string]string{"": v}, v
	}
	v := map[string]string{"integer": "600", "date": "today-7d", "text": "b(i)l*l;"}[kind]
	return map[string]string{"": v}, v
}

// TestGroupsOperators builds one rule of each operator of each kind of
// field, of both resources: the operators offered are the Go
// querybuilder's fields', and the request in the box, with the rule
// negated or not and its group negated or not, is the one the Go
// querybuilder writes for the same group.
func TestGroupsOperators(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	for _, c := range []struct {
		res    filter.Resource
		fields []string
	}{
		{filter.Files, []string{"agentID", "duration", "startDate", "transactionCode.name"}},
		{filter.Transcripts, []string{"finishDate", "metaData.fieldValue"}},
	} {
		goFields := map[string]querybuilder.Field{}
		for _, f := range querybuilder.Fields(c.res) {
			if f.Kind != "" {
				goFields[f.Name] = f
			}
		}
		paste(t, ctx, "/"+c.res.String())
		click(t, ctx, "#fg-add-rule")
		offered := eval[[]string](t, ctx, `[...document.getElementById("fg-0-field").options].map((o) => o.value)`)
		if len(offered) != len(goFields) {
			t.Errorf("%s: the builder offers the fields %v, Go has %d", c.res, offered, len(goFields))
		}
		for _, name := range c.fields {
			f := goFields[name]
			setValue(t, ctx, "fg-0-field", name)
			type option struct{ Name, Label string }
			got := eval[[]option](t, ctx, `[...document.getElementById("fg-0-op").options].map((o) => ({Name: o.value, Label: o.textContent}))`)
			var want []option
			for _, o := range f.Operators {
				want = append(want, option{o.Name, o.Label})
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s offers %v, Go %v", name, got, want)
			}
			for _, op := range f.Operators {
				paste(t, ctx, "/"+c.res.String())
				click(t, ctx, "#fg-add-rule")
				setValue(t, ctx, "fg-0-field", name)
				setValue(t, ctx, "fg-0-op", op.Name)
				inputs, value := sampleValues(f.Kind, op.Name)
				for suffix, v := range inputs {
					setValue(t, ctx, "fg-0-value"+suffix, v)
				}
				rule := map[string]any{"id": "filter/0", "field": name, "operator": op.Name, "value": value}
				for _, not := range []struct{ rule, group bool }{{false, false}, {true, false}, {true, true}, {false, true}} {
					if eval[bool](t, ctx, `document.getElementById("fg-0-not").checked`) != not.rule {
						click(t, ctx, "#fg-0-not")
					}
					if eval[bool](t, ctx, `document.getElementById("fg-not").checked`) != not.group {
						click(t, ctx, "#fg-not")
					}
					rule["not"] = not.rule
					g, _ := json.Marshal(map[string]any{"id": "filter", "combinator": "and", "not": not.group, "rules": []any{rule}})
					if got, want := urlText(t, ctx), goCanonical(t, string(g), c.res, filter.XML); got != want {
						t.Errorf("%s %s %v (not %+v): the box holds\n\t%s\nthe Go querybuilder writes\n\t%s", name, op.Name, value, not, got, want)
					}
					if f := pageFaults(t, ctx); len(f) != 0 {
						t.Errorf("%s %s: faults %+v", name, op.Name, f)
					}
					// The page's own writer of refused groups (rawFilter)
					// writes what the module writes for an accepted one.
					raw := evalAsync[string](t, ctx, `import("/_recq/groups.js").then((m) => m.rawFilter(`+string(g)+`, (op) => (`+complementsJSON(t)+`)[op]))`)
					if got, want := canonical(t, "/"+c.res.String()+"?filter="+strings.ReplaceAll(url.QueryEscape(raw), "+", "%20")), urlText(t, ctx); got != want {
						t.Errorf("%s %s (not %+v): rawFilter writes %s, read as\n\t%s\nthe module writes\n\t%s", name, op.Name, not, raw, got, want)
					}
				}
			}
		}
	}

	// A date picked from the calendar is the rule's value; the text
	// still takes any date of the language.
	paste(t, ctx, "/files")
	click(t, ctx, "#fg-add-rule")
	setValue(t, ctx, "fg-0-field", "startDate")
	setValue(t, ctx, "fg-0-op", ">=")
	if typ := eval[string](t, ctx, `document.getElementById("fg-0-value-pick").type`); typ != "date" {
		t.Errorf("the date's picker is a %s input", typ)
	}
	setValue(t, ctx, "fg-0-value-pick", "2026-11-20")
	if v, u := eval[string](t, ctx, `document.getElementById("fg-0-value").value`), urlText(t, ctx); v != "2026-11-20" || u != "/files?filter=startDate=ge=2026-11-20" {
		t.Errorf("after picking 2026-11-20 the value is %q and the URL %s", v, u)
	}
	typeInto(t, ctx, "fg-0-value", "today-30d")
	if u := urlText(t, ctx); u != "/files?filter=startDate=ge=today-30d" {
		t.Errorf("after typing today-30d the URL is %s", u)
	}
	if typ := eval[string](t, ctx, `(setValue => { const f = document.getElementById("fg-0-field"); f.value = "duration"; f.dispatchEvent(new Event("change")); return document.getElementById("fg-0-value").type; })()`); typ != "number" {
		t.Errorf("duration's value editor is a %s input", typ)
	}
}

// TestGroupsFaults gives the builder values the library refuses: each rule
// at fault is marked, with the part of its value at fault and the
// library's fixes, in the rule and under the URL box; a fix clicked puts
// the suggestion in place and the request is accepted; Run waits.
func TestGroupsFaults(t *testing.T) {
	s := newSiteWith(t, true)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	login(t, ctx, testToken)
	click(t, ctx, "#fg-add-rule")
	setValue(t, ctx, "fg-0-field", "startDate")
	setValue(t, ctx, "fg-0-op", ">=")
	typeInto(t, ctx, "fg-0-value", "today-7")
	click(t, ctx, "#fg-add-group")
	setValue(t, ctx, "fg-1-0-field", "finishDate")
	typeInto(t, ctx, "fg-1-0-value", "2007-02-30")

	type ruleFault struct {
		Rule, Code, At, Invalid string
		Fixes                   []string
	}
	ruleFaults := func() []ruleFault {
		return eval[[]ruleFault](t, ctx, `[...document.querySelectorAll("#groups .rule-fault")].map((p) => {
			const li = p.closest("[data-rule]");
			return {Rule: li.dataset.rule, Code: p.dataset.code, At: p.querySelector("mark")?.textContent ?? "",
				Invalid: li.querySelector("input.value").getAttribute("aria-invalid"),
				Fixes: [...p.querySelectorAll("button.suggestion")].map((b) => b.dataset.suggestion)};
		})`)
	}
	// What the Go querybuilder says of the same group.
	var g querybuilder.RuleGroup
	json.Unmarshal([]byte(`{"id": "root", "combinator": "and", "rules": [{"id": "filter", "combinator": "and", "rules": [
		{"id": "filter/0", "field": "startDate", "operator": ">=", "value": "today-7"},
		{"id": "filter/1", "combinator": "and", "rules": [{"id": "filter/1/0", "field": "finishDate", "operator": "=", "value": "2007-02-30"}]}]}]}`), &g)
	_, err := querybuilder.ToQuery(&g, filter.Files, filter.XML)
	var want querybuilder.ErrorList
	if !errorsAs(err, &want) || len(want) != 2 {
		t.Fatalf("the Go querybuilder says %v", err)
	}
	got := ruleFaults()
	if len(got) != len(want) {
		t.Fatalf("the builder marks %+v, Go says %v", got, want)
	}
	for i, w := range want {
		value := map[string]string{"filter/0": "today-7", "filter/1/0": "2007-02-30"}[w.Rule]
		at := ""
		if w.Span != nil {
			at = value[w.Span.Start:w.Span.End]
		}
		if g := got[i]; g.Rule != w.Rule || g.Code != string(w.Code) || g.At != at || g.Invalid != "true" || fmt.Sprint(g.Fixes) != fmt.Sprint(w.Suggestions) {
			t.Errorf("rule fault %d: page %+v, Go %+v (at %q)", i, g, w, at)
		}
	}
	listed := pageFaults(t, ctx)
	if len(listed) != 2 || listed[0].Code != "bad-date" || !strings.HasPrefix(listed[0].Where, "in the filter's rule 1") || !strings.HasPrefix(listed[1].Where, "in the filter's rule 2.1") {
		t.Errorf("under the URL box: %+v", listed)
	}
	if !eval[bool](t, ctx, `document.getElementById("run").disabled`) {
		t.Error("Run is enabled while the filter is refused")
	}
	// The box holds the group as filter text, each fault underlined where
	// the library finds it in that text.
	box := urlText(t, ctx)
	if box != "/files?filter=startDate=ge=today-7%3B(finishDate==2007-02-30)" {
		t.Errorf("the box holds %s", box)
	}
	type mark struct{ Start, End int }
	marks := eval[[]mark](t, ctx, `[...document.querySelectorAll('#url-mirror mark[data-fault^="m"]')].map((m) => ({Start: +m.dataset.start, End: +m.dataset.end}))`)
	lib := libraryFaults(t, box)
	if len(marks) != len(lib) || len(lib) != 2 {
		t.Fatalf("the box underlines %+v, the library finds %+v", marks, lib)
	}
	for i, f := range lib {
		if marks[i].Start != f.UTF16.Start || marks[i].End != f.UTF16.End {
			t.Errorf("mark %d at %+v, the library's fault %s at %+v", i, marks[i], f.Code, f.UTF16)
		}
	}

	// The first fix from the list under the box, the second from the rule.
	click(t, ctx, `#faults button.suggestion`)
	if v := eval[string](t, ctx, `document.getElementById("fg-0-value").value`); v != "today-7d" {
		t.Errorf("after the fix the value is %q", v)
	}
	if len(want[1].Suggestions) == 0 {
		t.Fatalf("the library suggests nothing for 2007-02-30")
	}
	click(t, ctx, `#groups [data-rule="filter/1/0"] button.suggestion`)
	if f := ruleFaults(); len(f) != 0 {
		t.Errorf("after the fixes: %+v", f)
	}
	if f := pageFaults(t, ctx); len(f) != 0 {
		t.Errorf("after the fixes the box shows %+v", f)
	}
	if u := urlText(t, ctx); !strings.HasPrefix(u, "/files?filter=startDate=ge=today-7d%3BfinishDate==2007-02-") {
		t.Errorf("after the fixes the URL is %s", u)
	}
	if eval[bool](t, ctx, `document.getElementById("run").disabled`) {
		t.Error("Run is disabled once the filter is accepted")
	}
}

func errorsAs(err error, list *querybuilder.ErrorList) bool {
	return errors.As(err, list)
}

// TestGroupsKeyboardOnly builds the journey's group with the keyboard
// alone: Enter on the add buttons (which move the focus to what they
// added), arrows and type-ahead on the selects, Tab between the controls.
func TestGroupsKeyboardOnly(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	keys := func(ks ...string) {
		t.Helper()
		for _, k := range ks {
			do(t, ctx, chromedp.KeyEvent(k))
		}
	}
	focused := func() string { return eval[string](t, ctx, `document.activeElement.id`) }
	expect := func(id string) {
		t.Helper()
		if got := focused(); got != id {
			t.Fatalf("the focus is on #%s, want #%s", got, id)
		}
	}
	do(t, ctx, chromedp.Focus(chromedp.ID("fg-add-group")))
	keys(kb.Enter)
	expect("fg-0-comb")
	keys(kb.ArrowDown) // OR
	keys(kb.Tab, kb.Tab, kb.Tab, kb.Tab)
	expect("fg-0-remove")
	keys(kb.Tab, kb.Tab)
	expect("fg-0-0-field") // agentID, the first field
	keys(kb.Tab, kb.Tab)
	expect("fg-0-0-value")
	keys("bill")
	do(t, ctx, chromedp.Focus(chromedp.ID("fg-0-add-rule")))
	keys(kb.Enter)
	expect("fg-0-1-field")
	keys(kb.Tab, kb.Tab, "ann")
	do(t, ctx, chromedp.Focus(chromedp.ID("fg-add-rule")))
	keys(kb.Enter)
	expect("fg-1-field")
	// duration (type-ahead), > (the fifth operator), 600
	keys("d")
	keys(kb.Tab, kb.ArrowDown, kb.ArrowDown, kb.ArrowDown, kb.ArrowDown, kb.Tab, "600")
	do(t, ctx, chromedp.Focus(chromedp.ID("fg-add-rule")))
	keys(kb.Enter)
	// startDate, >= (the sixth), today-7d
	keys("s")
	keys(kb.Tab, kb.ArrowDown, kb.ArrowDown, kb.ArrowDown, kb.ArrowDown, kb.ArrowDown, kb.Tab, "today-7d")
	if got, want := urlText(t, ctx), "/files?filter=(agentID==bill,agentID==ann)%3Bduration=gt=600%3BstartDate=ge=today-7d"; got != want {
		t.Errorf("built with the keyboard:\n\t%s\nwant\n\t%s", got, want)
	}
	// Space on NOT negates the whole filter; Enter on Remove removes a rule.
	do(t, ctx, chromedp.Focus(chromedp.ID("fg-not")))
	keys(" ")
	if got := urlText(t, ctx); got != "/files?filter=agentID!=bill%3BagentID!=ann,duration=le=600,startDate=lt=today-7d" {
		t.Errorf("after Space on NOT: %s", got)
	}
	do(t, ctx, chromedp.Focus(chromedp.ID("fg-0-remove")))
	keys(kb.Enter)
	if got := urlText(t, ctx); got != "/files?filter=duration=le=600,startDate=lt=today-7d" {
		t.Errorf("after Enter on the group's Remove: %s", got)
	}
}

// complementsJSON is the Go querybuilder's complement of every operator,
// as a JavaScript object.
func complementsJSON(t *testing.T) string {
	m := map[string]string{}
	for _, k := range []string{"=", "!=", "<", "<=", ">", ">=", "in", "notIn", "between", "notBetween", "contains", "beginsWith", "endsWith",
		"doesNotContain", "doesNotBeginWith", "doesNotEndWith", "matches", "doesNotMatch"} {
		c, ok := querybuilder.Complement(k)
		if !ok {
			t.Fatalf("no complement of %s", k)
		}
		m[k] = c
	}
	b, _ := json.Marshal(m)
	return string(b)
}
