package web_test

// The page's tests drive chromium (internal/browsertest) with chromedp
// over a test server that is recq serve's handler: web.Mux over server.New.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/recq/recq/internal/browsertest"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
	"github.com/recq/recq/timezone"
	"github.com/recq/recq/web"
)

// testNow is the server's clock in every test: today is 2026-11-25.
var testNow = time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)

const (
	testTenant = "acme"
	testToken  = "s3cret-token"
)

// site is one recq serve handler on a loopback test server.
type site struct {
	URL string
	api *server.Server
}

func newSite(t *testing.T) *site {
	t.Helper()
	return newSiteWith(t, false)
}

// newSiteWith is newSite, answering filter= when filters is true (recq
// serve --filter); refusing it with not-in-api, as the real API, when not.
func newSiteWith(t *testing.T, filters bool) *site {
	t.Helper()
	zone, err := timezone.Load(server.SampleZone)
	if err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return testNow }
	files, transcripts := server.Sample(server.SampleSeed, testNow, zone)
	api := server.New(server.Config{Store: record.NewStore(files, transcripts), Tenant: testTenant, Token: testToken, Zone: zone, Clock: clock, Filter: filters})
	ts := httptest.NewServer(web.Mux(api, web.PageConfig{TenantZone: zone.String(), Clock: clock}))
	t.Cleanup(ts.Close)
	return &site{URL: ts.URL, api: api}
}

// get fetches an API path with the test's credentials, as a client would.
func (s *site) get(t *testing.T, path string) (int, []byte) {
	t.Helper()
	return s.getAs(t, path, testTenant, testToken)
}

// getAs fetches an API path with the given credentials.
func (s *site) getAs(t *testing.T, path, tenant, token string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", s.URL+"/api/recordings"+path, nil)
	req.SetBasicAuth(tenant, token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, body
}

// browser starts a headless chromium for one test (internal/browsertest:
// skipped locally without chromium, failed under CI=true) with a viewport
// of w×h CSS pixels, and returns the context its actions run in.
func browser(t *testing.T, w, h int) context.Context {
	t.Helper()
	ctx := browsertest.New(t)
	do(t, ctx, chromedp.EmulateViewport(int64(w), int64(h)))
	return ctx
}

// open navigates to the page and waits until the validator is loaded.
func open(t *testing.T, ctx context.Context, s *site) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(s.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`html[data-ready="true"] #url`)))
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval runs a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// evalAsync is eval of an expression whose value is a promise.
func evalAsync[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor waits until a JavaScript expression is true in the page.
func waitFor(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", js, err)
	}
}

// Page actions, as a user does them: each fires the events a browser fires.

// setValue sets a select, date or text control at once and fires input
// and change, as picking from a list does.
func setValue(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.getElementById(%q); if (!el) return "no #" + %q;
		el.focus(); el.value = %q; el.dispatchEvent(new Event("input", {bubbles: true})); el.dispatchEvent(new Event("change", {bubbles: true})); return el.value; })()`, id, id, value)
	if got := eval[string](t, ctx, js); got != value {
		t.Fatalf("#%s: set %q, holds %q", id, value, got)
	}
}

// typeInto clears a text control and types text key by key.
func typeInto(t *testing.T, ctx context.Context, id, text string) {
	t.Helper()
	sel := chromedp.ID(id)
	do(t, ctx, chromedp.Focus(sel), chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).select()`, id), chromedp.EvalIgnoreExceptions),
		chromedp.KeyEvent("\b"), chromedp.SendKeys(sel, text))
}

// click clicks the first element that css selects, failing at once when
// there is none rather than waiting for one to appear.
func click(t *testing.T, ctx context.Context, css string) {
	t.Helper()
	if !eval[bool](t, ctx, fmt.Sprintf(`document.querySelector(%q) !== null`, css)) {
		t.Fatalf("nothing to click: no %s", css)
	}
	// A button the page is still enabling (Run, once the token is typed)
	// ignores a click: wait until it takes one.
	do(t, ctx, chromedp.WaitEnabled(chromedp.CSS(css)), chromedp.Click(chromedp.CSS(css), chromedp.NodeVisible))
}

// paste replaces the URL box's text as a paste does (one input event).
func paste(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.getElementById("url"); el.focus(); el.select();
		document.execCommand("insertText", false, %q); return el.value; })()`, text)
	eval[string](t, ctx, js)
}

// urlText is the URL box's text.
func urlText(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `document.getElementById("url").value`)
}
