package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

const (
	tenant = "acme"
	token  = "ac12343934687a839cf"
	guid   = "int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant"
	// docFile is the document's example file.
	docFile = "S20071220/R2007122003163601000.wav"
)

var testNow = time.Date(2007, 12, 21, 12, 0, 0, 0, time.UTC)

func la(t testing.TB) *time.Location {
	t.Helper()
	loc, err := timezone.Load("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// testRecords are the document's file and transcript, and 119 more files,
// one a minute on 2007-12-20 UTC, for pages.
func testRecords(t testing.TB) ([]record.File, []record.Transcript) {
	loc := la(t)
	start := time.Date(2007, 12, 19, 19, 16, 36, 0, loc)
	files := []record.File{{
		StartDate: start, AgentID: "bill", PhoneNumber: "bill", Channel: "5027780", CaseID: "0", Duration: 27,
		Filename: docFile, QueueID: "fernandez~~queue~~phone~~102", QueueName: "phoneq1",
		AccountNumber: "0", TransactionID: "1", ExtVar1: "0", ExtVar2: "0",
		TransactionCodes: []record.TransactionCode{{ListName: "Gauffre", Name: "Gauffre 1"}},
	}}
	for i := range 119 {
		at := time.Date(2007, 12, 20, 10, i, 0, 0, time.UTC)
		files = append(files, record.File{
			StartDate: at, AgentID: []string{"amy", "jo"}[i%2], Channel: "#virtual_outbound#", CaseID: "0", Duration: 60,
			Filename: fmt.Sprintf("S20071220/R%s%05d.wav", at.Format("20060102150405"), i),
			QueueID:  "QUEUE_OUTBOUND", QueueName: "QUEUE_OUTBOUND",
		})
	}
	transcripts := []record.Transcript{{
		StartDate: start, AgentID: "bill", AgentName: "Bill,Jackson",
		ContactID:   "guest_at_dev6chatrec@vm05dev187.dev.whitepj.net/CtlGuest191gafdDQNAStnY7DaKuDKwPwd5jYsoh",
		ContactName: "Jeff Waugh", QueueID: "104", QueueName: "chat_recording_2", ChannelID: "103",
		ChannelName: "chatrec_channel", CaseID: "24482", TargetIP: "10.191.210.31", TransactionID: "11",
		InteractionGUID: guid, TranscriptType: "A2C", Duration: 54,
		MetaData: []record.MetaData{{FieldName: "Color", FieldValue: "Blue"}, {FieldName: "Fruit", FieldValue: "Cherry"}},
		Messages: []record.Message{
			{MessageTime: start, MessageFrom: "C", OriginalLanguage: "en", OriginalMessage: "Hi How r u"},
			{MessageTime: start.Add(9 * time.Second), MessageFrom: "A", OriginalLanguage: "en", OriginalMessage: "Fine, thanks"},
		},
	}}
	return files, transcripts
}

// newTest returns a server over the test records, its log, and its store.
func newTest(t testing.TB, cfg Config) (*Server, *syncBuffer) {
	t.Helper()
	files, transcripts := testRecords(t)
	logs := &syncBuffer{}
	if cfg.Store == nil {
		cfg.Store = record.NewStore(files, transcripts)
	}
	cfg.Tenant, cfg.Zone = tenant, la(t)
	if cfg.Token == "" {
		cfg.Token = token
	}
	if cfg.Clock == nil {
		cfg.Clock = func() time.Time { return testNow }
	}
	cfg.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	return New(cfg), logs
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type response struct {
	status int
	header http.Header
	body   string
}

// do sends one request with the test credentials to h.
func do(t testing.TB, h http.Handler, method, target string) response {
	t.Helper()
	return doAuth(t, h, method, target, tenant, token)
}

func doAuth(t testing.TB, h http.Handler, method, target, user, pass string) response {
	t.Helper()
	r := httptest.NewRequest(method, "https://127.0.0.1"+target, nil)
	if user != "" || pass != "" {
		r.SetBasicAuth(user, pass)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	body, _ := io.ReadAll(res.Body)
	return response{res.StatusCode, res.Header, string(body)}
}

func expect(t testing.TB, res response, status int, what string) {
	t.Helper()
	if res.status != status {
		t.Fatalf("%s: status %d, want %d; body:\n%s", what, res.status, status, res.body)
	}
}

func TestUnauthorized(t *testing.T) {
	s, _ := newTest(t, Config{})
	for _, c := range []struct{ name, user, pass string }{
		{"no credentials", "", ""},
		{"wrong token", tenant, token + "x"},
		{"wrong tenant", "acme2", token},
		{"empty token", tenant, ""},
		{"swapped", token, tenant},
	} {
		res := doAuth(t, s, "GET", "/api/recordings/files.json", c.user, c.pass)
		expect(t, res, http.StatusUnauthorized, c.name)
		if got := res.header.Get("WWW-Authenticate"); got != `Basic realm="recordings"` {
			t.Errorf("%s: WWW-Authenticate %q", c.name, got)
		}
		if strings.Contains(res.body, docFile) {
			t.Errorf("%s: the body leaks records: %s", c.name, res.body)
		}
		var body struct{ Error struct{ Variable string } }
		if err := json.Unmarshal([]byte(res.body), &body); err != nil || body.Error.Variable != "authorization" {
			t.Errorf("%s: body %s (%v)", c.name, res.body, err)
		}
	}
	// Even a refused DELETE never reaches the store.
	expect(t, doAuth(t, s, "DELETE", "/files/"+docFile, tenant, "nope"), http.StatusUnauthorized, "DELETE")
	expect(t, do(t, s, "DELETE", "/files/"+docFile), http.StatusNoContent, "DELETE with credentials")
}

func TestLists(t *testing.T) {
	s, _ := newTest(t, Config{})
	for _, c := range []struct {
		path, ctype, want string
	}{
		{"/files", "application/xml", "<filename>" + docFile + "</filename>"},
		{"/files.xml", "application/xml", "<recordings>"},
		{"/api/recordings/files/", "application/xml", "<queueID>fernandez~~queue~~phone~~102</queueID>"},
		{"/files.json", "application/json", `"filename":"` + docFile + `"`},
		{"/api/recordings/files.csv", "text/csv", docFile},
		{"/transcripts", "application/xml", "<interactionGUID>" + guid + "</interactionGUID>"},
		{"/transcripts.json", "application/json", `"interactionGUID":"` + guid + `"`},
		{"/api/recordings/transcripts.csv", "text/csv", guid},
		{"/transcripts/" + guid, "application/xml", "<originalMessage>Hi How r u</originalMessage>"},
		{"/api/recordings/transcripts/" + guid + ".xml", "application/xml", "<transcript>"},
		{"/transcripts/" + guid + ".json", "application/json", `"originalMessage":"Hi How r u"`},
	} {
		res := do(t, s, "GET", c.path)
		expect(t, res, http.StatusOK, c.path)
		if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, c.ctype) {
			t.Errorf("%s: Content-Type %q, want %s", c.path, ct, c.ctype)
		}
		if !strings.Contains(strings.ReplaceAll(res.body, `": "`, `":"`), c.want) {
			t.Errorf("%s: body lacks %s:\n%.2000s", c.path, c.want, res.body)
		}
		if strings.HasSuffix(c.path, ".json") && !json.Valid([]byte(res.body)) {
			t.Errorf("%s: not JSON:\n%s", c.path, res.body)
		}
		if c.ctype == "application/xml" {
			if err := wellFormed(res.body); err != nil {
				t.Errorf("%s: %v", c.path, err)
			}
		}
	}
	// The dates are written in the tenant zone.
	if res := do(t, s, "GET", "/files?agentID=bill"); !strings.Contains(res.body, "2007-12-19T19:16:36-08:00") {
		t.Errorf("the date is not in the tenant zone:\n%s", res.body)
	}
	if res := do(t, s, "GET", "/files?agentID=bill&tz=UTC"); !strings.Contains(res.body, "2007-12-20T03:16:36Z") {
		t.Errorf("the date is not in tz=UTC:\n%s", res.body)
	}
}

func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// filenames returns the files a CSV body lists.
func filenames(t testing.TB, body string) []string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("%v:\n%s", err, body)
	}
	col := -1
	for i, name := range rows[0] {
		if name == "filename" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no filename column: %v", rows[0])
	}
	var names []string
	for _, row := range rows[1:] {
		names = append(names, row[col])
	}
	return names
}

func TestPages(t *testing.T) {
	s, _ := newTest(t, Config{})
	seen := map[string]bool{}
	for _, c := range []struct {
		n, want int
	}{{1, 50}, {51, 50}, {101, 20}, {121, 0}, {1000, 0}} {
		res := do(t, s, "GET", fmt.Sprintf("/files.csv?n=%d", c.n))
		expect(t, res, http.StatusOK, "n")
		names := filenames(t, res.body)
		if len(names) != c.want {
			t.Errorf("n=%d: %d files, want %d", c.n, len(names), c.want)
		}
		for _, n := range names {
			if seen[n] {
				t.Errorf("n=%d: %s on two pages", c.n, n)
			}
			seen[n] = true
		}
	}
	if len(seen) != 120 {
		t.Errorf("the pages list %d files, want 120", len(seen))
	}
	res := do(t, s, "GET", "/files.csv?d=2007-12-19&agentID=bill")
	if names := filenames(t, res.body); len(names) != 1 || names[0] != docFile {
		t.Errorf("d=2007-12-19 (Los Angeles) and agentID=bill: %v", names)
	}
	res = do(t, s, "GET", "/files.csv?d=today-1d,today") // 2007-12-20 in Los Angeles
	if names := filenames(t, res.body); len(names) != 50 {
		t.Errorf("d=today-1d,today: %d files, want a page of 50", len(names))
	}
}

// errorBody is an error response read back in any of the three formats.
type errorBody struct {
	Variable, Message, Hint string
	Pos                     int
}

func readErrors(t testing.TB, format, body string) []errorBody {
	t.Helper()
	var out []errorBody
	switch format {
	case "json":
		var v struct {
			Error  *errorBody  `json:"error"`
			Errors []errorBody `json:"errors"`
		}
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatalf("%v:\n%s", err, body)
		}
		if v.Error == nil || len(v.Errors) == 0 || *v.Error != v.Errors[0] {
			t.Fatalf("error is not the first of errors:\n%s", body)
		}
		out = v.Errors
	case "csv":
		rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("%v:\n%s", err, body)
		}
		if strings.Join(rows[0], ",") != "variable,pos,message,hint,code" {
			t.Fatalf("CSV header %v", rows[0])
		}
		for _, r := range rows[1:] {
			var pos int
			fmt.Sscan(r[1], &pos)
			out = append(out, errorBody{Variable: r[0], Pos: pos, Message: r[2], Hint: r[3]})
		}
	default:
		var v struct {
			XMLName xml.Name `xml:"errors"`
			Errors  []struct {
				Variable string `xml:"variable"`
				Pos      int    `xml:"pos"`
				Message  string `xml:"message"`
				Hint     string `xml:"hint"`
			} `xml:"error"`
		}
		if err := xml.Unmarshal([]byte(body), &v); err != nil {
			t.Fatalf("%v:\n%s", err, body)
		}
		for _, e := range v.Errors {
			out = append(out, errorBody{e.Variable, e.Message, e.Hint, e.Pos})
		}
	}
	if len(out) == 0 {
		t.Fatalf("no fault listed:\n%s", body)
	}
	return out
}

