package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/recq/recq/client"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// getFixture is recq serve's handler over the sample data on an httptest
// TLS server, and a token file for it.
func getFixture(t *testing.T) (api *server.Server, base, tokenFile string) {
	t.Helper()
	now := clock()
	files, ts := server.Sample(server.SampleSeed, now, time.UTC)
	api = server.New(server.Config{Store: record.NewStore(files, ts), Tenant: "acme", Token: "tok", Clock: clock})
	srv := httptest.NewTLSServer(api)
	t.Cleanup(srv.Close)
	tokenFile = filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte("tok\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return api, srv.URL + "/api/recordings", tokenFile
}

func runGet(t *testing.T, env string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errb bytes.Buffer
	status = fetchAll(context.Background(), args, &out, &errb, clock, env)
	return out.String(), errb.String(), status
}

// The command prints exactly what one answer holding every page would be.
func TestGetEveryFormat(t *testing.T) {
	api, base, tokenFile := getFixture(t)
	const query = "d=today-20d,today&tz=America/Denver"
	q, err := filter.Parse("GET", "/files?"+query)
	if err != nil {
		t.Fatal(err)
	}
	p, err := filter.Compile(q, clock(), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var want []record.File
	for _, f := range api.Store().AllFiles() {
		if p.File(&f) {
			want = append(want, f)
		}
	}
	if len(want) < 200 {
		t.Fatalf("%d files: too few pages to test", len(want))
	}
	for _, format := range []string{"", ".json", ".csv"} {
		t.Run("files"+format, func(t *testing.T) {
			stdout, stderr, status := runGet(t, "", "--url", base, "--insecure", "--token-file", tokenFile, "/files"+format+"?"+query)
			if status != 0 {
				t.Fatalf("status %d: %s", status, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr is not a terminal, yet: %q", stderr)
			}
			f, _ := encode.DetectFormat("x" + cmp.Or(format, ".xml"))
			var b bytes.Buffer
			encode.WriteFiles(&b, f, want, q.Zone)
			if stdout != b.String() {
				t.Errorf("the document differs from one answer of every page (%d bytes, want %d)", len(stdout), b.Len())
			}
			switch format {
			case ".json":
				var v struct {
					Recordings struct {
						File []json.RawMessage `json:"file"`
					} `json:"recordings"`
				}
				if err := json.Unmarshal([]byte(stdout), &v); err != nil || len(v.Recordings.File) != len(want) {
					t.Errorf("not one JSON document of %d files: %v", len(want), err)
				}
			case ".csv":
				if n := strings.Count(stdout, "startDate,"); n != 1 {
					t.Errorf("%d CSV headers, want 1", n)
				}
			default:
				if n := strings.Count(stdout, "<recordings>"); n != 1 {
					t.Errorf("%d XML roots, want 1", n)
				}
				if err := xml.Unmarshal([]byte(stdout), new(struct{})); err != nil {
					t.Errorf("not well-formed XML: %v", err)
				}
			}
		})
	}
	t.Run("transcripts and one transcript", func(t *testing.T) {
		stdout, stderr, status := runGet(t, "tok", "--url", base, "--insecure", "/transcripts.json?d=today-5d,today")
		if status != 0 {
			t.Fatalf("status %d: %s", status, stderr)
		}
		ts, err := encode.ReadTranscripts(strings.NewReader(stdout), filter.JSON)
		if err != nil || len(ts) == 0 {
			t.Fatalf("%d transcripts, %v", len(ts), err)
		}
		stdout, stderr, status = runGet(t, "tok", "--url", base, "--insecure", "/transcripts/"+ts[0].InteractionGUID)
		if status != 0 {
			t.Fatalf("status %d: %s", status, stderr)
		}
		one, err := encode.ReadTranscripts(strings.NewReader(stdout), filter.XML)
		if err != nil || len(one) != 1 || len(one[0].Messages) == 0 {
			t.Fatalf("one transcript: %v %v", one, err)
		}
	})
	t.Run("max", func(t *testing.T) {
		stdout, _, status := runGet(t, "tok", "--url", base, "--insecure", "--max", "7", "/files.csv?"+query)
		if status != 0 || strings.Count(stdout, "\r\n") != 8 {
			t.Errorf("status %d, %d lines: want a header and 7 rows", status, strings.Count(stdout, "\r\n"))
		}
	})
}

func TestGetFailures(t *testing.T) {
	_, base, tokenFile := getFixture(t)
	cases := []struct {
		name   string
		env    string
		args   []string
		status int
		stderr string // a part of it
		stdout bool   // something on stdout
	}{
		{"refused query", "tok", []string{"--url", base, "--insecure", "/files?d=2007-02-30"}, 2, "February 2007 has 28 days", true},
		{"one file is only deleted", "tok", []string{"--url", base, "--insecure", "/files/S20071220/R1.wav"}, 2, "deleted", true},
		{"no token", "", []string{"--url", base, "--insecure", "/files"}, 1, "RECQ_TOKEN", false},
		{"wrong token", "nope", []string{"--url", base, "--insecure", "/files"}, 1, "regenerated", false},
		{"untrusted certificate", "tok", []string{"--url", base, "/files"}, 1, "--insecure", false},
		{"missing token file", "", []string{"--url", base, "--token-file", tokenFile + ".missing", "/files"}, 1, "--token-file", false},
		{"two requests", "tok", []string{"/files", "/files"}, 1, "one REQUEST", false},
		{"server down", "tok", []string{"--url", "https://127.0.0.1:1/api/recordings", "--insecure", "/files"}, 1, "page 1", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, status := runGet(t, tc.env, tc.args...)
			if status != tc.status || !strings.Contains(stderr, tc.stderr) || (stdout != "") != tc.stdout {
				t.Errorf("status %d, stderr %q, stdout %q; want %d, %q", status, stderr, stdout, tc.status, tc.stderr)
			}
		})
	}
}

// A token regenerated mid-walk (recq serve's SIGHUP) ends the command with
// the reason. On standard output the records of the pages before are
// written, without the document's end, and standard error says so; with
// -o FILE nothing is written: FILE keeps what it held, and no temporary
// file is left.
func TestGetTokenRotatedMidWalk(t *testing.T) {
	files, ts := server.Sample(server.SampleSeed, clock(), time.UTC)
	for _, toFile := range []bool{false, true} {
		api := server.New(server.Config{Store: record.NewStore(files, ts), Tenant: "acme", Token: "tok", Clock: clock})
		var mu sync.Mutex
		requests := 0
		srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			if requests++; requests == 3 {
				api.RotateToken()
			}
			mu.Unlock()
			api.ServeHTTP(w, r)
		}))
		defer srv.Close()
		args := []string{"--url", srv.URL + "/api/recordings", "--insecure"}
		dir := t.TempDir()
		out := filepath.Join(dir, "week.csv")
		if toFile {
			if err := os.WriteFile(out, []byte("before\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, "-o", out)
		}
		stdout, stderr, status := runGet(t, "tok", append(args, "/files.csv")...)
		if status != 1 || !strings.Contains(stderr, "page 3") || !strings.Contains(stderr, "regenerated") {
			t.Errorf("status %d, stderr %q", status, stderr)
		}
		if toFile {
			b, err := os.ReadFile(out)
			entries, _ := os.ReadDir(dir)
			if stdout != "" || string(b) != "before\n" || err != nil || len(entries) != 1 || !strings.Contains(stderr, "is not written") {
				t.Errorf("-o: stdout %d bytes, FILE %q (%v), %d entries in its directory, stderr %q", len(stdout), b, err, len(entries), stderr)
			}
			continue
		}
		var listed int
		if _, err := fmt.Sscanf(stderr[strings.Index(stderr, "holds the first ")+len("holds the first "):], "%d records, without the document's end", &listed); err != nil || listed < 50 {
			t.Fatalf("stderr %q does not say what standard output holds (%v)", stderr, err)
		}
		if n := strings.Count(stdout, "\r\n"); n != listed+1 {
			t.Errorf("stdout: %d lines, want the header and the %d records before page 3", n, listed)
		}
	}
}

// -o FILE: the document goes to FILE, made whole by a rename when the walk
// completes (the same bytes as on standard output); no temporary file is
// left beside it.
func TestGetOutputFile(t *testing.T) {
	_, base, tokenFile := getFixture(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "week.json")
	args := []string{"--url", base, "--insecure", "--token-file", tokenFile}
	want, _, status := runGet(t, "", append(args, "/files.json?d=today-20d,today")...)
	if status != 0 || len(want) < 1000 {
		t.Fatalf("status %d, %d bytes", status, len(want))
	}
	stdout, stderr, status := runGet(t, "", append(args, "-o", out, "/files.json?d=today-20d,today")...)
	got, err := os.ReadFile(out)
	entries, _ := os.ReadDir(dir)
	if status != 0 || stdout != "" || err != nil || string(got) != want || len(entries) != 1 {
		t.Errorf("status %d (%s), stdout %d bytes, FILE %d bytes (%v), want %d; %d entries", status, stderr, len(stdout), len(got), err, len(want), len(entries))
	}
	if _, stderr, status := runGet(t, "", append(args, "-o", filepath.Join(dir, "no", "such", "dir", "x.csv"), "/files.csv")...); status != 1 || !strings.Contains(stderr, "-o:") {
		t.Errorf("-o in a missing directory: status %d, %q", status, stderr)
	}
}

func TestGetHelp(t *testing.T) {
	stdout, _, status := runGet(t, "", "--help")
	if status != 0 || !strings.Contains(stdout, "Usage: recq get") || !strings.Contains(stdout, "--token-file FILE") {
		t.Errorf("status %d, %q", status, stdout)
	}
}

// The progress line: drawn only on a terminal, with pages, records, rate
// and retries.
func TestGetProgress(t *testing.T) {
	var buf bytes.Buffer
	if p := newProgress(&buf, clock); p.w != nil {
		t.Error("progress drawn on a buffer, which is not a terminal")
	}
	now := clock()
	tick := now
	p := &progress{w: &buf, clock: func() time.Time { return tick }, start: now}
	tick = now.Add(2 * time.Second)
	p.observe(client.Event{Kind: client.EventRetry, Page: 3, Status: 503, Wait: time.Second})
	p.observe(client.Event{Kind: client.EventPage, Page: 3, Records: 150})
	p.done()
	got := buf.String()
	for _, part := range []string{"page 3: 503, retrying in 1s (retry 1)", "3 pages, 150 records, 75 records/s, 1 retries"} {
		if !strings.Contains(got, part) {
			t.Errorf("progress %q lacks %q", got, part)
		}
	}
	if !strings.HasSuffix(got, "\n") {
		t.Errorf("progress %q does not end its line", got)
	}
}

// A server's fault text reaches standard error escaped: a CR, an ESC or a
// C1 CSI (U+009B) in its message cannot overwrite the line that shows it.
func TestGetEscapesServerText(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(500)
		w.Write(server.ErrorBody(filter.XML, filter.ErrorList{{Variable: "server", Pos: -1,
			Msg: "\rrecq get: 0 files\u009b2K\x1b[1A", Hint: "\u202eevil"}}))
	}))
	defer srv.Close()
	_, stderr, status := runGet(t, "tok", "--url", srv.URL+"/api/recordings", "--insecure", "/files")
	if status != 1 || !strings.Contains(stderr, "500") {
		t.Fatalf("status %d, %q", status, stderr)
	}
	body := strings.TrimSuffix(stderr, "\n")
	if i := strings.IndexFunc(body, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x202e }); i >= 0 {
		t.Errorf("stderr holds a raw control at byte %d: %q", i, stderr)
	}
}

