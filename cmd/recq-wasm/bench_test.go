package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/browsertest"
	"github.com/recq/recq/internal/report/asvalue"
	"github.com/recq/recq/timezone"
	"github.com/recq/recq/web"
)

// documentCalls are the requests of the document's examples
// (conformance/testdata/document.cases), with their clocks and zones.
func documentCalls(tb testing.TB) []call {
	cases, err := conformance.Cases()
	if err != nil {
		tb.Fatal(err)
	}
	var calls []call
	for _, c := range cases {
		if c.File == "document.cases" {
			calls = append(calls, call{c.Method, c.Target, c.Now.Format(time.RFC3339Nano), c.Tenant})
		}
	}
	if len(calls) == 0 {
		tb.Fatal("no document cases")
	}
	return calls
}

// BenchmarkBrowserParse measures recq.parse inside chromium, as a page
// calls it: the page's performance.now() around 10,000 parses of the
// document's requests (each parse: the call into WebAssembly, parsing,
// resolving, the answer written as JSON and read back as an object). V8
// first runs a module through its baseline compiler and optimizes hot
// functions later, in the background, which on two busy cores takes tens of
// thousands of calls; so the first round of 10,000 after loading is
// reported on its own as ns/parse-cold, four more rounds are not counted,
// and ns/parse is the mean of the counted rounds (ns/op is one round),
// ns/parse-best the fastest of them (bench/README.md).
func BenchmarkBrowserParse(b *testing.B) {
	browserParse(b, documentCalls(b))
}

// BenchmarkBrowserParseFilter is BenchmarkBrowserParse over the requests
// of the filter cases (conformance/testdata/filter.cases): filter= with
// or, nested groups, every operator, dates resolved into filterDates, and
// refusals with their faults.
func BenchmarkBrowserParseFilter(b *testing.B) {
	cases, err := conformance.Cases()
	if err != nil {
		b.Fatal(err)
	}
	var calls []call
	for _, c := range cases {
		if c.File == "filter.cases" {
			calls = append(calls, call{c.Method, c.Target, c.Now.Format(time.RFC3339Nano), c.Tenant})
		}
	}
	if len(calls) < 100 {
		b.Fatalf("only %d filter cases", len(calls))
	}
	browserParse(b, calls)
}

// browserParse measures recq.parse in chromium over calls.
func browserParse(b *testing.B, calls []call) {
	in, _ := json.Marshal(calls)
	eval := loadModule(b)
	round := func() float64 {
		var ms float64
		raw := eval(`(() => {
			const calls = ` + string(in) + `;
			const t0 = performance.now();
			for (let i = 0; i < 10000; i++) {
				const c = calls[i % calls.length];
				m.parse(c.method, c.target, {now: c.now, tenantZone: c.tenantZone});
			}
			return performance.now() - t0;
		})()`)
		if err := json.Unmarshal(raw, &ms); err != nil {
			b.Fatal(err)
		}
		if os.Getenv("RECQ_ROUNDS") != "" {
			fmt.Fprintf(os.Stderr, "round %.1f ms\n", ms)
		}
		return ms
	}
	cold := round()
	for range 4 {
		round()
	}
	var total float64
	best := -1.0
	for b.Loop() {
		ms := round()
		total += ms
		if best < 0 || ms < best {
			best = ms
		}
	}
	b.ReportMetric(total*1e6/float64(b.N)/10000, "ns/parse")
	b.ReportMetric(best*1e6/10000, "ns/parse-best")
	b.ReportMetric(cold*1e6/10000, "ns/parse-cold")
}

// BenchmarkNativeParse is the same work in Go on this machine: parse,
// resolve and write the answer of recq parse as JSON.
func BenchmarkNativeParse(b *testing.B) {
	calls := documentCalls(b)
	type prepared struct {
		method, target string
		now            time.Time
		tenant         *time.Location
	}
	var ps []prepared
	for _, c := range calls {
		now, _ := time.Parse(time.RFC3339Nano, c.Now)
		tenant, _ := timezone.Load(c.Tenant)
		ps = append(ps, prepared{c.Method, c.Target, now, tenant})
	}
	i := 0
	for b.Loop() {
		p := ps[i%len(ps)]
		if _, err := json.Marshal(asvalue.Parse(p.method, p.target, p.now, p.tenant)); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkNativeFilterParse is filter.Parse alone, for scale.
func BenchmarkNativeFilterParse(b *testing.B) {
	calls := documentCalls(b)
	i := 0
	for b.Loop() {
		c := calls[i%len(calls)]
		filter.Parse(c.Method, c.Target)
		i++
	}
}

// BenchmarkBrowserLoad measures, in chromium, the time from the start of a
// page's navigation to the module being ready (recq.js imported: the .wasm
// fetched, compiled and started), as ms-to-ready. After the first round the
// .wasm comes from the browser's cache, revalidated by its ETag.
func BenchmarkBrowserLoad(b *testing.B) {
	srv := httptest.NewServer(web.Module(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!doctype html><title>recq load</title>")
	})))
	defer srv.Close()
	ctx := browsertest.New(b)
	var total float64
	for b.Loop() {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
			b.Fatal(err)
		}
		total += browsertest.Eval[float64](b, ctx, `import("/_recq/recq.js").then(() => performance.now())`)
	}
	b.ReportMetric(total/float64(b.N), "ms-to-ready")
}

// BenchmarkNativeDispatch is the whole of one call of the ES module on the
// Go side, natively: the call's JSON text read, the options decoded, the
// parse, and the answer written in its envelope, for comparison with
// BenchmarkNativeParse (the same without the call's own work).
func BenchmarkNativeDispatch(b *testing.B) {
	calls := documentCalls(b)
	var texts []string
	for _, c := range calls {
		t, _ := json.Marshal([]any{"parse", c.Method, c.Target, map[string]string{"now": c.Now, "tenantZone": c.Tenant}})
		texts = append(texts, string(t))
	}
	a := api{now: time.Now}
	i := 0
	for b.Loop() {
		dispatch(a, texts[i%len(texts)])
		i++
	}
}
