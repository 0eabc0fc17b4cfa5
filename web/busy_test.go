package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/recq/recq"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
	"github.com/recq/recq/web"
)

// heldStore is a store whose Files waits while held, so that a request can
// keep the server's only slot taken.
type heldStore struct {
	recq.Store
	entered chan struct{}
	release chan struct{}
}

func (s heldStore) Files(ctx context.Context, q *filter.Query, res filter.Resolved) ([]record.File, error) {
	if v, _ := q.Field("agentID"); v == "hold" {
		s.entered <- struct{}{}
		<-s.release
	}
	return s.Store.Files(ctx, q, res)
}

// TestBusyShows503 runs a query while the server's one slot is held: the
// page shows 503 and the server's own message for it.
func TestBusyShows503(t *testing.T) {
	held := heldStore{Store: recq.Memory(record.NewStore(nil, nil)), entered: make(chan struct{}), release: make(chan struct{})}
	api := server.New(server.Config{Backend: held, Tenant: testTenant, Token: testToken, Clock: func() time.Time { return testNow }, MaxInFlight: 1})
	ts := httptest.NewServer(web.Mux(api, web.PageConfig{Clock: func() time.Time { return testNow }}))
	defer ts.Close()
	s := &site{URL: ts.URL, api: api}

	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	login(t, ctx, testToken)

	done := make(chan struct{})
	go func() {
		defer close(done)
		req, _ := http.NewRequest("GET", ts.URL+"/api/recordings/files?agentID=hold", nil)
		req.SetBasicAuth(testTenant, testToken)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	<-held.entered
	_, body := s.get(t, "/files.json")
	held.release <- struct{}{}
	<-done
	var want struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal(body, &want); err != nil || want.Error.Code != "overloaded" {
		t.Fatalf("the server's busy body: %s (%v)", body, err)
	}

	// Hold the slot again, and run from the page.
	done = make(chan struct{})
	go func() {
		defer close(done)
		req, _ := http.NewRequest("GET", ts.URL+"/api/recordings/files?agentID=hold", nil)
		req.SetBasicAuth(testTenant, testToken)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	<-held.entered
	click(t, ctx, "#run")
	waitResult(t, ctx)
	held.release <- struct{}{}
	<-done
	got := eval[struct{ Status, Text string }](t, ctx, `(() => { const r = document.querySelector("#result .refusal"); return r ? {Status: r.dataset.status, Text: r.textContent} : {Status: "", Text: document.getElementById("result").textContent}; })()`)
	if got.Status != "503" || !strings.Contains(got.Text, want.Error.Message) || !strings.Contains(got.Text, "overloaded") {
		t.Errorf("the page shows %+v; the API says 503 %s %q", got, want.Error.Code, want.Error.Message)
	}
}

// TestPageSaysWhenItCannotStart serves the page without its .wasm: the
// status line says that the page could not start, instead of loading for
// ever.
func TestPageSaysWhenItCannotStart(t *testing.T) {
	page := web.Mux(http.NotFoundHandler(), web.PageConfig{Clock: func() time.Time { return testNow }})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			http.NotFound(w, r)
			return
		}
		page.ServeHTTP(w, r)
	}))
	defer ts.Close()
	ctx := browser(t, 1280, 900)
	do(t, ctx, chromedp.Navigate(ts.URL+"/"))
	waitFor(t, ctx, `document.getElementById("status").getAttribute("role") === "alert"`)
	if text := eval[string](t, ctx, `document.getElementById("status").textContent`); !strings.Contains(text, "could not start") {
		t.Errorf("the status says %q", text)
	}
}
