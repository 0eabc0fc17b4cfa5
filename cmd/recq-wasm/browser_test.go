package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/internal/browsertest"
	"github.com/recq/recq/internal/report/asvalue"
	"github.com/recq/recq/schema"
	"github.com/recq/recq/timezone"
	"github.com/recq/recq/web"
)

// loadModule starts a browser on a page of a test server that serves the
// committed module (web.Module), and imports web/recq.js into it as
// globalThis.m.
func loadModule(t testing.TB) (eval func(expr string) json.RawMessage) {
	t.Helper()
	blank := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><title>recq module test</title>")
	})
	srv := httptest.NewServer(web.Module(blank))
	t.Cleanup(srv.Close)
	bctx := browsertest.New(t)
	if err := chromedp.Do(bctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, bctx, `import("/_recq/recq.js").then(m => { globalThis.m = m; return typeof m.parse; })`); got != "function" {
		t.Fatalf("the module's parse is a %s", got)
	}
	return func(expr string) json.RawMessage {
		t.Helper()
		return browsertest.Eval[json.RawMessage](t, bctx, expr)
	}
}

// call is one call of recq.parse in the browser.
type call struct {
	Method string `json:"method"`
	Target string `json:"target"`
	Now    string `json:"now"`
	Tenant string `json:"tenantZone"`
}

// parseAll runs every call through the module's parse in one evaluation
// and returns each answer as JSON.
func parseAll(t testing.TB, eval func(string) json.RawMessage, calls []call) []json.RawMessage {
	t.Helper()
	in, err := json.Marshal(calls)
	if err != nil {
		t.Fatal(err)
	}
	// The ES module's parse (through recq._call) and globalThis.recq.parse
	// (objects across the boundary) must give the same answers.
	var out, direct []json.RawMessage
	raw := eval(`(` + string(in) + `).map(c => m.parse(c.method, c.target, {now: c.now, tenantZone: c.tenantZone}))`)
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	raw = eval(`(` + string(in) + `).map(c => globalThis.recq.parse(c.method, c.target, {now: c.now, tenantZone: c.tenantZone}))`)
	if err := json.Unmarshal(raw, &direct); err != nil {
		t.Fatal(err)
	}
	if len(out) != len(calls) || len(direct) != len(calls) {
		t.Fatalf("%d and %d answers to %d calls", len(out), len(direct), len(calls))
	}
	for i := range out {
		var a, b any
		json.Unmarshal(out[i], &a)
		json.Unmarshal(direct[i], &b)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("%s: the module's parse and globalThis.recq.parse differ:\n%s", calls[i].Target, diff)
		}
	}
	return out
}

