package postgres_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// TestStoreDownIs503 is finding 7 of issue 21: with PostgreSQL down the
// server answered 500, which a client does not retry. It stops a database
// of its own under a running server (.ci/postgres pause): every request
// that needs the store is answered 503 with Retry-After, in the API's
// error body, logged as a warning; once the database is back, the same
// requests are answered as before, by the same server.
func TestStoreDownIs503(t *testing.T) {
	pgtest.Server(t) // skips without PostgreSQL, fails under CI
	dir, err := os.MkdirTemp("", "recq-down-")
	if err != nil {
		t.Fatal(err)
	}
	script := "../.ci/postgres"
	t.Cleanup(func() { exec.Command(script, "stop", dir).Run() })
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(script, "start", dir)
	cmd.Env = append(os.Environ(), "PORT="+strconv.Itoa(port))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("starting a database of the test's own: %v", err)
	}
	ctx := context.Background()
	s, err := postgres.Open(ctx, strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2007, 12, 20, 3, 16, 36, 0, time.UTC)
	err = s.Load(ctx, []record.File{{StartDate: at, Filename: "S20071220/R1.wav", Duration: 1}},
		[]record.Transcript{{StartDate: at, InteractionGUID: "int-1", Duration: 1}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	api := server.New(server.Config{Backend: s, Tenant: "acme", Token: "secret", Clock: func() time.Time { return at },
		Logger: slog.New(slog.NewTextHandler(&log, nil))})
	srv := httptest.NewServer(api)
	defer srv.Close()
	do := func(method, path string) *http.Response {
		req, _ := http.NewRequest(method, srv.URL+path, nil)
		req.SetBasicAuth("acme", "secret")
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { res.Body.Close() })
		return res
	}
	requests := [][2]string{{"GET", "/files"}, {"GET", "/transcripts.json"}, {"GET", "/transcripts/int-1"}, {"DELETE", "/files/S20071220/R9.wav"}}
	for _, r := range requests[:3] {
		if res := do(r[0], r[1]); res.StatusCode != 200 {
			t.Fatalf("%s %s with the database up: %d", r[0], r[1], res.StatusCode)
		}
	}

	if out, err := exec.Command(script, "pause", dir).CombinedOutput(); err != nil {
		t.Fatalf("stopping the database: %v %s", err, out)
	}
	for _, r := range requests {
		res := do(r[0], r[1])
		var body bytes.Buffer
		body.ReadFrom(res.Body)
		if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") != strconv.Itoa(server.UnavailableRetry) ||
			!strings.Contains(body.String(), "overloaded") || !strings.Contains(body.String(), "the store is unavailable") {
			t.Errorf("%s %s with the database down: %d, Retry-After %q\n%s", r[0], r[1], res.StatusCode, res.Header.Get("Retry-After"), body.String())
		}
	}
	if strings.Contains(log.String(), "level=ERROR") || !strings.Contains(log.String(), "level=WARN") {
		t.Errorf("the log of a database down is not a warning:\n%s", log.String())
	}

	if out, err := exec.Command(script, "resume", dir).CombinedOutput(); err != nil {
		t.Fatalf("starting the database again: %v %s", err, out)
	}
	for _, r := range requests[:3] {
		if res := do(r[0], r[1]); res.StatusCode != 200 {
			t.Errorf("%s %s with the database back: %d", r[0], r[1], res.StatusCode)
		}
	}
}