func TestBadRequest(t *testing.T) {
	s, _ := newTest(t, Config{})
	for _, f := range []struct{ suffix, format, ctype string }{
		{"", "xml", "application/xml"}, {".xml", "xml", "application/xml"},
		{".json", "json", "application/json"}, {".csv", "csv", "text/csv"},
	} {
		for _, resource := range []string{"/files", "/api/recordings/transcripts"} {
			path := resource + f.suffix + "?d=2007-02-30"
			res := do(t, s, "GET", path)
			expect(t, res, http.StatusBadRequest, path)
			if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, f.ctype) {
				t.Errorf("%s: Content-Type %q", path, ct)
			}
			errs := readErrors(t, f.format, res.body)
			if e := errs[0]; e.Variable != "d" || e.Pos != 8 || !strings.Contains(e.Message, "day 30") {
				t.Errorf("%s: %+v", path, e)
			}
		}
	}
	// Every fault is listed, with its hint.
	res := do(t, s, "GET", "/files.json?d=2007-02-30&Start-Date=today&n=0")
	expect(t, res, http.StatusBadRequest, "many faults")
	errs := readErrors(t, "json", res.body)
	if len(errs) != 3 {
		t.Errorf("%d faults, want 3: %+v", len(errs), errs)
	}
	for format, body := range map[string]string{
		"xml": do(t, s, "GET", "/files?Start-Date=today").body,
		"csv": do(t, s, "GET", "/files.csv?Start-Date=today").body,
	} {
		if e := readErrors(t, format, body)[0]; !strings.Contains(e.Hint, "start-date") {
			t.Errorf("%s: no hint: %+v", format, e)
		}
	}
	for _, c := range []struct{ method, path string }{
		{"GET", "/files.txt"},                     // unknown suffix
		{"GET", "/transcripts/" + guid + ".csv"},  // no CSV of one transcript
		{"DELETE", "/files/S20071220/../R1.wav"},  // strict file paths
		{"DELETE", "/files/S20071220/%2e%2e.wav"}, // no encoded bytes
		{"DELETE", "/transcripts/" + guid + ".json"},
		{"GET", "/files?d=2007-08-05T13:15+05:30"},
		{"GET", "/files?d=2026-11-25,today"}, // reversed once resolved
		{"GET", "/transcripts/" + guid + "?n=2"},
	} {
		res := do(t, s, c.method, c.path)
		expect(t, res, http.StatusBadRequest, c.method+" "+c.path)
		readErrors(t, string(requestedFormat(c.path).String()), res.body)
	}
	for _, c := range []struct{ method, path, allow string }{
		{"GET", "/files/" + docFile, "DELETE"},                 // one file is only deleted
		{"DELETE", "/files", "GET, HEAD"},                      // not the whole list
		{"DELETE", "/api/recordings/transcripts", "GET, HEAD"}, // nor the other
	} {
		res := do(t, s, c.method, c.path)
		expect(t, res, http.StatusMethodNotAllowed, c.method+" "+c.path)
		if got := res.header.Get("Allow"); got != c.allow {
			t.Errorf("%s %s: Allow %q, want %q", c.method, c.path, got, c.allow)
		}
		if !strings.Contains(res.body, string(filter.CodeBadMethod)) {
			t.Errorf("%s %s: no code %s in %s", c.method, c.path, filter.CodeBadMethod, res.body)
		}
	}
	if n, _ := s.Store().Len(); n != 120 {
		t.Errorf("a refused request changed the store: %d files", n)
	}
}