// recq get REQUEST prints what the API answers for REQUEST: a request
// without tz is sent without one, so that d=today-1d,today is the
// tenant's yesterday and today and the dates carry the tenant's offsets,
// as curl of the same request shows them (issue 21, finding 6). A time of
// day without tz is walked by offset, or by key with --tenant-tz.
func TestGetKeepsTheRequestsMeaning(t *testing.T) {
	denver, err := time.LoadLocation("America/Denver")
	if err != nil {
		t.Fatal(err)
	}
	files, ts := server.Sample(server.SampleSeed, clock(), denver)
	api := server.New(server.Config{Store: record.NewStore(files, ts), Tenant: "acme", Token: "tok", Clock: clock, Zone: denver})
	var mu sync.Mutex
	var sent []string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		sent = append(sent, r.URL.RawQuery)
		mu.Unlock()
		api.ServeHTTP(w, r)
	}))
	defer srv.Close()
	for _, tc := range []struct{ request, zoneFlag string }{
		{"/files.csv?d=today-1d,today", ""},
		{"/files?d=today-3d&agentID=bill", ""},
		{"/files.json?d=" + clock().In(denver).AddDate(0, 0, -2).Format("2006-01-02") + "T09:00:00.5,today", ""},
		{"/files.json?d=" + clock().In(denver).AddDate(0, 0, -2).Format("2006-01-02") + "T09:00:00.5,today", "America/Denver"},
	} {
		t.Run(tc.request+" "+tc.zoneFlag, func(t *testing.T) {
			mu.Lock()
			sent = nil
			mu.Unlock()
			q, err := filter.Parse("GET", tc.request)
			if err != nil {
				t.Fatal(err)
			}
			p, err := filter.Compile(q, clock(), denver)
			if err != nil {
				t.Fatal(err)
			}
			var want []record.File
			for _, f := range api.Store().AllFiles() {
				if p.File(&f) {
					want = append(want, f)
				}
			}
			var b bytes.Buffer
			encode.WriteFiles(&b, q.Format, want, denver) // the API writes the tenant's offsets
			args := []string{"--url", srv.URL + "/api/recordings", "--insecure"}
			if tc.zoneFlag != "" {
				args = append(args, "--tenant-tz", tc.zoneFlag)
			}
			stdout, stderr, status := runGet(t, "tok", append(args, tc.request)...)
			if status != 0 {
				t.Fatalf("status %d: %s", status, stderr)
			}
			if stdout != b.String() {
				t.Errorf("recq get printed %d bytes, not the API's answer (%d records, %d bytes)", len(stdout), len(want), b.Len())
			}
			mu.Lock()
			defer mu.Unlock()
			for _, s := range sent {
				if strings.Contains(s, "tz=") {
					t.Errorf("sent %q: a tz the request does not have", s)
				}
			}
			if len(sent) < 2 && len(want) >= 50 {
				t.Errorf("%d requests for %d records", len(sent), len(want))
			}
		})
	}
}
