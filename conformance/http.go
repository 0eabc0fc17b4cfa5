package conformance

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
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
// subtest by name: a refused request must answer 400, with the case's code
// in the error body when the case names one, an accepted one 200, and a
// case with a page must list exactly its records, in order. Canonical
// forms and windows are the library's concern and are not visible over HTTP.
// With the option Deletes, the DELETE cases run too.
//
// A case that uses one of recq's extensions (filter=) runs as written only
// with the option Extensions; without it the implementation stands in for
// the real API, which refuses the extension: a request the library accepts
// must answer 400 with the code not-in-api, and one it refuses 400 with the
// case's code or not-in-api.
func RunHTTP(t *testing.T, start Start, opts ...Option) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	cases, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			switch {
			case c.Skip != "":
				t.Skip(c.Skip)
			case c.Method != "GET" && !o.deletes:
				t.Skip("changes the records: run with conformance.Deletes()")
			}
			tenant, err := timezone.Load(c.Tenant)
			if err != nil {
				t.Fatal(err)
			}
			files, transcripts, err := c.LoadRecords()
			if err != nil {
				t.Fatal(err)
			}
			if c.Method == "DELETE" && c.ErrVariable == "" {
				c.checkDelete(t, start, files, transcripts, tenant)
				return
			}
			e := start(t, files, transcripts, c.Now, tenant)
			switch {
			case c.Extension == "" || o.extensions:
				c.checkHTTP(t, e, "")
			case c.ErrVariable == "":
				c.checkRefused(t, e, filter.CodeNotInAPI)
			default: // refused for its own fault, or as the extension it is
				c.checkHTTP(t, e, filter.CodeNotInAPI)
			}
		})
	}
}

// Option changes what RunHTTP runs.
type Option func(*options)

type options struct {
	deletes    bool
	extensions bool
}

// Extensions makes RunHTTP run the cases of recq's extensions (filter=) as
// they are written, for an implementation that answers them, such as
// recq serve --filter (server.Config.Filter); without it those cases must
// be refused with not-in-api.
func Extensions() Option {
	return func(o *options) { o.extensions = true }
}

// Deletes makes RunHTTP run the DELETE cases too. For each, Start is called
// with the case's records plus the file or transcript the case deletes, and
// must answer from exactly those records: a store of their own, or a shared
// one the caller resets, since the case changes it. A DELETE of a file must
// answer 204, then 404 when repeated, and the file must be gone from
// GET /files; a DELETE of a transcript must answer 204, leave the
// transcript with one message from "system", and answer 204 for an unknown
// transcript too (the API document). A refused DELETE must answer 400.
func Deletes() Option {
	return func(o *options) { o.deletes = true }
}

// checkDelete runs an accepted DELETE case on a store that holds the record
// it deletes.
func (c Case) checkDelete(t *testing.T, start Start, files []record.File, transcripts []record.Transcript, tenant *time.Location) {
	q, err := filter.Parse(c.Method, c.Target)
	if err != nil {
		t.Fatalf("%s:%d: the library refuses the case: %v", c.File, c.Line, err)
	}
	switch q.Resource {
	case filter.File:
		i := slices.IndexFunc(files, func(f record.File) bool { return f.Filename == q.ID })
		if i < 0 {
			files = append(slices.Clone(files), record.File{StartDate: c.Now.Add(-time.Hour), AgentID: "conformance", Duration: 1, Filename: q.ID})
			i = len(files) - 1
		}
		second := files[i].StartDate.UTC().Format("2006-01-02T15:04:05Z") // the file's second: a page that would hold it
		e := start(t, files, transcripts, c.Now, tenant)
		c.expect(t, e, "DELETE", c.Target, http.StatusNoContent)
		c.expect(t, e, "DELETE", c.Target, http.StatusNotFound)
		body := c.expect(t, e, "GET", "/files.json?d="+second, http.StatusOK)
		fs, err := encode.ReadFiles(strings.NewReader(body), filter.JSON)
		if err != nil {
			t.Fatalf("the body does not read as files: %v\n%s", err, body)
		}
		if slices.ContainsFunc(fs, func(f record.File) bool { return f.Filename == q.ID }) {
			t.Errorf("%s:%d: %s is still listed after its DELETE", c.File, c.Line, q.ID)
		}
	case filter.Transcript:
		if !slices.ContainsFunc(transcripts, func(tr record.Transcript) bool { return tr.InteractionGUID == q.ID }) {
			transcripts = append(slices.Clone(transcripts), record.Transcript{StartDate: c.Now.Add(-time.Hour), AgentID: "conformance", InteractionGUID: q.ID,
				Messages: []record.Message{{MessageTime: c.Now.Add(-time.Hour), MessageFrom: "conformance", OriginalMessage: "hello"}}})
		}
		e := start(t, files, transcripts, c.Now, tenant)
		c.expect(t, e, "DELETE", c.Target, http.StatusNoContent)
		body := c.expect(t, e, "GET", "/transcripts/"+q.ID+".json", http.StatusOK)
		var v struct {
			Transcript struct {
				Messages struct {
					Message []struct {
						MessageFrom     string `json:"messageFrom"`
						OriginalMessage string `json:"originalMessage"`
					} `json:"message"`
				} `json:"messages"`
			} `json:"transcript"`
		}
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatalf("the body does not read as a transcript: %v\n%s", err, body)
		}
		if m := v.Transcript.Messages.Message; len(m) != 1 || m[0].MessageFrom != "system" || m[0].OriginalMessage != "" {
			t.Errorf("%s:%d: after DELETE the messages are %+v, want one empty message from system", c.File, c.Line, m)
		}
		c.expect(t, e, "DELETE", "/transcripts/"+q.ID+"unknown", http.StatusNoContent)
	default:
		t.Fatalf("%s:%d: DELETE of %v", c.File, c.Line, q.Resource)
	}
}

