package client_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/client"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// busy answers 503 (or status) with the API's error body.
func busy(w http.ResponseWriter, r *http.Request, status int, retryAfter string) {
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	w.WriteHeader(status)
	w.Write(server.ErrorBody(filter.XML, filter.ErrorList{{Variable: "server", Pos: -1, Msg: "busy"}}))
}

// answer is the API's own answer to r, recorded.
func (f *fixture) answer(r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	f.api.ServeHTTP(rec, r)
	return rec
}

func identity(d time.Duration) time.Duration { return d }

func TestRetries(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(5, 120, base, 3)
	date := testNow.Add(20 * time.Second).Format(http.TimeFormat)
	cases := []struct {
		name       string
		status     int
		retryAfter string
		burst      int
		waits      []time.Duration
	}{
		{"503 with Retry-After seconds", 503, "2", 3, []time.Duration{2 * time.Second, 2 * time.Second, 2 * time.Second}},
		{"429 with Retry-After date", 429, date, 2, []time.Duration{20 * time.Second, 20 * time.Second}},
		{"503 without Retry-After", 503, "", 4, []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second}},
		{"Retry-After past the cap", 503, "3600", 1, []time.Duration{30 * time.Second}},
		{"Retry-After not a number", 503, "soon", 1, []time.Duration{500 * time.Millisecond}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, files, nil)
			// The burst hits the second page.
			f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
				if n >= 2 && n < 2+tc.burst {
					busy(w, r, tc.status, tc.retryAfter)
					return true
				}
				return false
			})
			var sl sleeps
			var events []client.Event
			c := f.newClient(t, &sl, client.WithJitter(identity), client.WithClock(func() time.Time { return testNow }),
				client.WithObserver(func(e client.Event) { events = append(events, e) }))
			got, err := collect(c.Files(context.Background(), ""))
			if err != nil {
				t.Fatal(err)
			}
			if !cmp.Equal(filenames(files), filenames(got)) {
				t.Errorf("listed %d files, want all %d once", len(got), len(files))
			}
			if diff := cmp.Diff(tc.waits, sl.all()); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
			retries := 0
			for _, e := range events {
				if e.Kind == client.EventRetry {
					retries++
					if e.Status != tc.status || e.Page != 2 {
						t.Errorf("retry event %+v: want status %d on page 2", e, tc.status)
					}
				}
			}
			if retries != tc.burst {
				t.Errorf("%d retry events, want %d", retries, tc.burst)
			}
		})
	}
}

// A burst longer than the policy's tries ends the walk with the last
// answer, naming the page; so does a wait past the context's deadline,
// without taking it.
func TestRetriesBounded(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(6, 120, base, 3)
	f := newFixture(t, files, nil)
	f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n >= 2 {
			busy(w, r, 503, "1")
			return true
		}
		return false
	})
	var sl sleeps
	c := f.newClient(t, &sl, client.WithRetry(client.RetryPolicy{Tries: 3, Base: time.Second, Max: 10 * time.Second}))
	got, err := collect(c.Files(context.Background(), ""))
	var pe *client.PageError
	var re *client.RetryError
	var se *client.StatusError
	if !errors.As(err, &pe) || pe.Page != 2 || !errors.As(err, &re) || re.Tries != 3 || re.Deadline ||
		!errors.As(err, &se) || se.Status != 503 || len(se.Faults) != 1 || se.Faults[0].Msg != "busy" {
		t.Fatalf("err = %v; want page 2 given up after 3 tries with the 503's body", err)
	}
	if len(got) != 50 {
		t.Errorf("%d files before the failure, want the first page's 50", len(got))
	}
	if len(sl.all()) != 2 {
		t.Errorf("waited %v, want 2 waits for 3 tries", sl.all())
	}

	// A Retry-After (capped at 30 s) longer than what is left of the
	// context: give up at once rather than wait.
	f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
		busy(w, r, 503, "3600")
		return true
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var sl2 sleeps
	c2 := f.newClient(t, &sl2)
	_, err = collect(c2.Files(ctx, "n=51"))
	if !errors.As(err, &re) || !re.Deadline || re.Wait != 30*time.Second || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v; want a RetryError at the deadline", err)
	}
	if len(sl2.all()) != 0 {
		t.Errorf("waited %v past the deadline", sl2.all())
	}
}