func TestNotFound(t *testing.T) {
	s, _ := newTest(t, Config{})
	for _, c := range []struct{ method, path, format string }{
		{"GET", "/", "xml"},
		{"GET", "/api/recordings", "xml"},
		{"GET", "/foo", "xml"},
		{"GET", "/api/recordings/Files.json", "json"},
		{"GET", "/api/other/files", "xml"},
		{"DELETE", "/recordings/files/" + docFile, "xml"},
		{"GET", "/transcripts/no-such-guid", "xml"},
		{"GET", "/transcripts/no-such-guid.json", "json"},
		{"DELETE", "/files/S20071220/R1.wav", "xml"},
	} {
		res := do(t, s, c.method, c.path)
		expect(t, res, http.StatusNotFound, c.method+" "+c.path)
		readErrors(t, c.format, res.body)
	}
	// An unknown resource still gets the parser's hint.
	res := do(t, s, "GET", "/Files.json")
	if e := readErrors(t, "json", res.body)[0]; !strings.Contains(e.Hint, "/files") {
		t.Errorf("no hint for /Files: %+v", e)
	}
}

func TestDeleteFile(t *testing.T) {
	s, _ := newTest(t, Config{})
	if res := do(t, s, "GET", "/files.csv?agentID=bill"); len(filenames(t, res.body)) != 1 {
		t.Fatalf("the file is not listed:\n%s", res.body)
	}
	res := do(t, s, "DELETE", "/api/recordings/files/S20071220/R2007122003163601000") // .wav is optional
	expect(t, res, http.StatusNoContent, "DELETE")
	if res.body != "" {
		t.Errorf("204 with a body: %q", res.body)
	}
	if res := do(t, s, "GET", "/files.csv?agentID=bill"); len(filenames(t, res.body)) != 0 {
		t.Errorf("the deleted file is still listed:\n%s", res.body)
	}
	if res := do(t, s, "GET", "/files.json"); strings.Contains(res.body, docFile) {
		t.Errorf("the deleted file is still listed")
	}
	expect(t, do(t, s, "DELETE", "/files/"+docFile), http.StatusNotFound, "DELETE again")
	if n, _ := s.Store().Len(); n != 119 {
		t.Errorf("%d files left, want 119", n)
	}
}

