package client_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/recq/recq/client"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// testNow is the server's clock in every test: today is 2026-11-25.
var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

const (
	tenant = "acme"
	token  = "s3cret"
)

// genFiles returns n files from base on, in the API's order: gaps of 0 to
// maxGap seconds (so several files share a second when maxGap is small),
// each at a random fraction of its second, so that the order within a
// second is not the order of the seconds' text.
func genFiles(seed uint64, n int, base time.Time, maxGap int) []record.File {
	rng := rand.New(rand.NewPCG(seed, 1))
	files := make([]record.File, n)
	t := base
	for i := range files {
		t = t.Add(time.Duration(rng.IntN(maxGap+1)) * time.Second)
		start := t.Add(time.Duration(rng.IntN(1000)) * time.Millisecond)
		files[i] = record.File{
			StartDate: start,
			AgentID:   []string{"bill", "ann", "joe"}[rng.IntN(3)],
			Channel:   "#virtual_outbound#",
			Duration:  rng.IntN(600),
			Filename:  fmt.Sprintf("S%s/R%d.wav", start.UTC().Format("20060102"), 1_000_000+i*7+rng.IntN(7)),
			QueueID:   "Q1",
		}
		if i%3 == 0 {
			files[i].MetaData = []record.MetaData{{FieldName: "Color", FieldValue: "Blue"}}
		}
		if i%4 == 0 {
			files[i].TransactionCodes = []record.TransactionCode{{ListName: "Gauffre", Name: "Gauffre 1"}}
		}
	}
	slices.SortFunc(files, record.CompareFiles)
	return files
}

func genTranscripts(seed uint64, n int, base time.Time) []record.Transcript {
	rng := rand.New(rand.NewPCG(seed, 2))
	ts := make([]record.Transcript, n)
	t := base
	for i := range ts {
		t = t.Add(time.Duration(rng.IntN(3)) * time.Second)
		ts[i] = record.Transcript{
			StartDate:       t.Add(time.Duration(rng.IntN(1000)) * time.Millisecond),
			AgentID:         "bill",
			AgentName:       "Bill",
			InteractionGUID: fmt.Sprintf("int-%06d-chat", i),
			TranscriptType:  "chat",
			Duration:        rng.IntN(900),
			MetaData:        []record.MetaData{{FieldName: "Fruit", FieldValue: "Cherry"}},
			Messages: []record.Message{
				{MessageTime: t, MessageFrom: "bill", OriginalLanguage: "en", OriginalMessage: "hello"},
				{MessageTime: t.Add(time.Second), MessageFrom: "visitor", OriginalLanguage: "en", OriginalMessage: "hi"},
			},
		}
	}
	slices.SortFunc(ts, record.CompareTranscripts)
	return ts
}

// fixture is a server.New on an httptest TLS server, with a hook that
// sees (and may answer) every request before the API does.
type fixture struct {
	api  *server.Server
	ts   *httptest.Server
	mu   sync.Mutex
	reqs []string // path?query of every request, in order
	// hook, when set, runs before the API; returning true means it answered.
	hook func(n int, w http.ResponseWriter, r *http.Request) bool
}

// tb is what the helpers need of a *testing.T or a *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
}

func newFixture(t *testing.T, files []record.File, ts []record.Transcript) *fixture {
	t.Helper()
	f := startFixture(files, ts)
	t.Cleanup(f.ts.Close)
	return f
}

// startFixture starts a fixture; the caller closes f.ts.
func startFixture(files []record.File, ts []record.Transcript) *fixture {
	return startFixtureWith(files, ts, time.UTC, false)
}

// startFixtureWith starts a fixture whose tenant's zone is zone and which
// answers filter= when filters is true; the caller closes f.ts.
func startFixtureWith(files []record.File, ts []record.Transcript, zone *time.Location, filters bool) *fixture {
	f := &fixture{api: server.New(server.Config{
		Store:  record.NewStore(files, ts),
		Tenant: tenant, Token: token,
		Zone:   zone,
		Clock:  func() time.Time { return testNow },
		Filter: filters,
	})}
	f.ts = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.reqs = append(f.reqs, r.URL.RequestURI())
		n := len(f.reqs)
		hook := f.hook
		f.mu.Unlock()
		if hook != nil && hook(n, w, r) {
			return
		}
		f.api.ServeHTTP(w, r)
	}))
	f.ts.Config.ErrorLog = log.New(io.Discard, "", 0) // TLS handshakes refused on purpose
	f.ts.StartTLS()
	return f
}

func (f *fixture) setHook(h func(n int, w http.ResponseWriter, r *http.Request) bool) {
	f.mu.Lock()
	f.hook = h
	f.mu.Unlock()
}

func (f *fixture) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.reqs)
}

// sleeps records the waits a client asked for instead of taking them.
type sleeps struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.waits)
}

// newClient is a client of f that trusts its certificate and records its
// waits in sl (when not nil).
func (f *fixture) newClient(t tb, sl *sleeps, opts ...client.Option) *client.Client {
	t.Helper()
	base := []client.Option{client.WithHTTPClient(f.ts.Client())}
	if sl != nil {
		base = append(base, client.WithSleep(sl.sleep))
	}
	c, err := client.New(f.ts.URL+"/api/recordings", tenant, token, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// collect runs a walk to its end: its records and its error.
func collect[R any](seq func(func(R, error) bool)) ([]R, error) {
	var out []R
	for r, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// expectFiles is what a walk of query over files should list: the API's
// own predicate over every page.
func expectFiles(t tb, files []record.File, query string) []record.File {
	t.Helper()
	q, err := filter.Parse("GET", "/files?"+query)
	if err != nil {
		t.Fatal(err)
	}
	p, err := filter.Compile(q, testNow, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var out []record.File
	for i := range files {
		if p.File(&files[i]) {
			out = append(out, files[i])
		}
	}
	return out
}

func filenames(files []record.File) []string {
	names := make([]string, len(files))
	for i := range files {
		names[i] = files[i].Filename
	}
	return names
}