func TestBrokenPages(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(7, 150, base, 3)
	cases := []struct {
		name  string
		wire  filter.Format
		fault func(f *fixture, w http.ResponseWriter, r *http.Request)
		check func(t *testing.T, err error)
	}{
		{"connection cut mid-body", filter.XML, func(f *fixture, w http.ResponseWriter, r *http.Request) {
			rec := f.answer(r)
			body := rec.Body.Bytes()
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(200)
			w.Write(body[:len(body)/2])
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler)
		}, func(t *testing.T, err error) {
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Errorf("err = %v, want an unexpected EOF", err)
			}
		}},
		{"CSV cut mid-body", filter.CSV, func(f *fixture, w http.ResponseWriter, r *http.Request) {
			rec := f.answer(r)
			body := rec.Body.Bytes()
			cut := strings.LastIndex(string(body[:len(body)/2]), "\r\n") + 2 // at a row's end: still a page, shorter
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(200)
			w.Write(body[:cut])
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler)
		}, func(t *testing.T, err error) {
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Errorf("err = %v, want an unexpected EOF", err)
			}
		}},
		{"truncated XML page", filter.XML, func(f *fixture, w http.ResponseWriter, r *http.Request) {
			body := f.answer(r).Body.Bytes()
			body = body[:len(body)*2/3]
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(200)
			w.Write(body)
		}, func(t *testing.T, err error) {
			var re *encode.ReadError
			if !errors.As(err, &re) {
				t.Errorf("err = %v, want an encode.ReadError", err)
			}
		}},
		{"truncated JSON page", filter.JSON, func(f *fixture, w http.ResponseWriter, r *http.Request) {
			body := f.answer(r).Body.Bytes()
			body = body[:len(body)-6]
			w.Write(body)
		}, func(t *testing.T, err error) {
			var re *encode.ReadError
			if !errors.As(err, &re) {
				t.Errorf("err = %v, want an encode.ReadError", err)
			}
		}},
		{"500", filter.XML, func(f *fixture, w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(500)
			w.Write(server.ErrorBody(filter.XML, filter.ErrorList{{Variable: "server", Pos: -1, Msg: "internal error", Hint: "the server's log has the cause"}}))
		}, func(t *testing.T, err error) {
			var se *client.StatusError
			if !errors.As(err, &se) || se.Status != 500 || len(se.Faults) != 1 || se.Faults[0].Hint != "the server's log has the cause" {
				t.Errorf("err = %v, want a 500 with the API's body", err)
			}
		}},
		{"500 JSON body", filter.JSON, func(f *fixture, w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(500)
			w.Write(server.ErrorBody(filter.JSON, filter.ErrorList{{Variable: "server", Pos: -1, Msg: "internal error"}}))
		}, func(t *testing.T, err error) {
			var se *client.StatusError
			if !errors.As(err, &se) || se.Status != 500 || len(se.Faults) != 1 || se.Faults[0].Msg != "internal error" {
				t.Errorf("err = %v, want a 500 with the API's body", err)
			}
		}},
		{"502 from a proxy, not the API's body", filter.CSV, func(f *fixture, w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(502)
			io.WriteString(w, "<html>bad gateway</html>")
		}, func(t *testing.T, err error) {
			var se *client.StatusError
			if !errors.As(err, &se) || se.Status != 502 || se.Faults != nil || !strings.Contains(string(se.Body), "bad gateway") {
				t.Errorf("err = %v, want a 502 keeping its body", err)
			}
		}},
		{"a page of more than 50", filter.XML, func(f *fixture, w http.ResponseWriter, r *http.Request) {
			encode.WriteFiles(w, filter.XML, files[:51], time.UTC)
		}, func(t *testing.T, err error) {
			if !strings.Contains(err.Error(), "more than 50") {
				t.Errorf("err = %v", err)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, files, nil)
			f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
				if n == 2 {
					tc.fault(f, w, r)
					return true
				}
				return false
			})
			var sl sleeps
			c := f.newClient(t, &sl, client.WithWireFormat(tc.wire))
			got, err := collect(c.Files(context.Background(), ""))
			var pe *client.PageError
			if !errors.As(err, &pe) || pe.Page != 2 {
				t.Fatalf("err = %v, want a PageError naming page 2", err)
			}
			if !strings.Contains(err.Error(), "page 2") {
				t.Errorf("%q does not name the page", err)
			}
			if len(got) != 50 {
				t.Errorf("%d records before the fault, want the first page's 50 and none of the broken one", len(got))
			}
			tc.check(t, err)
			if len(sl.all()) != 0 {
				t.Errorf("retried a %s", tc.name)
			}
		})
	}
}

// lateDeadline is a context whose deadline passes when pass is called, so
// that a test of a slow server does not depend on how fast the pages
// before come.
type lateDeadline struct {
	done chan struct{}
	once sync.Once
}

func (c *lateDeadline) pass()                       { c.once.Do(func() { close(c.done) }) }
func (c *lateDeadline) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *lateDeadline) Done() <-chan struct{}       { return c.done }
func (c *lateDeadline) Value(any) any               { return nil }
func (c *lateDeadline) Err() error {
	select {
	case <-c.done:
		return context.DeadlineExceeded
	default:
		return nil
	}
}

