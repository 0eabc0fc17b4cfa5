package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// TestServeConformance runs the conformance suite over HTTP against recq
// serve itself, each case's records given with --data: with --filter the
// cases of filter= are answered as the library answers them (RunHTTP with
// conformance.Extensions); without it, as the stand-in for the real API,
// it refuses them with not-in-api.
func TestServeConformance(t *testing.T) {
	t.Run("without --filter", func(t *testing.T) {
		conformance.RunHTTP(t, serveWith())
	})
	t.Run("with --filter", func(t *testing.T) {
		conformance.RunHTTP(t, serveWith("--filter"), conformance.Extensions())
	})
}

// serveWith starts recq serve with these flags for each case: plain HTTP on
// a free loopback port, the case's records in two --data files, its tenant
// zone and its clock.
func serveWith(flags ...string) conformance.Start {
	return func(t *testing.T, files []record.File, transcripts []record.Transcript, now time.Time, tenant *time.Location) conformance.Endpoint {
		dir := t.TempDir()
		fpath, tpath := filepath.Join(dir, "files.json"), filepath.Join(dir, "transcripts.json")
		for _, w := range []struct {
			path  string
			write func(*os.File) error
		}{
			{fpath, func(f *os.File) error { return encode.WriteFiles(f, filter.JSON, files, time.UTC) }},
			{tpath, func(f *os.File) error { return encode.WriteTranscripts(f, filter.JSON, transcripts, time.UTC) }},
		} {
			f, err := os.Create(w.path)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.write(f); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
		}
		args := append([]string{"--addr", "127.0.0.1:0", "--http", "--quiet", "--tenant", "acme", "--token", "secret",
			"--tenant-tz", tenant.String(), "--data", fpath + "," + tpath}, flags...)
		ctx, stop := context.WithCancel(context.Background())
		r := &running{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, stop: stop, rotate: make(chan os.Signal, 1), status: make(chan int, 1)}
		go func() { r.status <- serve(ctx, r.rotate, args, r.stdout, r.stderr, func() time.Time { return now }) }()
		t.Cleanup(func() {
			stop()
			select {
			case <-r.status:
			case <-time.After(15 * time.Second):
				t.Error("recq serve did not stop")
			}
		})
		addr := r.line(t, "address: ", 1)
		return conformance.Endpoint{BaseURL: "http://" + addr + "/api/recordings", Client: &http.Client{Timeout: 10 * time.Second}, Tenant: "acme", Token: "secret"}
	}
}
