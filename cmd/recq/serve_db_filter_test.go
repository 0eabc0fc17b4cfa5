package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/internal/pgtest"
)

// TestServeDBFilter is `recq serve --db URL --filter` itself: a filter is
// answered from the database with the bytes `recq serve --data FILE
// --filter` gives for the same records, and without --filter it is refused
// with not-in-api (docs/LANGUAGE.md §14.6).
func TestServeDBFilter(t *testing.T) {
	db := pgtest.URL(t)
	csv := filepath.Join(t.TempDir(), "files.csv")
	writeFile(t, csv, "startDate,agentID,duration,filename\n"+
		"2026-11-24T03:16:36Z,bill,27,S20261124/R1.wav\n"+
		"2026-11-24T09:17:36Z,jo,700,S20261124/R2.wav\n"+
		"2026-11-23T22:00:00Z,ann,900,S20261123/R3.wav\n"+
		"2026-11-25T01:00:00Z,bill,1200,S20261125/R4.wav\n")
	var out, errOut bytes.Buffer
	if code := run([]string{"db", "init", "--db", db}, &out, &errOut, fixedClock); code != 0 {
		t.Fatalf("recq db init: %s", errOut.String())
	}
	if code := run([]string{"load", "--db", db, csv}, &out, &errOut, fixedClock); code != 0 {
		t.Fatalf("recq load: %s", errOut.String())
	}
	start := func(flags ...string) string {
		args := append([]string{"--addr", "127.0.0.1:0", "--http", "--quiet", "--tenant", "acme", "--token", "secret", "--tenant-tz", "UTC"}, flags...)
		ctx, stop := context.WithCancel(context.Background())
		r := &running{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, stop: stop, rotate: make(chan os.Signal, 1), status: make(chan int, 1)}
		go func() { r.status <- serve(ctx, r.rotate, args, r.stdout, r.stderr, fixedClock) }()
		t.Cleanup(func() {
			stop()
			select {
			case <-r.status:
			case <-time.After(15 * time.Second):
				t.Error("recq serve did not stop")
			}
		})
		return "http://" + r.line(t, "address: ", 1) + "/api/recordings"
	}
	get := func(base, target string) (int, string) {
		req, err := http.NewRequest("GET", base+target, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.SetBasicAuth("acme", "secret")
		resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(body)
	}
	dbFilter, memFilter, dbPlain := start("--db", db, "--filter"), start("--data", csv, "--filter"), start("--db", db)
	for _, target := range []string{
		"/files.csv?filter=agentID=in=(bill,ann)%3Bduration=gt=600",
		"/files.json?filter=startDate=ge=today-1d,agentID==a*",
		"/files.xml?filter=duration=out=(27,700)&d=2026-11-23,today",
	} {
		code, got := get(dbFilter, target)
		wantCode, want := get(memFilter, target)
		if code != 200 || wantCode != 200 || got != want {
			t.Errorf("%s: --db --filter gave %d\n%s\n--data --filter %d\n%s", target, code, got, wantCode, want)
		}
		if !strings.Contains(want, "R") {
			t.Errorf("%s: selects no file, a weak case:\n%s", target, want)
		}
		if code, body := get(dbPlain, target); code != 400 || !strings.Contains(body, "not-in-api") {
			t.Errorf("%s: --db without --filter gave %d %s, want 400 not-in-api", target, code, body)
		}
	}
}