func TestDeleteTranscript(t *testing.T) {
	deleted := time.Date(2007, 12, 21, 1, 2, 3, 0, time.UTC)
	s, _ := newTest(t, Config{Clock: func() time.Time { return deleted }})
	res := do(t, s, "DELETE", "/api/recordings/transcripts/"+guid)
	expect(t, res, http.StatusNoContent, "DELETE")
	tr, ok := s.Store().Transcript(guid)
	if !ok {
		t.Fatal("the transcript is gone; only its messages go")
	}
	want := []record.Message{{MessageTime: deleted, MessageFrom: "system"}}
	if len(tr.Messages) != 1 || !tr.Messages[0].MessageTime.Equal(deleted) || tr.Messages[0].MessageFrom != "system" ||
		tr.Messages[0].OriginalMessage != "" {
		t.Errorf("messages %+v, want %+v", tr.Messages, want)
	}
	res = do(t, s, "GET", "/transcripts/"+guid+".json")
	expect(t, res, http.StatusOK, "GET after DELETE")
	var v struct {
		Transcript struct {
			Messages struct {
				Message []map[string]string `json:"message"`
			} `json:"messages"`
		} `json:"transcript"`
	}
	if err := json.Unmarshal([]byte(res.body), &v); err != nil {
		t.Fatalf("%v:\n%s", err, res.body)
	}
	if m := v.Transcript.Messages.Message; len(m) != 1 || m[0]["messageFrom"] != "system" ||
		m[0]["messageTime"] != "2007-12-20T17:02:03-08:00" || m[0]["originalMessage"] != "" {
		t.Errorf("messages after DELETE: %v", m)
	}
	// The transcript is still listed.
	if res := do(t, s, "GET", "/transcripts.csv"); !strings.Contains(res.body, guid) {
		t.Errorf("the transcript is no longer listed")
	}
	// Unknown transcripts: 204 too (the API document).
	expect(t, do(t, s, "DELETE", "/transcripts/no-such-guid"), http.StatusNoContent, "DELETE unknown")
	expect(t, do(t, s, "GET", "/transcripts/no-such-guid"), http.StatusNotFound, "GET unknown")
}