// expect sends one request and checks its status; it returns the body.
func (c Case) expect(t *testing.T, e Endpoint, method, target string, status int) string {
	t.Helper()
	req, err := http.NewRequest(method, e.BaseURL+apiPath(target), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, body := send(t, e, req)
	if got != status {
		t.Fatalf("%s:%d: %s %s answered %d, want %d:\n%s", c.File, c.Line, method, target, got, status, body)
	}
	return body
}

// send makes req with the endpoint's credentials and returns the status
// and the whole body.
func send(t *testing.T, e Endpoint, req *http.Request) (int, string) {
	t.Helper()
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
	return resp.StatusCode, string(body)
}

// checkHTTP sends the case's request and checks the answer: its status,
// the first fault's code (the case's, or else, when not empty), and the
// page.
func (c Case) checkHTTP(t *testing.T, e Endpoint, orElse filter.Code) {
	req, err := http.NewRequest(c.Method, e.BaseURL+apiPath(c.Target), nil)
	if err != nil {
		t.Skipf("the target cannot be sent over HTTP as it is: %v", err)
	}
	status, body := send(t, e, req)
	want := http.StatusOK
	if c.ErrVariable != "" {
		want = http.StatusBadRequest
	}
	if status != want {
		t.Fatalf("%s:%d: %s %s answered %d, want %d:\n%s", c.File, c.Line, c.Method, c.Target, status, want, body)
	}
	if c.ErrCode != "" {
		if got := firstCode(body, requestFormat(c.Target)); got != c.ErrCode && (orElse == "" || got != string(orElse)) {
			t.Errorf("%s:%d: %s %s: the first fault's code is %q, want %s:\n%s", c.File, c.Line, c.Method, c.Target, got, c.ErrCode, body)
		}
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
		fs, err := encode.ReadFiles(strings.NewReader(body), q.Format)
		if err != nil {
			t.Fatalf("the body does not read as files: %v\n%s", err, body)
		}
		for _, f := range fs {
			got = append(got, f.Filename)
		}
	case filter.Transcripts:
		ts, err := encode.ReadTranscripts(strings.NewReader(body), q.Format)
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

// checkRefused sends the case's request, which the library accepts, and
// expects 400 with code as the first fault's.
func (c Case) checkRefused(t *testing.T, e Endpoint, code filter.Code) {
	req, err := http.NewRequest(c.Method, e.BaseURL+apiPath(c.Target), nil)
	if err != nil {
		t.Skipf("the target cannot be sent over HTTP as it is: %v", err)
	}
	status, body := send(t, e, req)
	if status != http.StatusBadRequest {
		t.Fatalf("%s:%d: %s %s uses recq's extension %s: answered %d, want 400 %s:\n%s", c.File, c.Line, c.Method, c.Target, c.Extension, status, code, body)
	}
	if got := firstCode(body, requestFormat(c.Target)); got != string(code) {
		t.Errorf("%s:%d: %s %s: the first fault's code is %q, want %s:\n%s", c.File, c.Line, c.Method, c.Target, got, code, body)
	}
}

// requestFormat is the format a request asks for, as far as its path says:
// the error body is written in it (XML when the path names none or is
// refused).
func requestFormat(target string) filter.Format {
	p, _, _ := strings.Cut(apiPath(target), "?")
	f, _ := encode.DetectFormat(p[strings.LastIndexByte(p, '/')+1:])
	return f
}

// firstCode reads the code of the first fault of an error body in format f
// (docs/ERRORS.md), or "" when the body holds none.
func firstCode(body string, f filter.Format) string {
	switch f {
	case filter.JSON:
		var v struct {
			Error struct {
				Code string `json:"code"`
			} `json:"error"`
		}
		if json.Unmarshal([]byte(body), &v) != nil {
			return ""
		}
		return v.Error.Code
	case filter.CSV:
		rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil || len(rows) < 2 {
			return ""
		}
		if i := slices.Index(rows[0], "code"); i >= 0 && i < len(rows[1]) {
			return rows[1][i]
		}
		return ""
	}
	var v struct {
		Error []struct {
			Code string `xml:"code"`
		} `xml:"error"`
	}
	if xml.Unmarshal([]byte(body), &v) != nil || len(v.Error) == 0 {
		return ""
	}
	return v.Error[0].Code
}
