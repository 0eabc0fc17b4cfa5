package conformance

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

// Endpoint is a running implementation of the Recordings API.
type Endpoint struct {
	BaseURL       string // up to and including /api/recordings, without a trailing slash
	Client        *http.Client
	Tenant, Token string // HTTP Basic credentials
}

// Start starts an implementation holding these records, answering as if
// the clock read now in the tenant zone, and stops it when t ends.
type Start func(t *testing.T, files []record.File, transcripts []record.Transcript, now time.Time, tenant *time.Location) Endpoint

// RunHTTP runs every GET case against an implementation over HTTP, as a
// subtest by name: a refused request must answer 400, an accepted one 200,
// and a case with a page must list exactly its records, in order. Canonical
// forms and windows are the library's concern and are not visible over HTTP.
func RunHTTP(t *testing.T, start Start) {
	cases, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			switch {
			case c.Skip != "":
				t.Skip(c.Skip)
			case c.Method != "GET":
				t.Skip("changes the records; the server's own tests cover DELETE")
			}
			tenant, err := timezone.Load(c.Tenant)
			if err != nil {
				t.Fatal(err)
			}
			files, transcripts, err := c.LoadRecords()
			if err != nil {
				t.Fatal(err)
			}
			e := start(t, files, transcripts, c.Now, tenant)
			c.checkHTTP(t, e)
		})
	}
}

func (c Case) checkHTTP(t *testing.T, e Endpoint) {
	req, err := http.NewRequest(c.Method, e.BaseURL+apiPath(c.Target), nil)
	if err != nil {
		t.Skipf("the target cannot be sent over HTTP as it is: %v", err)
	}
	req.SetBasicAuth(e.Tenant, e.Token)
	resp, err := e.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	want := http.StatusOK
	if c.ErrVariable != "" {
		want = http.StatusBadRequest
	}
	if resp.StatusCode != want {
		t.Fatalf("%s:%d: %s %s answered %d, want %d:\n%s", c.File, c.Line, c.Method, c.Target, resp.StatusCode, want, body)
	}
	if !c.HasPage {
		return
	}
	q, err := filter.Parse(c.Method, c.Target)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	switch q.Resource {
	case filter.Files:
		fs, err := encode.ReadFiles(strings.NewReader(string(body)), q.Format)
		if err != nil {
			t.Fatalf("the body does not read as files: %v\n%s", err, body)
		}
		for _, f := range fs {
			got = append(got, f.Filename)
		}
	case filter.Transcripts:
		ts, err := encode.ReadTranscripts(strings.NewReader(string(body)), q.Format)
		if err != nil {
			t.Fatalf("the body does not read as transcripts: %v\n%s", err, body)
		}
		for _, tr := range ts {
			got = append(got, tr.InteractionGUID)
		}
	}
	if !slices.Equal(got, c.Page) && !(len(got) == 0 && len(c.Page) == 0) {
		t.Errorf("%s:%d: %s lists %v, want %v", c.File, c.Line, c.Target, got, c.Page)
	}
}

// apiPath is the target's path and query below /api/recordings: without a
// scheme, host or prefix, with a leading slash.
func apiPath(target string) string {
	if i := strings.Index(target, "://"); i >= 0 {
		rest := target[i+3:]
		if j := strings.IndexAny(rest, "/?"); j >= 0 {
			target = rest[j:]
		} else {
			target = "/"
		}
	}
	target = strings.TrimPrefix(target, "/api/recordings")
	if !strings.HasPrefix(target, "/") {
		target = "/" + target
	}
	return strings.ReplaceAll(target, " ", "%20")
}
