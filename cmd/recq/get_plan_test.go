package main

import (
	"crypto/tls"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// filterFixture is recq serve --filter's handler over the sample data that
// getFixture serves without filters.
func filterFixture(t *testing.T) (base string) {
	t.Helper()
	files, ts := server.Sample(server.SampleSeed, clock(), time.UTC)
	api := server.New(server.Config{Store: record.NewStore(files, ts), Tenant: "acme", Token: "tok", Clock: clock, Filter: true})
	srv := httptest.NewTLSServer(api)
	t.Cleanup(srv.Close)
	return srv.URL + "/api/recordings"
}

// TestGetExplainDoneWhen is issue 19's check: against a server without
// filters, --explain prints two requests and the residual duration=gt=600
// without a request, and recq get prints exactly what recq serve --filter
// prints for the request.
func TestGetExplainDoneWhen(t *testing.T) {
	_, base, tokenFile := getFixture(t)
	const request = "/files.csv?filter=agentID=in=(bill,ann);duration=gt=600&d=today-7d,today"
	// --explain sends nothing: a URL nothing listens on, and no token.
	stdout, stderr, status := runGet(t, "", "--url", "https://127.0.0.1:1/api/recordings", "--explain", request)
	want := `{
  "requests": [
    "/files?d=today-7d,today&agentID=bill",
    "/files?d=today-7d,today&agentID=ann"
  ],
  "residual": "duration=gt=600"
}
`
	if status != 0 || stdout != want {
		t.Fatalf("--explain: status %d, stderr %s\n got %s\nwant %s", status, stderr, stdout, want)
	}
	fbase := filterFixture(t)
	for _, req := range []string{
		request,
		"/files.json?filter=agentID=in=(bill,dana);duration=gt=100&d=today-20d,today",
		"/files?filter=(agentID==bill,queueName==sales);duration=le=60&d=today-20d,today&tz=America/Denver",
		"/transcripts.csv?filter=agentID==bill,metaData.fieldValue==*a*",
	} {
		got, stderr, status := runGet(t, "", "--url", base, "--insecure", "--token-file", tokenFile, req)
		if status != 0 {
			t.Fatalf("%s: planned: status %d: %s", req, status, stderr)
		}
		wantOut, stderr, status := runGet(t, "", "--url", fbase, "--insecure", "--token-file", tokenFile, "--server-filter", req)
		if status != 0 {
			t.Fatalf("%s: --server-filter: status %d: %s", req, status, stderr)
		}
		if got != wantOut {
			t.Fatalf("%s: planned against a server without filters:\n%s\nthe server with filters:\n%s", req, got, wantOut)
		}
		if strings.Count(got, "\n") < 5 && !strings.Contains(req, "ann") {
			t.Fatalf("%s: too few records to test:\n%s", req, got)
		}
		// When the answer fits in a page, recq serve --filter's one page
		// is the same document, byte for byte.
		empty := fetchBody(t, fbase+req+"&caseID=none-such")
		if body := fetchBody(t, fbase+req); fetchBody(t, fbase+req+"&n=51") == empty && body != got {
			t.Fatalf("%s: recq serve --filter answers\n%s\nrecq get prints\n%s", req, body, got)
		}
	}
	// Without --server-filter a server without filters is never sent one.
	_, stderr, status = runGet(t, "", "--url", base, "--insecure", "--token-file", tokenFile, "--server-filter", request)
	if status != 1 || !strings.Contains(stderr, "recq's extension") {
		t.Fatalf("--server-filter against a server without filters: status %d: %s", status, stderr)
	}
}

func fetchBody(t *testing.T, url string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.SetBasicAuth("acme", "tok")
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", url, resp.StatusCode, b)
	}
	return string(b)
}

// TestGetExplainZone: a filter date in the tenant's zone is planned only
// when the zone is known (the request's tz, or --tenant-tz); without it
// recq get says what to give, and sends nothing.
func TestGetExplainZone(t *testing.T) {
	const request = "/files?filter=startDate=ge=today-1d;agentID==bill"
	_, stderr, status := runGet(t, "", "--url", "https://127.0.0.1:1/api/recordings", "--explain", request)
	if status != 1 || !strings.Contains(stderr, "--tenant-tz") {
		t.Fatalf("no zone: status %d: %s", status, stderr)
	}
	stdout, stderr, status := runGet(t, "", "--url", "https://127.0.0.1:1/api/recordings", "--tenant-tz", "America/Denver", "--explain", request)
	want := `{
  "requests": [
    "/files?d=2026-11-24T00:00:00-07:00,9999-12-30T16:59:59.999999999-07:00&agentID=bill"
  ],
  "residual": ""
}
`
	if status != 0 || stdout != want {
		t.Fatalf("--tenant-tz: status %d %s\n got %s\nwant %s", status, stderr, stdout, want)
	}
}
