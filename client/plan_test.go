package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/client"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/record"
)

// explain is the plan of request (a /files or /transcripts request) at
// testNow, its dates read in UTC when it has no tz.
func explain(t *testing.T, request string) *client.FilterPlan {
	t.Helper()
	q, err := filter.Parse("GET", request)
	if err != nil {
		t.Fatal(err)
	}
	p, err := client.PlanFilter(q, testNow, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPlanShapes is the table of docs/CLIENT.md, "Plans": what moves to
// the API's variables, what stays, and how many requests each shape costs.
func TestPlanShapes(t *testing.T) {
	for _, c := range []struct {
		request  string
		requests []string
		residual string
	}{
		// The done-when example: =in= of two agents is two requests.
		{"/files.csv?filter=agentID=in=(bill,ann);duration=gt=600&d=today-7d,today",
			[]string{"/files.csv?d=today-7d,today&agentID=bill", "/files.csv?d=today-7d,today&agentID=ann"}, "duration=gt=600"},
		// A pure AND: one request.
		{"/files?filter=agentID==bill;queueName==q1;duration==30",
			[]string{"/files?agentID=bill&duration=30&queueName=q1"}, ""},
		// The same field twice with other values: a contradiction, nothing sent.
		{"/files?filter=agentID==a;agentID==b", nil, ""},
		{"/files?agentID=a&filter=agentID==b", nil, ""},
		{"/files?agentID=a&filter=agentID==a", []string{"/files?agentID=a"}, ""},
		// Wildcards, !=, =out= and ordered integers stay.
		{"/files?filter=agentID==b*;agentID!=ann;duration=ge=5",
			[]string{"/files"}, "agentID==b*;agentID!=ann;duration=ge=5"},
		// A negative duration is no duration's text: it stays.
		{"/files?filter=duration==-1", []string{"/files"}, "duration==-1"},
		// startDate bounds: the narrowest window, written as instants.
		{"/files?tz=UTC&filter=startDate=ge=2007-08-05;startDate=lt=2007-08-07T12:00",
			[]string{"/files?d=2007-08-05T00:00:00Z,2007-08-07T12:00:00Z&tz=UTC"}, ""},
		// =gt= a day is from the next day on ([D-9]).
		{"/files?tz=UTC&filter=startDate=gt=2007-08-05;startDate=le=2007-08-06",
			[]string{"/files?d=2007-08-06T00:00:00Z,2007-08-07T00:00:00Z&tz=UTC"}, ""},
		// Intersected with d: a wider bound keeps d as written...
		{"/files?d=today-7d,today&filter=startDate=ge=2000-01-01", []string{"/files?d=today-7d,today"}, ""},
		// ...a narrower one writes the intersection...
		{"/files?d=2007-08-01,2007-08-31&filter=startDate=ge=2007-08-05T10:00",
			[]string{"/files?d=2007-08-05T10:00:00Z,2007-08-31T00:00:00Z"}, ""},
		// ...and an empty intersection sends nothing.
		{"/files?d=2007-08-01,2007-08-05&filter=startDate=ge=2007-08-05", nil, ""},
		// One open end: the other is the first or last instant a value writes.
		{"/files?filter=startDate=lt=2007-08-05", []string{"/files?d=0000-01-02T00:00:00Z,2007-08-05T00:00:00Z"}, ""},
		// finishDate and startDate!= stay.
		{"/files?filter=finishDate=ge=2007-08-05;startDate!=2007-08-06",
			[]string{"/files"}, "finishDate=ge=2007-08-05;startDate!=2007-08-06"},
		// An OR of expressible branches: one request per branch.
		{"/files?filter=((agentID==bill;queueName==q),agentID==ann);duration=gt=5",
			[]string{"/files?agentID=bill&queueName=q", "/files?agentID=ann"}, "duration=gt=5"},
		// An OR with a branch the API cannot express stays whole.
		{"/files?filter=agentID==bill,agentID==b*", []string{"/files"}, "agentID==bill,agentID==b*"},
		// A branch that contradicts the rest is dropped.
		{"/files?agentID=bill&filter=agentID=in=(bill,ann)", []string{"/files?agentID=bill"}, ""},
		// The same request from two branches is sent once.
		{"/files?filter=agentID=in=(bill,bill)", []string{"/files?agentID=bill"}, ""},
		// Dates split too.
		{"/files?filter=startDate=in=(2007-08-05,2007-08-09)",
			[]string{"/files?d=2007-08-05T00:00:00Z,2007-08-06T00:00:00Z", "/files?d=2007-08-09T00:00:00Z,2007-08-10T00:00:00Z"}, ""},
		// Only the first OR splits.
		{"/files?filter=agentID=in=(a,b);queueName=in=(x,y)",
			[]string{"/files?agentID=a", "/files?agentID=b"}, "queueName=in=(x,y)"},
		// Metadata: *x* is the API's substring variable, when the pair is free.
		{"/transcripts?filter=metaData.fieldValue==*Blu*", []string{"/transcripts?metaData_fieldValue=Blu"}, ""},
		{"/transcripts?filter=metaData.fieldValue==*Blu*;metaData.fieldName==*Col*",
			[]string{"/transcripts?metaData_fieldValue=Blu"}, "metaData.fieldName==*Col*"},
		{"/transcripts?metaData_fieldName=C&filter=metaData.fieldValue==*Blu*",
			[]string{"/transcripts?metaData_fieldName=C"}, "metaData.fieldValue==*Blu*"},
		{"/transcripts?filter=metaData.fieldValue==Blue", []string{"/transcripts"}, "metaData.fieldValue==Blue"},
		{"/transcripts?filter=metaData.fieldValue==*B*e*", []string{"/transcripts"}, "metaData.fieldValue==*B*e*"},
		// A text that needs escapes is written as the API reads it.
		{"/files?filter=agentID=='a b;c'", []string{"/files?agentID=a%20b;c"}, ""},
		// More than MaxBranches branches stay residual: one request.
		{"/files?filter=agentID=in=(" + manyAgents(client.MaxBranches+1) + ")", []string{"/files"}, "agentID=in=(" + manyAgents(client.MaxBranches+1) + ")"},
		// n is a position in the answer: never sent, skipped by the walk.
		{"/files?n=51&filter=agentID==bill", []string{"/files?agentID=bill"}, ""},
	} {
		p := explain(t, c.request)
		if got := p.RequestTexts(); !reflect.DeepEqual(got, c.requests) && !(len(got) == 0 && len(c.requests) == 0) {
			t.Errorf("%s: requests\n got %q\nwant %q", c.request, got, c.requests)
		}
		if got := p.ResidualText(); got != c.residual {
			t.Errorf("%s: residual %q, want %q", c.request, got, c.residual)
		}
	}
}

func manyAgents(n int) string {
	a := make([]string, n)
	for i := range a {
		a[i] = "a" + strconv.Itoa(i)
	}
	return strings.Join(a, ",")
}

func TestPlanJSON(t *testing.T) {
	p := explain(t, "/files.csv?filter=agentID=in=(bill,ann);duration=gt=600&d=today-7d,today")
	b, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"requests":["/files.csv?d=today-7d,today&agentID=bill","/files.csv?d=today-7d,today&agentID=ann"],"residual":"duration=gt=600"}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	none := explain(t, "/files?filter=agentID==a;agentID==b")
	if b, _ := json.Marshal(none); string(b) != `{"requests":[],"residual":""}` {
		t.Errorf("a contradiction: %s", b)
	}
}

// TestPlanTenantZone: a filter's date without an offset, in the tenant's
// zone that the client was not told, is refused before anything is sent;
// with an offset it needs no zone.
func TestPlanTenantZone(t *testing.T) {
	q, _ := filter.Parse("GET", "/files?filter=startDate=ge=today-1d")
	if _, err := client.PlanFilter(q, testNow, nil); !errors.Is(err, client.ErrFilterZone) {
		t.Errorf("relative date, unknown zone: %v", err)
	}
	q, _ = filter.Parse("GET", "/files?filter=startDate=ge=2007-08-05T00:00Z")
	p, err := client.PlanFilter(q, testNow, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.RequestTexts(); len(got) != 1 || got[0] != "/files?d=2007-08-05T00:00:00Z,9999-12-30T23:59:59.999999999Z" {
		t.Errorf("got %q", got)
	}
}

// walkAll walks request with c, files or transcripts by its path.
func walkAll(c *client.Client, request string) ([]record.File, []record.Transcript, error) {
	ctx := context.Background()
	if strings.Contains(request, "/transcripts") {
		ts, err := collect(c.Transcripts(ctx, request))
		return nil, ts, err
	}
	fs, err := collect(c.Files(ctx, request))
	return fs, nil, err
}

// TestPropPlanEqualsServerFilter is the law of docs/CLIENT.md, "Plans": a
// planned walk against server.New without filters lists what the same
// request answered by server.New with filters lists, in the same order, in
// each wire format; every request of the plan asks for a superset of its
// share of the answer; a plan whose residual is empty drops nothing the
// API returned; the plan has at most one request per branch of its split.
func TestPropPlanEqualsServerFilter(t *testing.T) {
	zones := []string{"UTC", "America/Denver", "Asia/Kolkata"}
	rapid.Check(t, func(t *rapid.T) {
		files := fuzz.Files(160).Draw(t, "files")
		ts := fuzz.Transcripts(160).Draw(t, "transcripts")
		zone := rapid.SampledFrom(zones).Draw(t, "tenantZone")
		loc, _ := time.LoadLocation(zone)
		var request string
		switch rapid.IntRange(0, 2).Draw(t, "shape") {
		case 0:
			tr := rapid.Bool().Draw(t, "transcripts")
			path := "/files"
			if tr {
				path = "/transcripts"
			}
			request = path + "?filter=" + strings.ReplaceAll(queryEscape(fuzz.Filter(tr).Draw(t, "filter")), ";", "%3B")
		case 1:
			request = fuzz.ValidFilterRequest().Draw(t, "request").Target
		default:
			request = likelyRequest(t, files, ts)
		}
		plain := startFixtureWith(files, ts, loc, false)
		defer plain.ts.Close()
		withFilter := startFixtureWith(files, ts, loc, true)
		defer withFilter.ts.Close()
		wire := rapid.SampledFrom([]filter.Format{filter.XML, filter.JSON, filter.CSV}).Draw(t, "wire")
		opts := []client.Option{client.WithKnownTenantZone(zone), client.WithClock(func() time.Time { return testNow }), client.WithWireFormat(wire)}
		wantF, wantT, err := walkAll(withFilter.newClient(t, nil, append(opts, client.WithServerFilter())...), request)
		if err != nil {
			t.Skip("the server with filters refuses the request:", err)
		}
		c := plain.newClient(t, nil, opts...)
		gotF, gotT, err := walkAll(c, request)
		if err != nil {
			t.Fatalf("%s: planned walk: %v", request, err)
		}
		if !reflect.DeepEqual(gotF, wantF) || !reflect.DeepEqual(gotT, wantT) {
			t.Fatalf("%s: planned %d files %d transcripts, the server with filters %d and %d\n got %v\nwant %v",
				request, len(gotF), len(gotT), len(wantF), len(wantT), ids(gotF, gotT), ids(wantF, wantT))
		}
		res := filter.Files
		if strings.Contains(request, "/transcripts") {
			res = filter.Transcripts
		}
		plan, err := c.ExplainFilter(res, request)
		if err != nil {
			t.Fatal(err)
		}
		// Every request asks for a superset of its share: the union of
		// what the requests return (n=1) holds the whole answer from n=1.
		all := request
		if q, _ := filter.Parse("GET", request); q.N > 1 {
			q.N = 1
			all = encode.Canonical(q)
		}
		wantF, wantT, _ = walkAll(withFilter.newClient(t, nil, append(opts, client.WithServerFilter())...), all)
		union := map[string]bool{}
		var returned int
		for _, r := range plan.RequestTexts() {
			fs, trs, err := walkAll(plain.newClient(t, nil, opts...), r)
			if err != nil {
				t.Fatalf("plan request %s: %v", r, err)
			}
			for _, id := range ids(fs, trs) {
				if !union[id] {
					returned++
				}
				union[id] = true
			}
		}
		for _, id := range ids(wantF, wantT) {
			if !union[id] {
				t.Fatalf("%s: %s is in the answer but no request of the plan %q asks for it", request, id, plan.RequestTexts())
			}
		}
		if plan.ResidualText() == "" && returned != len(wantF)+len(wantT) {
			t.Fatalf("%s: no residual, but the requests return %d records and the answer holds %d", request, returned, len(wantF)+len(wantT))
		}
	})
}

// likelyRequest draws a request whose filter the records often match:
// ORs of the agents they have (overlapping branches among them), their
// durations, bounds around their startDates, metadata fragments.
func likelyRequest(t *rapid.T, files []record.File, ts []record.Transcript) string {
	tr := rapid.Bool().Draw(t, "transcripts")
	at := time.Date(2007, 6, 1, 0, 0, 0, 0, time.UTC)
	if tr && len(ts) > 0 {
		at = ts[rapid.IntRange(0, len(ts)-1).Draw(t, "at")].StartDate
	} else if !tr && len(files) > 0 {
		at = files[rapid.IntRange(0, len(files)-1).Draw(t, "at")].StartDate
	}
	date := func(d time.Duration) string {
		return queryEscape(at.Add(d).Format("2006-01-02T15:04:05Z07:00"))
	}
	parts := []string{
		"agentID=in=(bill,jo)", "agentID==bill", "agentID==jo,agentID==bill", "agentID=in=(ann,bill,jo)",
		"duration=gt=30", "duration==0", "duration=in=(0,1,2)", "agentID!=jo",
		"startDate=ge=" + date(0), "startDate=lt=" + date(time.Hour), "startDate=gt=" + date(-time.Hour),
		"startDate=in=(" + date(0) + "," + date(2*time.Hour) + ")",
		"(agentID==bill;duration=lt=60),queueID==" + map[bool]string{true: "104", false: "QUEUE_OUTBOUND"}[tr],
		"agentID==b*", "finishDate=le=" + date(time.Minute),
	}
	if tr {
		parts = append(parts, "metaData.fieldValue==*lu*", "metaData.fieldName==*ol*", "metaData.fieldValue=in=(Blue,26)")
	} else {
		parts = append(parts, "transactionCode.listName==Gauffre", "caseID==17,channel==8005557780")
	}
	n := rapid.IntRange(1, 3).Draw(t, "parts")
	chosen := make([]string, n)
	for i := range chosen {
		chosen[i] = rapid.SampledFrom(parts).Draw(t, "part")
		if strings.Contains(chosen[i], ",") && !strings.Contains(chosen[i], "=in=") && n > 1 {
			chosen[i] = "(" + chosen[i] + ")"
		}
	}
	path := "/files"
	if tr {
		path = "/transcripts"
	}
	request := path + "?filter=" + strings.Join(chosen, "%3B")
	if rapid.Bool().Draw(t, "hasD") {
		request += "&d=" + date(-20*time.Hour) + "," + date(20*time.Hour)
	}
	if rapid.IntRange(0, 3).Draw(t, "hasN") == 0 {
		request += "&n=" + rapid.SampledFrom([]string{"2", "51"}).Draw(t, "n")
	}
	return request
}

func ids(fs []record.File, ts []record.Transcript) []string {
	var out []string
	for i := range fs {
		out = append(out, fs[i].Filename)
	}
	for i := range ts {
		out = append(out, ts[i].InteractionGUID)
	}
	return out
}

// queryEscape percent-encodes what a query string cannot hold of a filter.
func queryEscape(f string) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == '%' || c == '&' || c == '#' || c == '+' || c == ' ' || c >= 0x80 {
			b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// TestPropPlanRequestCounts holds the bounds docs/CLIENT.md states: a
// filter without an OR costs one request (none for a contradiction); an
// =in= of k distinct agents beside it costs k, each sent once, and a walk
// whose branches each fit in a page sends exactly k requests.
func TestPropPlanRequestCounts(t *testing.T) {
	f := newFixture(t, genFiles(3, 30, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), 60), nil)
	rapid.Check(t, func(t *rapid.T) {
		conj := rapid.SliceOfN(rapid.SampledFrom([]string{
			"queueID==Q1", "duration=gt=30", "agentID!=joe", "startDate=ge=2026-11-20", "startDate=lt=2026-11-21T06:00",
			"channel==*out*", "duration==12", "caseID=in=(7)", "transactionCode.name==Gauffre*",
		}), 0, 4).Draw(t, "and")
		p := explain2(t, "/files?tz=UTC&filter="+strings.Join(append([]string{"filename!=x"}, conj...), "%3B"))
		if len(p.Requests) > 1 {
			t.Fatalf("a pure AND: %d requests %q", len(p.Requests), p.RequestTexts())
		}
		agents := rapid.SliceOfNDistinct(rapid.SampledFrom([]string{"bill", "ann", "joe", "zed", "a b"}), 1, 5, rapid.ID[string]).Draw(t, "agents")
		in := "agentID=in=('" + strings.Join(agents, "','") + "')"
		request := "/files?tz=UTC&filter=" + strings.ReplaceAll(strings.Join(append([]string{in}, conj...), "%3B"), " ", "%20")
		p = explain2(t, request)
		if len(p.Requests) != len(agents) && len(p.Requests) != 0 {
			t.Fatalf("=in= of %d agents: %d requests %q", len(agents), len(p.Requests), p.RequestTexts())
		}
		before := len(f.requests())
		if _, err := collect(f.newClient(t, nil).Files(context.Background(), request)); err != nil {
			t.Fatal(err)
		}
		if sent := len(f.requests()) - before; sent != len(p.Requests) {
			t.Fatalf("%s: the plan has %d requests, the walk sent %d", request, len(p.Requests), sent)
		}
	})
}

func explain2(t *rapid.T, request string) *client.FilterPlan {
	q, err := filter.Parse("GET", request)
	if err != nil {
		t.Fatal(err)
	}
	p, err := client.PlanFilter(q, testNow, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPropPlanUnderDeletes: the merged walks of a plan keep the promise of
// one walk (docs/CLIENT.md): under deletes between pages, every record
// present throughout is listed once, none twice, none outside the query,
// in the API's order, also when two branches list the same record.
func TestPropPlanUnderDeletes(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	rapid.Check(t, func(rt *rapid.T) {
		files := genFiles(rapid.Uint64().Draw(rt, "seed"), rapid.IntRange(0, 400).Draw(rt, "files"), base, rapid.IntRange(1, 4).Draw(rt, "maxGap"))
		for i := range files { // responses write whole seconds: see "Plans" on order within a second
			files[i].StartDate = files[i].StartDate.Truncate(time.Second)
		}
		slices.SortFunc(files, record.CompareFiles)
		query := rapid.SampledFrom([]string{
			"filter=agentID=in=(bill,ann)%3Bduration=gt=100",
			"filter=agentID==bill,queueID==Q1", // overlapping branches: every file is in Q1
			"filter=agentID=in=(ann,joe),duration=in=(5,9,12)&d=2026-11-01T00:00Z,2026-11-01T00:10Z",
			"filter=(agentID==joe%3Bduration=lt=200),agentID==ann,duration==7&d=2026-11-01T00:02Z,2026-11-01T00:30Z",
			"filter=startDate=in=(2026-11-01T00:05,2026-11-01T00:06,2026-11-01T00:20)%3BagentID!=joe",
		}).Draw(rt, "query")
		w := rapid.SampledFrom(walks).Draw(rt, "walk")
		perPage := rapid.IntRange(0, 30).Draw(rt, "deletesPerPage")
		rng := rand.New(rand.NewPCG(rapid.Uint64().Draw(rt, "deleteSeed"), 0))
		api := startFixture(files, nil)
		defer api.ts.Close()
		deleted := map[string]bool{}
		api.setHook(func(k int, _ http.ResponseWriter, r *http.Request) bool {
			if k > 1 {
				all := api.api.Store().AllFiles()
				for i := 0; i < perPage && len(all) > 0; i++ {
					x := all[rng.IntN(len(all))].Filename
					if api.api.Store().DeleteFile(x) {
						deleted[x] = true
					}
				}
			}
			return false
		})
		c := api.newClient(rt, nil, client.WithWalk(w))
		got, err := collect(c.Files(context.Background(), query))
		if err != nil {
			rt.Fatal(err)
		}
		checkWalk(rt, got, expectFiles(rt, files, query), deleted)
		if !slices.IsSortedFunc(got, record.CompareFiles) {
			rt.Fatalf("not in the API's order: %v", filenames(got))
		}
	})
}

// TestPlanFirstRequest: Plan tells the first request a filter's plan
// sends, never a filter= the API does not take.
func TestPlanFirstRequest(t *testing.T) {
	c, err := client.New("", tenant, token)
	if err != nil {
		t.Fatal(err)
	}
	first, _, err := c.Plan(filter.Files, "filter=agentID=in=(bill,ann)%3Bduration=gt=600")
	if err != nil || first != "/files?tz=UTC&agentID=bill" {
		t.Errorf("Plan: %q, %v", first, err)
	}
	c, _ = client.New("", tenant, token, client.WithServerFilter())
	first, _, err = c.Plan(filter.Files, "filter=agentID==bill")
	if err != nil || first != "/files?tz=UTC&filter=agentID==bill" {
		t.Errorf("Plan, WithServerFilter: %q, %v", first, err)
	}
}

// TestPlanMaxBranches: an =in= of MaxBranches agents is that many
// requests; one more keeps it residual (docs/CLIENT.md, "What is bounded").
func TestPlanMaxBranches(t *testing.T) {
	if p := explain(t, "/files?filter=agentID=in=("+manyAgents(client.MaxBranches)+")"); len(p.Requests) != client.MaxBranches || p.ResidualText() != "" {
		t.Errorf("%d requests, residual %q", len(p.Requests), p.ResidualText())
	}
	if p := explain(t, "/files?filter=agentID=="+strings.ReplaceAll(manyAgents(client.MaxBranches+1), ",", ",agentID==")); len(p.Requests) != 1 {
		t.Errorf("an OR of %d branches: %d requests", client.MaxBranches+1, len(p.Requests))
	}
}

// TestPlanObserverCountsAcrossRequests: the pages of a plan's requests are
// numbered as one walk's, each once, for recq get's progress line.
func TestPlanObserverCountsAcrossRequests(t *testing.T) {
	f := newFixture(t, genFiles(5, 200, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), 30), nil)
	var pages []int
	c := f.newClient(t, nil, client.WithObserver(func(e client.Event) {
		if e.Kind == client.EventPage {
			pages = append(pages, e.Page)
		}
	}))
	if _, err := collect(c.Files(context.Background(), "filter=agentID=in=(bill,ann)")); err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages) // the walks' pages interleave as the merge reads them
	if len(pages) < 3 || !slices.Equal(pages, func() []int {
		w := make([]int, len(pages))
		for i := range w {
			w[i] = i + 1
		}
		return w
	}()) {
		t.Errorf("pages %v, want 1, 2, … across the requests", pages)
	}
	if sent := len(f.requests()); sent != len(pages) {
		t.Errorf("%d requests sent, %d pages told", sent, len(pages))
	}
}