func TestSlowServerPastDeadline(t *testing.T) {
	f := newFixture(t, genFiles(8, 120, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 3), nil)
	ctx := &lateDeadline{done: make(chan struct{})}
	release := make(chan struct{})
	defer close(release)
	f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 2 {
			ctx.pass() // the second page is slower than the time left
			select {
			case <-r.Context().Done():
			case <-release:
			}
			return true
		}
		return false
	})
	c := f.newClient(t, nil)
	got, err := collect(c.Files(ctx, ""))
	var pe *client.PageError
	if !errors.Is(err, context.DeadlineExceeded) || !errors.As(err, &pe) || pe.Page != 2 {
		t.Fatalf("err = %v, want the deadline on page 2", err)
	}
	if len(got) != 50 {
		t.Errorf("%d records, want the first page's 50", len(got))
	}
}

// A token regenerated mid-walk (SIGHUP to recq serve) fails the next page
// with a clear AuthError.
func TestTokenRotatedMidWalk(t *testing.T) {
	f := newFixture(t, genFiles(9, 120, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 3), nil)
	f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 2 {
			f.api.RotateToken()
		}
		return false
	})
	c := f.newClient(t, nil)
	_, err := collect(c.Files(context.Background(), ""))
	var ae *client.AuthError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "regenerated") {
		t.Fatalf("err = %v, want an AuthError saying the token may have been regenerated", err)
	}
}

// A server that answers the same full page whatever n and d ask ends the
// walk with an error instead of keeping it going forever.
func TestServerThatIgnoresPaging(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(17, 50, base, 3)
	for _, w := range []client.Walk{client.WalkKey, client.WalkOffset} {
		t.Run(w.String(), func(t *testing.T) {
			f := newFixture(t, files, nil)
			f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
				encode.WriteFiles(w, filter.XML, files, time.UTC)
				return true
			})
			c := f.newClient(t, nil, client.WithWalk(w))
			got, err := collect(c.Files(context.Background(), ""))
			var pe *client.PageError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), "does not move") {
				t.Fatalf("err = %v, want a PageError saying the server does not move", err)
			}
			if len(got) != 50 || len(f.requests()) > 10 {
				t.Errorf("%d records, %d requests", len(got), len(f.requests()))
			}
		})
	}
}

// A server whose pages move backwards: asked from n=50 on, it answers a
// page that begins past every record listed (as if records had been
// deleted), so the offset walk backs up; asked from n=1, it answers the
// records listed already. Back-ups and pages of nothing new came in turns
// and the walk never ended (issue 21, finding 4). A list that only loses
// records cannot answer so: the walk ends with an error within a few
// requests.
func TestOffsetWalkServerMovingBackwards(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(41, 200, base, 3)
	const limit = 300 // without the fix the walk would not end: the server gives up here
	f := newFixture(t, files, nil)
	f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n > limit {
			w.WriteHeader(http.StatusGone)
			return true
		}
		page := files[:50]
		if r.URL.Query().Get("n") != "" && r.URL.Query().Get("n") != "1" {
			page = files[60:110]
		}
		encode.WriteFiles(w, filter.XML, page, time.UTC)
		return true
	})
	c := f.newClient(t, nil, client.WithWalk(client.WalkOffset))
	got, err := collect(c.Files(context.Background(), ""))
	var pe *client.PageError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "move backwards") {
		t.Fatalf("err = %v after %d requests, want a PageError saying the pages move backwards", err, len(f.requests()))
	}
	if len(got) != 50 || len(f.requests()) > 5 {
		t.Errorf("%d records, %d requests; want the first page's 50 and an end within 5 requests", len(got), len(f.requests()))
	}
}

// A server that puts ever more records in one second, with long names,
// cannot grow the walk's memory: the identities of a crowded second are
// kept as 128-bit hashes, not as the names, and at most maxTies of them
// (here 1000) before the walk ends with an error saying why.
func TestCrowdedSecondBounded(t *testing.T) {
	defer client.SetMaxTies(1000)()
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	long := strings.Repeat("n", 32<<10)
	f := newFixture(t, nil, nil)
	var mu sync.Mutex
	served := 0
	f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
		mu.Lock()
		k := served
		served++
		mu.Unlock()
		if k >= 100 {
			w.WriteHeader(http.StatusGone)
			return true
		}
		page := make([]record.File, 50)
		for i := range page {
			page[i] = record.File{StartDate: base, Duration: 1, Filename: fmt.Sprintf("S20261101/%s%06d.wav", long, k*50+i)}
		}
		encode.WriteFiles(w, filter.XML, page, time.UTC)
		return true
	})
	var peak uint64
	c := f.newClient(t, nil, client.WithObserver(func(e client.Event) {
		if e.Kind == client.EventPage && e.Page%5 == 0 {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
		}
	}))
	n := 0
	var err error
	for _, e := range c.Files(context.Background(), "") {
		if err = e; err != nil {
			break
		}
		n++
	}
	if !strings.Contains(fmt.Sprint(err), "more than 1000 records share one second") || n != 1000 {
		t.Errorf("%d records, err = %v; want 1000 and an error saying the second is too crowded", n, err)
	}
	t.Logf("peak heap %d MiB", peak>>20)
	if peak > 24<<20 { // the names of 1000 records are 32 MB
		t.Errorf("peak heap %d MiB: the walk keeps the names", peak>>20)
	}
}