func TestMethods(t *testing.T) {
	s, _ := newTest(t, Config{})
	for _, m := range []string{"POST", "PUT", "PATCH", "OPTIONS", "TRACE", "BREW"} {
		res := do(t, s, m, "/files.csv")
		expect(t, res, http.StatusMethodNotAllowed, m)
		if got := res.header.Get("Allow"); got != "GET, HEAD, DELETE" {
			t.Errorf("%s: Allow %q", m, got)
		}
		if e := readErrors(t, "csv", res.body)[0]; e.Variable != "method" {
			t.Errorf("%s: %+v", m, e)
		}
	}
	res := do(t, s, "HEAD", "/files.json")
	expect(t, res, http.StatusOK, "HEAD")
	if res.body != "" || res.header.Get("Content-Length") == "" {
		t.Errorf("HEAD: body %q, Content-Length %q", res.body, res.header.Get("Content-Length"))
	}
}

func TestOverload(t *testing.T) {
	s, _ := newTest(t, Config{MaxInFlight: 2})
	entered, release := make(chan struct{}), make(chan struct{})
	s.hook = func(r *http.Request) {
		if r.URL.Query().Get("agentID") == "block" {
			entered <- struct{}{}
			<-release
		}
	}
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { expect(t, do(t, s, "GET", "/files?agentID=block"), http.StatusOK, "blocked request") })
		<-entered
	}
	for _, f := range []string{"", ".json", ".csv"} {
		res := do(t, s, "GET", "/files"+f)
		expect(t, res, http.StatusServiceUnavailable, "over the bound")
		if got := res.header.Get("Retry-After"); got != "1" {
			t.Errorf("Retry-After %q", got)
		}
		readErrors(t, strings.TrimPrefix(f, "."), res.body)
	}
	// The credentials are checked before a slot is taken (TestAuthBeforeSlot).
	expect(t, doAuth(t, s, "GET", "/files", "", ""), http.StatusUnauthorized, "over the bound, no credentials")
	close(release)
	wg.Wait()
	expect(t, do(t, s, "GET", "/files"), http.StatusOK, "after the blocked requests")
}

