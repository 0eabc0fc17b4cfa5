package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// blockingWriter is a client that does not read: every Write blocks until
// unblock is closed.
type blockingWriter struct {
	header  http.Header
	writing chan struct{}
	unblock chan struct{}
	once    sync.Once
}

func (w *blockingWriter) Header() http.Header { return w.header }
func (w *blockingWriter) WriteHeader(int)     {}
func (w *blockingWriter) Write(b []byte) (int, error) {
	w.once.Do(func() { close(w.writing) })
	<-w.unblock
	return len(b), nil
}

// TestSlotNotHeldWhileWriting: a client that does not read its response
// must not hold a slot (issue 14, finding 2): with a bound of 1, a second
// client is served while the first one's write is blocked.
func TestSlotNotHeldWhileWriting(t *testing.T) {
	s, _ := newTest(t, Config{MaxInFlight: 1})
	w := &blockingWriter{header: http.Header{}, writing: make(chan struct{}), unblock: make(chan struct{})}
	r := httptest.NewRequest("GET", "https://127.0.0.1/files", nil)
	r.SetBasicAuth(tenant, token)
	done := make(chan struct{})
	go func() { s.ServeHTTP(w, r); close(done) }()
	<-w.writing
	expect(t, do(t, s, "GET", "/files.json"), http.StatusOK, "a second client while the first does not read")
	close(w.unblock)
	<-done
}

// TestAuthBeforeSlot: requests without the credentials take no slot, so a
// flood of them cannot lock the tenant out; they are answered 401 even
// when every slot is taken.
func TestAuthBeforeSlot(t *testing.T) {
	s, _ := newTest(t, Config{MaxInFlight: 1})
	entered, release := make(chan struct{}), make(chan struct{})
	s.hook = func(r *http.Request) {
		if r.URL.Query().Get("agentID") == "block" {
			entered <- struct{}{}
			<-release
		}
	}
	done := make(chan struct{})
	go func() { do(t, s, "GET", "/files?agentID=block"); close(done) }()
	<-entered
	expect(t, doAuth(t, s, "GET", "/files", "", ""), http.StatusUnauthorized, "no credentials, every slot taken")
	expect(t, doAuth(t, s, "GET", "/files", tenant, "wrong"), http.StatusUnauthorized, "a wrong token, every slot taken")
	expect(t, do(t, s, "GET", "/files"), http.StatusServiceUnavailable, "the tenant, every slot taken")
	close(release)
	<-done
}

// TestPerConnectionBound: one connection holds at most
// MaxInFlightPerConn slots; other connections are still served.
func TestPerConnectionBound(t *testing.T) {
	s, _ := newTest(t, Config{MaxInFlight: 8, MaxInFlightPerConn: 2})
	entered, release := make(chan struct{}), make(chan struct{})
	s.hook = func(r *http.Request) {
		if r.URL.Query().Get("agentID") == "block" {
			entered <- struct{}{}
			<-release
		}
	}
	conn := s.ConnContext(context.Background(), nil)
	send := func(ctx context.Context, target string) response {
		r := httptest.NewRequestWithContext(ctx, "GET", "https://127.0.0.1"+target, nil)
		r.SetBasicAuth(tenant, token)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return response{status: w.Code, header: w.Header(), body: w.Body.String()}
	}
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { send(conn, "/files?agentID=block") })
		<-entered
	}
	expect(t, send(conn, "/files.json"), http.StatusServiceUnavailable, "a third request on the same connection")
	other := s.ConnContext(context.Background(), nil)
	expect(t, send(other, "/files.json"), http.StatusOK, "another connection")
	close(release)
	wg.Wait()
	expect(t, send(conn, "/files.json"), http.StatusOK, "the connection after its requests end")
}

// TestHeaderTooLarge: a request whose header passes the bound is answered
// 431 in the requested format, not by net/http in text/plain.
func TestHeaderTooLarge(t *testing.T) {
	s, _ := newTest(t, Config{})
	r := httptest.NewRequest("GET", "https://127.0.0.1/files.json", nil)
	r.SetBasicAuth(tenant, token)
	r.Header.Set("X-Big", strings.Repeat("a", MaxHeaderBytes))
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusRequestHeaderFieldsTooLarge {
		t.Fatalf("status %d, want 431", w.Code)
	}
	if e := readErrors(t, "json", w.Body.String())[0]; e.Variable != "header" {
		t.Errorf("%+v", e)
	}
	// And over a real connection, past net/http's own bound check.
	hs := s.HTTPServer(nil)
	ts := httptest.NewUnstartedServer(hs.Handler)
	ts.Config = hs
	ts.Start()
	defer ts.Close()
	req, _ := http.NewRequest("GET", ts.URL+"/files.csv", nil)
	req.Header.Set("X-Big", strings.Repeat("a", MaxHeaderBytes))
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 431 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Errorf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

// TestLogRedacts: the log holds the names of the query's variables, never
// their values, a bounded line whatever the request, and no query at all
// for a request without the credentials (issue 14, finding 6).
func TestLogRedacts(t *testing.T) {
	s, logs := newTest(t, Config{})
	do(t, s, "GET", "/files.csv?agentID=secret-agent&phoneNumber=5551234")
	huge := "/files?" + strings.Repeat("x=leak&", 8000) + "n=1"
	do(t, s, "GET", huge)
	doAuth(t, s, "GET", huge, "", "")
	doAuth(t, s, "GET", "/"+strings.Repeat("p", 60000), "", "")
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d log lines, want 4:\n%s", len(lines), logs)
	}
	if strings.Contains(logs.String(), "secret-agent") || strings.Contains(logs.String(), "5551234") || strings.Contains(logs.String(), "leak") {
		t.Errorf("the log holds a value:\n%s", lines[0])
	}
	var first struct{ Query string }
	json.Unmarshal([]byte(lines[0]), &first)
	if first.Query != "agentID=…&phoneNumber=…" {
		t.Errorf("query logged as %q", first.Query)
	}
	for i, line := range lines {
		if len(line) > 1024 {
			t.Errorf("line %d is %d bytes long", i+1, len(line))
		}
	}
	for _, line := range lines[2:] {
		var l struct {
			Query  *string
			Status int
		}
		json.Unmarshal([]byte(line), &l)
		if l.Status != 401 || l.Query != nil {
			t.Errorf("a 401 logged with its query: %s", line)
		}
	}
}

var _ = time.Second
