package client_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/recq/recq/client"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// elsewhere is a loopback server on another port than the fixture's: it
// records the Authorization header of every request and answers a short
// page of files (the last page).
type elsewhere struct {
	ts   *httptest.Server
	mu   sync.Mutex
	auth []string
}

func newElsewhere(t *testing.T, tls bool) *elsewhere {
	t.Helper()
	e := &elsewhere{}
	files := genFiles(31, 3, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 3)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		e.auth = append(e.auth, r.Header.Get("Authorization"))
		e.mu.Unlock()
		encode.WriteFiles(w, filter.XML, files, time.UTC)
	})
	if tls {
		e.ts = httptest.NewTLSServer(h) // httptest's one certificate: the fixture's client trusts it
	} else {
		e.ts = httptest.NewServer(h)
	}
	t.Cleanup(e.ts.Close)
	return e
}

func (e *elsewhere) seen() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.auth...)
}

// Credentials go only to the origin (scheme, host, port) of the base URL
// (docs/CLIENT.md, "Credentials and redirects"): Go's own redirect policy
// keeps Authorization for the same host name on another port.
func TestRedirectCredentials(t *testing.T) {
	files := genFiles(30, 20, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 3)
	redirectTo := func(f *fixture, to func(r *http.Request) string, status int) {
		f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
			if strings.HasPrefix(r.URL.Path, "/moved/") {
				r.URL.Path = strings.TrimPrefix(r.URL.Path, "/moved")
				return false
			}
			http.Redirect(w, r, to(r), status)
			return true
		})
	}

	t.Run("another port: followed without credentials", func(t *testing.T) {
		f := newFixture(t, files, nil)
		e := newElsewhere(t, true)
		redirectTo(f, func(r *http.Request) string { return e.ts.URL + r.URL.RequestURI() }, http.StatusFound)
		got, err := collect(f.newClient(t, nil).Files(context.Background(), ""))
		if err != nil || len(got) != 3 {
			t.Fatalf("%d records, %v; want the other server's 3", len(got), err)
		}
		if s := e.seen(); len(s) != 1 || s[0] != "" {
			t.Errorf("the other origin got Authorization %q", s)
		}
	})
	t.Run("http to another port: followed without credentials", func(t *testing.T) {
		origin := newElsewhere(t, false)
		e := newElsewhere(t, false)
		origin.ts.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			origin.mu.Lock()
			origin.auth = append(origin.auth, r.Header.Get("Authorization"))
			origin.mu.Unlock()
			http.Redirect(w, r, e.ts.URL+r.URL.RequestURI(), http.StatusTemporaryRedirect)
		})
		c, err := client.New(origin.ts.URL+"/api/recordings", tenant, token)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := collect(c.Files(context.Background(), "")); err != nil {
			t.Fatal(err)
		}
		if s := origin.seen(); len(s) != 1 || !strings.HasPrefix(s[0], "Basic ") {
			t.Errorf("the origin got Authorization %q, want the credentials", s)
		}
		if s := e.seen(); len(s) != 1 || s[0] != "" {
			t.Errorf("the other origin got Authorization %q", s)
		}
	})
	t.Run("https to http: refused, nothing sent", func(t *testing.T) {
		f := newFixture(t, files, nil)
		e := newElsewhere(t, false)
		redirectTo(f, func(r *http.Request) string { return e.ts.URL + r.URL.RequestURI() }, http.StatusMovedPermanently)
		_, err := collect(f.newClient(t, nil).Files(context.Background(), ""))
		var re *client.RedirectError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), "unencrypted") {
			t.Errorf("err = %v, want a RedirectError refusing the downgrade", err)
		}
		if s := e.seen(); len(s) != 0 {
			t.Errorf("the http server got %d requests", len(s))
		}
	})
	t.Run("same origin: followed with credentials", func(t *testing.T) {
		f := newFixture(t, files, nil)
		redirectTo(f, func(r *http.Request) string { return "/moved" + r.URL.RequestURI() }, http.StatusFound)
		got, err := collect(f.newClient(t, nil).Files(context.Background(), ""))
		if err != nil || len(got) != len(files) {
			t.Fatalf("%d records, %v", len(got), err)
		}
	})
	t.Run("a DELETE is not turned into a GET", func(t *testing.T) {
		f := newFixture(t, files, nil)
		redirectTo(f, func(r *http.Request) string { return "/moved" + r.URL.RequestURI() }, http.StatusFound)
		err := f.newClient(t, nil).DeleteFile(context.Background(), files[0].Filename)
		var re *client.RedirectError
		if !errors.As(err, &re) || re.Status != http.StatusFound {
			t.Errorf("err = %v, want a RedirectError", err)
		}
	})
	t.Run("a loop ends", func(t *testing.T) {
		f := newFixture(t, files, nil)
		redirectTo(f, func(r *http.Request) string { return r.URL.RequestURI() }, http.StatusFound)
		_, err := collect(f.newClient(t, nil).Files(context.Background(), ""))
		var re *client.RedirectError
		if !errors.As(err, &re) || len(f.requests()) != 11 {
			t.Errorf("err = %v after %d requests, want a RedirectError after 11", err, len(f.requests()))
		}
	})
	t.Run("a Location with control characters is escaped", func(t *testing.T) {
		f := newFixture(t, files, nil)
		f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
			w.Header()["Location"] = []string{"http://x/\u009b2J\r"}
			w.WriteHeader(http.StatusFound)
			return true
		})
		_, err := collect(f.newClient(t, nil).Files(context.Background(), ""))
		if err == nil || strings.ContainsAny(err.Error(), "\r\u009b") {
			t.Errorf("err = %q", err)
		}
	})
}