// native is the Go library's answer to the same call, as recq parse prints it.
func native(t testing.TB, c call) any {
	t.Helper()
	now, err := time.Parse(time.RFC3339Nano, c.Now)
	if err != nil {
		t.Fatal(err)
	}
	tenant, err := timezone.Load(c.Tenant)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(asvalue.Parse(c.Method, c.Target, now, tenant))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestBrowserConformance runs every case of the conformance suite through
// the module in a real browser. Each answer must be the Go library's, key
// for key (verdict, canonical form, zone, instants, warnings, and each
// fault's variable, position, code and spans), and must keep the case's
// own promises.
func TestBrowserConformance(t *testing.T) {
	cases, err := conformance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	eval := loadModule(t)
	calls := make([]call, len(cases))
	for i, c := range cases {
		calls[i] = call{c.Method, c.Target, c.Now.Format(time.RFC3339Nano), c.Tenant}
	}
	answers := parseAll(t, eval, calls)
	for i, c := range cases {
		var got any
		if err := json.Unmarshal(answers[i], &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(native(t, calls[i]), got); diff != "" {
			t.Errorf("%s:%d %s %s: the browser differs from Go (-go +browser):\n%s", c.File, c.Line, c.Method, c.Target, diff)
			continue
		}
		if c.Skip == "" {
			for _, d := range keepsCase(c, answers[i]) {
				t.Errorf("%s:%d %s %s: %s", c.File, c.Line, c.Method, c.Target, d)
			}
		}
	}
}

// keepsCase checks a browser's answer against what the case itself says.
func keepsCase(c conformance.Case, answer json.RawMessage) []string {
	var a struct {
		Canonical  string
		D          *struct{ From, To string }
		StartDate  *struct{ From, To string }
		FinishDate *struct{ From, To string }
		Error      *struct {
			Variable string
			Pos      int
		}
	}
	if err := json.Unmarshal(answer, &a); err != nil {
		return []string{err.Error()}
	}
	switch {
	case c.ErrVariable != "" && a.Error == nil:
		return []string{"accepted, want a fault in " + c.ErrVariable}
	case c.ErrVariable != "":
		if a.Error.Variable != c.ErrVariable || a.Error.Pos != c.ErrPos {
			return []string{fmt.Sprintf("first fault %s at %d, want %s at %d", a.Error.Variable, a.Error.Pos, c.ErrVariable, c.ErrPos)}
		}
		return nil
	case a.Error != nil:
		return []string{"refused: " + string(answer)}
	}
	var diffs []string
	if c.Canonical != "" && a.Canonical != c.Canonical {
		diffs = append(diffs, "canonical "+a.Canonical+", want "+c.Canonical)
	}
	for _, w := range []struct {
		name string
		got  *struct{ From, To string }
		want *conformance.Window
	}{{"d", a.D, c.D}, {"startDate", a.StartDate, c.StartDate}, {"finishDate", a.FinishDate, c.FinishDate}} {
		if w.want == nil {
			continue
		}
		if w.got == nil {
			diffs = append(diffs, w.name+": none")
			continue
		}
		from, err1 := time.Parse(time.RFC3339Nano, w.got.From)
		to, err2 := time.Parse(time.RFC3339Nano, w.got.To)
		if err1 != nil || err2 != nil || !from.Equal(w.want.From) || !to.Equal(w.want.To) {
			diffs = append(diffs, fmt.Sprintf("%s %s %s, want %s", w.name, w.got.From, w.got.To, w.want))
		}
	}
	return diffs
}

// The DST days of the date tests (daterange/resolve_test.go) in the
// browser: zone data must travel in the module, or Go under js/wasm falls
// back to UTC and every window below would be wrong.
var dstDays = []struct{ d, zone, from, to string }{
	{"2007-03-11", "America/New_York", "2007-03-11T00:00:00-05:00", "2007-03-12T00:00:00-04:00"},
	{"2007-11-04", "America/New_York", "2007-11-04T00:00:00-04:00", "2007-11-05T00:00:00-05:00"},
	{"2007-03-11T02:30", "America/New_York", "2007-03-11T03:30:00-04:00", "2007-03-11T03:31:00-04:00"},
	{"2007-11-04T01:30", "America/New_York", "2007-11-04T01:30:00-04:00", "2007-11-04T01:31:00-04:00"},
	{"2018-11-04", "America/Sao_Paulo", "2018-11-04T01:00:00-02:00", "2018-11-05T00:00:00-02:00"},
	{"2018-11-03", "America/Sao_Paulo", "2018-11-03T00:00:00-03:00", "2018-11-04T01:00:00-02:00"},
	{"2019-02-16", "America/Sao_Paulo", "2019-02-16T00:00:00-02:00", "2019-02-17T00:00:00-03:00"},
	{"2023-10-01", "Australia/Sydney", "2023-10-01T00:00:00+10:00", "2023-10-02T00:00:00+11:00"},
	{"2011-12-30", "Pacific/Apia", "2011-12-31T00:00:00+14:00", "2011-12-31T00:00:00+14:00"},
}

// TestBrowserDST checks the DST days, with tz and as the tenant's zone.
func TestBrowserDST(t *testing.T) {
	eval := loadModule(t)
	var calls []call
	for _, tt := range dstDays {
		calls = append(calls,
			call{"GET", "/files?d=" + tt.d + "&tz=" + tt.zone, "2026-11-25T12:00:00Z", "UTC"},
			call{"GET", "/files?d=" + tt.d, "2026-11-25T12:00:00Z", tt.zone})
	}
	answers := parseAll(t, eval, calls)
	for i, c := range calls {
		tt := dstDays[i/2]
		var a struct {
			Zone string
			D    struct{ From, To string }
		}
		if err := json.Unmarshal(answers[i], &a); err != nil {
			t.Fatal(err)
		}
		if a.Zone != tt.zone || a.D.From != tt.from || a.D.To != tt.to {
			t.Errorf("%s (tenant %s): zone %s, d %s %s, want %s %s %s", c.Target, c.Tenant, a.Zone, a.D.From, a.D.To, tt.zone, tt.from, tt.to)
		}
		var got any
		json.Unmarshal(answers[i], &got)
		if diff := cmp.Diff(native(t, c), got); diff != "" {
			t.Errorf("%s: the browser differs from Go:\n%s", c.Target, diff)
		}
	}
}

// TestBrowserFunctions checks the module's other functions from
// JavaScript: they answer with plain objects, refuse with {error, errors},
// and throw on a misuse.
func TestBrowserFunctions(t *testing.T) {
	eval := loadModule(t)
	var got struct {
		Schema     struct{ Version int }
		Fields     []struct{ Name string }
		FromJSON   struct{ Canonical string }
		Canonical  struct{ Canonical string }
		Refused    struct{ Error struct{ Variable string } }
		Resolve    struct{ D struct{ From string } }
		Group      struct{ Rules []struct{ ID string } }
		FromGroup  struct{ Canonical string }
		BadGroup   struct{ Error struct{ Rule, Code string } }
		Validation map[string]struct {
			Valid   bool
			Reasons []struct{ Code string }
		}
		Thrown string
		Date   string
	}
	raw := eval(`(() => {
		const q = {resource: "files", format: "csv", d: "today-1d,today", tz: "America/Denver", fields: {agentID: "bill"}};
		const group = {id: "g", combinator: "and", rules: [
			{id: "a", field: "agentID", operator: "=", value: "bill"},
			{id: "b", field: "d", operator: "between", value: ["today-1d", "today"]}]};
		let thrown = "";
		try { m.parse("GET", "/files", {now: "yesterday"}); } catch (e) { thrown = e.message; }
		const returned = globalThis.recq.parse("GET", "/files", {now: "yesterday"});
		if (!(returned instanceof Error) || returned.message !== thrown) thrown = "globalThis.recq.parse returned " + returned;
		return {
			schema: m.schema(),
			fields: m.fields("transcripts"),
			fromJSON: m.fromJSON(q),
			canonical: m.canonical(JSON.stringify(q)),
			refused: m.fromJSON({resource: "files", n: 0}),
			resolve: m.resolve(q, {now: "2026-11-25T12:00:00Z"}),
			group: m.toRuleGroup(q),
			fromGroup: m.fromRuleGroup(group, {resource: "files", format: "json"}),
			badGroup: m.fromRuleGroup({...group, combinator: "or"}),
			validation: m.validateRuleGroup({...group, rules: [...group.rules, {id: "c", field: "tz", operator: "=", value: "america/denver"}]}),
			thrown,
			date: m.parse("GET", "/files?d=today", {now: new Date(Date.UTC(2026, 10, 25, 3)), tenantZone: "America/Denver"}).d.from,
		};
	})()`)
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	want := "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill"
	switch {
	case got.Schema.Version != schema.Version, len(got.Fields) == 0 || got.Fields[0].Name != "d":
		t.Errorf("schema or fields: %s", raw)
	case got.FromJSON.Canonical != want, got.Canonical.Canonical != want:
		t.Errorf("fromJSON or canonical: %s", raw)
	case got.Refused.Error.Variable != "n":
		t.Errorf("refused: %+v", got.Refused)
	case got.Resolve.D.From != "2026-11-24T00:00:00-07:00":
		t.Errorf("resolve: %+v", got.Resolve)
	case len(got.Group.Rules) != 3:
		t.Errorf("group: %+v", got.Group)
	case got.FromGroup.Canonical != "/files.json?d=today-1d,today&agentID=bill":
		t.Errorf("fromRuleGroup: %+v", got.FromGroup)
	case got.BadGroup.Error.Rule != "b" || got.BadGroup.Error.Code != "unsupported-rule":
		t.Errorf("or: d under an or is refused on its rule: %+v", got.BadGroup)
	case !got.Validation["a"].Valid || got.Validation["c"].Valid || len(got.Validation) != 4:
		t.Errorf("validation: %+v", got.Validation)
	case !strings.Contains(got.Thrown, "options.now"):
		t.Errorf("a bad now threw %q", got.Thrown)
	case got.Date != "2026-11-24T00:00:00-07:00":
		t.Errorf("a Date as now: d from %s", got.Date)
	}
}

// TestBrowserTryPage types into the bare page /_recq/try.html, as a person
// trying the module by hand would, and reads the answer it shows.
func TestBrowserTryPage(t *testing.T) {
	srv := httptest.NewServer(web.Module(http.NotFoundHandler()))
	t.Cleanup(srv.Close)
	ctx := browsertest.New(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/_recq/try.html"),
		chromedp.WaitVisible("#out"),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Eval[bool](t, ctx, `(document.getElementById("target").value = "") === ""`)
	if err := chromedp.Do(ctx, chromedp.SendKeys("#target", "/files?tz=america/new_york")); err != nil {
		t.Fatal(err)
	}
	shown := browsertest.Eval[string](t, ctx, `new Promise(ok => {
		const check = () => document.getElementById("out").textContent.includes("america/new_york") ? ok(document.getElementById("out").textContent) : setTimeout(check, 10);
		check();
	})`)
	var answer struct {
		Error struct{ Variable, Message string }
	}
	if err := json.Unmarshal([]byte(shown), &answer); err != nil || answer.Error.Variable != "tz" || !strings.Contains(answer.Error.Message, "america/new_york") {
		t.Errorf("the page shows %s (%v)", shown, err)
	}
}