func TestPanic(t *testing.T) {
	s, logs := newTest(t, Config{MaxInFlight: 1})
	s.hook = func(r *http.Request) {
		if r.URL.Query().Get("agentID") == "panic" {
			panic("boom")
		}
	}
	for _, f := range []string{"", ".json", ".csv"} {
		res := do(t, s, "GET", "/files"+f+"?agentID=panic")
		expect(t, res, http.StatusInternalServerError, "panic")
		if e := readErrors(t, strings.TrimPrefix(f, "."), res.body)[0]; e.Variable != "server" || strings.Contains(e.Message, "boom") {
			t.Errorf("%+v", e)
		}
	}
	// The slot is released and the server goes on.
	expect(t, do(t, s, "GET", "/files"), http.StatusOK, "after the panic")
	if !strings.Contains(logs.String(), `"panic":"boom"`) {
		t.Errorf("the panic is not logged:\n%s", logs)
	}
}

func TestRotateToken(t *testing.T) {
	s, _ := newTest(t, Config{})
	expect(t, do(t, s, "GET", "/files"), http.StatusOK, "the first token")
	fresh := s.RotateToken()
	if fresh == token || len(fresh) != 32 || s.Token() != fresh {
		t.Fatalf("RotateToken returned %q, Token is %q", fresh, s.Token())
	}
	expect(t, do(t, s, "GET", "/files"), http.StatusUnauthorized, "the revoked token")
	expect(t, doAuth(t, s, "GET", "/files", tenant, fresh), http.StatusOK, "the new token")
	if again := s.RotateToken(); again == fresh {
		t.Error("two rotations gave the same token")
	}
	expect(t, doAuth(t, s, "GET", "/files", tenant, fresh), http.StatusUnauthorized, "the second revoked token")
	s.SetToken("chosen")
	expect(t, doAuth(t, s, "GET", "/files", tenant, "chosen"), http.StatusOK, "SetToken")
}

