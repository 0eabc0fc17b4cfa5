package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/recq/recq/internal/browsertest"
)

// crossOrigin is what a page of another origin saw when it called a recq
// serve: the API with the credentials (as a header, and also with
// credentials: "include"), with a wrong token, and the browser module.
type crossOrigin struct {
	Status      int    `json:"status"`
	Body        string `json:"body"`
	Included    int    `json:"included"`
	Wrong       int    `json:"wrong"`
	WrongBody   string `json:"wrongBody"`
	Challenge   string `json:"challenge"`
	FetchError  string `json:"fetchError"`
	Canonical   string `json:"canonical"`
	ModuleError string `json:"moduleError"`
}

// callFrom runs, in the page the browser shows, what a UI's dev server
// does with the recq serve at api.
func callFrom(t *testing.T, ctx context.Context, api, token string) crossOrigin {
	t.Helper()
	script := fmt.Sprintf(`(async (api, token) => {
		const out = {};
		const auth = (t) => ({ Authorization: "Basic " + btoa("acme:" + t) });
		try {
			const r = await fetch(api + "/api/recordings/files.json?n=1", { headers: auth(token) });
			out.status = r.status;
			out.body = await r.text();
			const inc = await fetch(api + "/api/recordings/transcripts.json", { headers: auth(token), credentials: "include" });
			out.included = inc.status;
			const wrong = await fetch(api + "/api/recordings/files.json", { headers: auth("wrong") });
			out.wrong = wrong.status;
			out.wrongBody = await wrong.text();
			out.challenge = wrong.headers.get("WWW-Authenticate") || "";
		} catch (e) {
			out.fetchError = String(e);
		}
		try {
			const { load } = await import(api + "/_recq/load.js");
			const recq = await load(api + "/_recq/recq.wasm");
			out.canonical = recq.parse("GET", "/files?agentID=bill&d=2007-08-05", { now: "2026-11-25T12:00:00Z" }).canonical;
		} catch (e) {
			out.moduleError = String(e);
		}
		return JSON.stringify(out);
	})(%q, %q)`, api, token)
	text := browsertest.Eval[string](t, ctx, script)
	var out crossOrigin
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		t.Fatalf("%v: %s", err, text)
	}
	return out
}

// TestServeCORSInBrowser serves a page from one loopback listener, as a
// UI's dev server would, and has chromium call two recq serve on other
// ports from it: one with --cors naming the page's origin, whose API
// answers (and reads as 401 with a wrong token) and whose module loads;
// one without, which the browser keeps closed to the page (the default).
func TestServeCORSInBrowser(t *testing.T) {
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><title>a UI's dev server</title>")
	}))
	defer page.Close()
	origin := page.URL // http://127.0.0.1:PORT, as the browser sends it

	open := startServe(t, "--addr", "127.0.0.1:0", "--http", "--token", "s3cret", "--quiet", "--cors", origin)
	closed := startServe(t, "--addr", "127.0.0.1:0", "--http", "--token", "s3cret", "--quiet")
	openAPI := "http://" + open.line(t, "address: ", 1)
	closedAPI := "http://" + closed.line(t, "address: ", 1)
	if got := open.line(t, "cors: ", 1); !strings.Contains(got, origin) {
		t.Errorf("cors line %q", got)
	}

	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(page.URL)); err != nil {
		t.Fatal(err)
	}

	got := callFrom(t, ctx, openAPI, "s3cret")
	if got.FetchError != "" || got.Status != 200 || !strings.Contains(got.Body, "startDate") {
		t.Errorf("listed: the API: %+v", got)
	}
	if got.Included != 200 {
		t.Errorf("listed: with credentials: \"include\": %d (credentials must be allowed)", got.Included)
	}
	if got.Wrong != 401 || !strings.Contains(got.WrongBody, "unauthorized") || !strings.Contains(got.Challenge, "Basic") {
		t.Errorf("listed: a wrong token: %d %q %q, want a 401 the page can read", got.Wrong, got.WrongBody, got.Challenge)
	}
	if got.ModuleError != "" || got.Canonical != "/files?d=2007-08-05&agentID=bill" {
		t.Errorf("listed: the module: %q %q", got.Canonical, got.ModuleError)
	}

	got = callFrom(t, ctx, closedAPI, "s3cret")
	if !strings.Contains(got.FetchError, "Failed to fetch") || got.Status != 0 {
		t.Errorf("not listed: the API answered the page: %+v", got)
	}
	if got.ModuleError == "" || got.Canonical != "" {
		t.Errorf("not listed: the module loaded: %+v", got)
	}
}

// TestServeCORSFlag: --cors takes exact origins only, and says how to
// write one it refuses.
func TestServeCORSFlag(t *testing.T) {
	for flag, want := range map[string]string{
		"*":                          `recq serve: --cors: "*" is not an origin`,
		"http://localhost:5173/":     `write "http://localhost:5173"`,
		"http://localhost:5173,null": `"null" is the origin of sandboxed`,
		"localhost:5173":             "scheme://host[:port]",
		"http://a.example,":          "an empty origin",
	} {
		var stdout, stderr strings.Builder
		status := serve(context.Background(), nil, []string{"--http", "--addr", "127.0.0.1:0", "--cors", flag}, &stdout, &stderr, clock)
		if status != 1 || !strings.Contains(stderr.String(), want) {
			t.Errorf("--cors %q: exit %d, %q; want 1 and %q", flag, status, stderr.String(), want)
		}
	}
}
