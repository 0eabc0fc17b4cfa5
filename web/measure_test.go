package web_test

import (
	"flag"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var measure = flag.Bool("measure", false, "measure the page in chromium and log the figures (bench/README.md)")

// TestMeasurePage measures, on loopback, the time from navigation to a
// usable page (the validator loaded and the controls built) and from a
// keystroke in the URL box to the updated faults. It logs figures and
// asserts only that the page recorded them: timings are not asserted.
//
//	go test ./web/ -run TestMeasurePage -measure -v
func TestMeasurePage(t *testing.T) {
	if !*measure {
		t.Skip("a measurement: go test ./web/ -run TestMeasurePage -measure -v")
	}
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	var ready []float64
	for range 10 {
		open(t, ctx, s)
		ms := eval[[]float64](t, ctx, `performance.getEntriesByName("recq-ready").map((e) => e.startTime)`)
		if len(ms) != 1 {
			t.Fatalf("the page marked recq-ready %d times", len(ms))
		}
		ready = append(ready, ms[0])
	}
	t.Logf("navigation to usable page, 10 loads: %s", summary(ready))

	// Type a request key by key: each key is one input event, and the page
	// measures from the event to the faults shown, then to the preview.
	const typed = "/files.csv?d=2007-02-30,today&Start-Date=2007-12-19T13:15 05:30&tz=america/denver&agentID=bill&n=51"
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`performance.clearMeasures(); document.getElementById("url").value = ""`, chromedp.EvalIgnoreExceptions),
		chromedp.Focus(chromedp.ID("url")))
	start := time.Now()
	do(t, ctx, chromedp.SendKeys(chromedp.ID("url"), typed))
	elapsed := time.Since(start)
	faults := eval[[]float64](t, ctx, `performance.getEntriesByName("recq-keystroke-faults").map((e) => e.duration)`)
	all := eval[[]float64](t, ctx, `performance.getEntriesByName("recq-keystroke-all").map((e) => e.duration)`)
	if len(faults) != len(typed) || len(all) != len(typed) {
		t.Fatalf("%d keys typed, %d and %d measures", len(typed), len(faults), len(all))
	}
	t.Logf("keystroke to updated faults, %d keys: %s", len(typed), summary(faults))
	t.Logf("keystroke to faults, controls and preview, %d keys: %s", len(typed), summary(all))
	t.Logf("(typing through the DevTools protocol took %v)", elapsed)
}

// summary writes the median, the 90th percentile and the maximum in ms.
func summary(ms []float64) string {
	s := slices.Clone(ms)
	slices.Sort(s)
	q := func(p float64) float64 { return s[int(p*float64(len(s)-1)+0.5)] }
	return fmtMs(q(.5)) + " median, " + fmtMs(q(.9)) + " p90, " + fmtMs(s[len(s)-1]) + " max"
}

func fmtMs(v float64) string {
	return time.Duration(v * float64(time.Millisecond)).Round(10 * time.Microsecond).String()
}