func TestRandomToken(t *testing.T) {
	clock := func() time.Time { return testNow }
	a, b := New(Config{Tenant: "x", Clock: clock}), New(Config{Tenant: "x", Clock: clock})
	if a.Token() == "" || a.Token() == b.Token() {
		t.Errorf("tokens %q and %q", a.Token(), b.Token())
	}
}

func TestLog(t *testing.T) {
	s, logs := newTest(t, Config{})
	do(t, s, "GET", "/files.csv?agentID=bill")
	doAuth(t, s, "GET", "/files", "", "")
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d log lines, want 2:\n%s", len(lines), logs)
	}
	var first struct {
		Msg, Method, Path, Query string
		Status                   int
		Bytes                    int64
		Duration                 *int64
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Method != "GET" || first.Path != "/files.csv" || first.Query != "agentID=…" || first.Status != 200 ||
		first.Bytes == 0 || first.Duration == nil {
		t.Errorf("log line %s", lines[0])
	}
	if strings.Contains(logs.String(), token) {
		t.Error("the log holds the token")
	}
	if !strings.Contains(lines[1], `"status":401`) {
		t.Errorf("log line %s", lines[1])
	}
}

// TestConcurrent mixes reads and deletes; run with -race.
func TestConcurrent(t *testing.T) {
	s, _ := newTest(t, Config{MaxInFlight: -1})
	files := s.Store().AllFiles()
	var mu sync.Mutex
	deleted := map[string]int{}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i, f := range files {
				switch (i + w) % 4 {
				case 0:
					res := do(t, s, "DELETE", "/files/"+f.Filename)
					if res.status == http.StatusNoContent {
						mu.Lock()
						deleted[f.Filename]++
						mu.Unlock()
					} else if res.status != http.StatusNotFound {
						t.Errorf("DELETE: %d", res.status)
					}
				case 1:
					expect(t, do(t, s, "GET", "/files.json?n=51"), http.StatusOK, "GET")
				case 2:
					expect(t, do(t, s, "DELETE", "/transcripts/"+guid), http.StatusNoContent, "DELETE transcript")
				case 3:
					expect(t, do(t, s, "GET", "/transcripts/"+guid), http.StatusOK, "GET transcript")
				}
			}
		})
	}
	wg.Wait()
	left, _ := s.Store().Len()
	for name, n := range deleted {
		if n != 1 {
			t.Errorf("%s deleted %d times", name, n)
		}
	}
	if left+len(deleted) != len(files) {
		t.Errorf("%d left + %d deleted != %d", left, len(deleted), len(files))
	}
}

func TestErrorBodyEscapes(t *testing.T) {
	faults := filter.ErrorList{{Variable: "a<b", Pos: -1, Msg: "x & \x00 \xff y", Hint: "]]>"}}
	body := string(ErrorBody(filter.XML, faults))
	if err := wellFormed(body); err != nil {
		t.Errorf("%v:\n%s", err, body)
	}
	if e := readErrors(t, "xml", body)[0]; e.Variable != "a<b" || e.Hint != "]]>" {
		t.Errorf("%+v", e)
	}
	if body := ErrorBody(filter.JSON, faults); !json.Valid(body) {
		t.Errorf("not JSON: %s", body)
	}
	if e := readErrors(t, "csv", string(ErrorBody(filter.CSV, faults)))[0]; e.Variable != "a<b" || e.Pos != -1 {
		t.Errorf("%+v", e)
	}
}

func TestNewWithoutClockPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New without a clock did not panic")
		}
	}()
	New(Config{Tenant: "x"})
}
