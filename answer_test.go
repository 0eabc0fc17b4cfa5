package recq_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// testRecords is three files and two transcripts on two days of November 2026 in UTC.
func testRecords() *record.Store {
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	files := []record.File{
		{StartDate: at(24, 9), AgentID: "bill", Duration: 27, Filename: "S20261124/R1.wav"},
		{StartDate: at(24, 10), AgentID: "ann", Duration: 5, Filename: "S20261124/R2.wav"},
		{StartDate: at(25, 8), AgentID: "bill", Duration: 60, Filename: "S20261125/R3.wav"},
	}
	transcripts := []record.Transcript{
		{StartDate: at(24, 9), AgentID: "bill", InteractionGUID: "int-a", Messages: []record.Message{{MessageTime: at(24, 9), MessageFrom: "bill"}}},
		{StartDate: at(25, 9), AgentID: "ann", InteractionGUID: "int-b"},
	}
	return record.NewStore(files, transcripts)
}

func mustParse(t *testing.T, method, target string) *filter.Query {
	t.Helper()
	q, err := filter.Parse(method, target)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// filenames reads back the files of a body written by Answer.
func filenames(t *testing.T, body []byte, f filter.Format) []string {
	t.Helper()
	files, err := encode.ReadFiles(bytes.NewReader(body), f)
	if err != nil {
		t.Fatalf("%v\n%s", err, body)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Filename)
	}
	return names
}

func TestAnswerPages(t *testing.T) {
	tests := []struct {
		target string
		want   []string
	}{
		{"/files.json?agentID=bill", []string{"S20261124/R1.wav", "S20261125/R3.wav"}},
		{"/files.csv?d=today-1d,today", []string{"S20261124/R1.wav", "S20261124/R2.wav"}},
		{"/files?d=today", []string{"S20261125/R3.wav"}},
		{"/files?n=3", []string{"S20261125/R3.wav"}},
		{"/files?n=4", nil},
		{"/files?d=2026-11-24T09:00:00Z,2026-11-24T10:00:00Z&duration=27", []string{"S20261124/R1.wav"}},
		{"/files?start-date=2026-11-24T10:00:04Z", []string{"S20261124/R2.wav"}},
		{"/files?finish-date=2026-11-25T08:01Z", []string{"S20261125/R3.wav"}},
	}
	store := recq.Memory(testRecords())
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			q := mustParse(t, "GET", tt.target)
			var b bytes.Buffer
			if err := recq.Answer(context.Background(), &b, q, store, testNow, time.UTC); err != nil {
				t.Fatal(err)
			}
			if got := filenames(t, b.Bytes(), q.Format); !slices.Equal(got, tt.want) {
				t.Errorf("lists %v, want %v", got, tt.want)
			}
		})
	}
}

// Answer writes the page in the query's zone: its tz, else the tenant's.
func TestAnswerZone(t *testing.T) {
	store := recq.Memory(testRecords())
	denver, err := time.LoadLocation("America/Denver")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		target string
		tenant *time.Location
		want   string
	}{
		{"/transcripts.csv?agentID=ann", denver, "2026-11-25T02:00:00-07:00"},
		{"/transcripts.csv?agentID=ann&tz=Asia/Tokyo", denver, "2026-11-25T18:00:00+09:00"},
		{"/transcripts.csv?agentID=ann", nil, "2026-11-25T09:00:00Z"},
	} {
		var b bytes.Buffer
		if err := recq.Answer(context.Background(), &b, mustParse(t, "GET", tt.target), store, testNow, tt.tenant); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b.Bytes(), []byte(tt.want)) {
			t.Errorf("%s: the body does not hold %s:\n%s", tt.target, tt.want, b.Bytes())
		}
	}
}

func TestAnswerOneTranscript(t *testing.T) {
	store := recq.Memory(testRecords())
	var b bytes.Buffer
	if err := recq.Answer(context.Background(), &b, mustParse(t, "GET", "/transcripts/int-a.json"), store, testNow, nil); err != nil {
		t.Fatal(err)
	}
	var body struct {
		Transcript struct {
			InteractionGUID string `json:"interactionGUID"`
			Messages        struct {
				Message []struct {
					MessageFrom string `json:"messageFrom"`
				} `json:"message"`
			} `json:"messages"`
		} `json:"transcript"`
	}
	if err := json.Unmarshal(b.Bytes(), &body); err != nil {
		t.Fatalf("%v\n%s", err, b.Bytes())
	}
	tr := body.Transcript
	if tr.InteractionGUID != "int-a" || len(tr.Messages.Message) != 1 || tr.Messages.Message[0].MessageFrom != "bill" {
		t.Errorf("got %s", b.Bytes())
	}
}

// A refused answer writes nothing and says, with its code, which status it means.
func TestAnswerRefused(t *testing.T) {
	store := recq.Memory(testRecords())
	csvTranscript := mustParse(t, "GET", "/transcripts/int-a")
	csvTranscript.Format = filter.CSV
	for _, tt := range []struct {
		name   string
		q      *filter.Query
		code   filter.Code
		status int
	}{
		{"unknown transcript", mustParse(t, "GET", "/transcripts/int-zz"), filter.CodeNotFound, http.StatusNotFound},
		{"a DELETE", mustParse(t, "DELETE", "/transcripts/int-a"), filter.CodeBadMethod, http.StatusMethodNotAllowed},
		{"one file", mustParse(t, "DELETE", "/files/S20261124/R1.wav"), filter.CodeBadMethod, http.StatusMethodNotAllowed},
		{"csv of one transcript", csvTranscript, filter.CodeBadFormat, http.StatusBadRequest},
		{"past year 9999", mustParse(t, "GET", "/files?d=9999-12-31"), filter.CodeBadDatePart, http.StatusBadRequest},
		{"before year 0000", mustParse(t, "GET", "/files?start-date=0000-01-01"), filter.CodeBadDatePart, http.StatusBadRequest},
		{"reversed once resolved", mustParse(t, "GET", "/files?d=2026-11-26,today"), "", http.StatusBadRequest},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := recq.Answer(context.Background(), &b, tt.q, store, testNow, nil)
			faults := filter.Faults(err)
			if len(faults) == 0 {
				t.Fatalf("err = %v, want faults", err)
			}
			if tt.code != "" && faults[0].Code != tt.code {
				t.Errorf("code %q, want %q", faults[0].Code, tt.code)
			}
			if got := filter.Status(err); got != tt.status {
				t.Errorf("status %d, want %d", got, tt.status)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %q", b.String())
			}
		})
	}
}

// failing is a store whose every call fails, as a database that is down.
type failing struct{}

var errDown = errors.New("the database is down")

func (failing) Files(context.Context, *filter.Query, filter.Resolved) ([]record.File, error) {
	return nil, errDown
}
func (failing) Transcripts(context.Context, *filter.Query, filter.Resolved) ([]record.Transcript, error) {
	return nil, errDown
}
func (failing) Transcript(context.Context, string) (record.Transcript, bool, error) {
	return record.Transcript{}, false, errDown
}
func (failing) DeleteFile(context.Context, string) (bool, error) { return false, errDown }
func (failing) DeleteTranscript(context.Context, string, record.Message) (bool, error) {
	return false, errDown
}

// A store's failure is returned as it is, and is the server's (500).
func TestStoreFailure(t *testing.T) {
	for _, target := range []string{"/files", "/transcripts", "/transcripts/int-a"} {
		var b bytes.Buffer
		err := recq.Answer(context.Background(), &b, mustParse(t, "GET", target), failing{}, testNow, nil)
		if !errors.Is(err, errDown) || filter.Status(err) != http.StatusInternalServerError || b.Len() != 0 {
			t.Errorf("%s: err %v, status %d, body %q", target, err, filter.Status(err), b.String())
		}
	}
	for _, target := range []string{"/files/S20261124/R1.wav", "/transcripts/int-a"} {
		if err := recq.Delete(context.Background(), mustParse(t, "DELETE", target), failing{}, testNow); !errors.Is(err, errDown) {
			t.Errorf("DELETE %s: err %v", target, err)
		}
	}
}

// A cancelled context stops the memory store before it reads.
func TestMemoryContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	err := recq.Answer(ctx, &b, mustParse(t, "GET", "/files"), recq.Memory(testRecords()), testNow, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

func TestDelete(t *testing.T) {
	records := testRecords()
	store := recq.Memory(records)
	ctx := context.Background()
	if err := recq.Delete(ctx, mustParse(t, "DELETE", "/files/S20261124/R1.wav"), store, testNow); err != nil {
		t.Fatal(err)
	}
	err := recq.Delete(ctx, mustParse(t, "DELETE", "/files/S20261124/R1.wav"), store, testNow)
	if f := filter.Faults(err); len(f) != 1 || f[0].Code != filter.CodeNotFound || filter.Status(err) != http.StatusNotFound {
		t.Errorf("deleting again: %v, want not-found", err)
	}
	var b bytes.Buffer
	if err := recq.Answer(ctx, &b, mustParse(t, "GET", "/files"), store, testNow, nil); err != nil {
		t.Fatal(err)
	}
	if got := filenames(t, b.Bytes(), filter.XML); slices.Contains(got, "S20261124/R1.wav") {
		t.Errorf("a deleted file is still listed: %v", got)
	}
	later := testNow.Add(time.Hour)
	if err := recq.Delete(ctx, mustParse(t, "DELETE", "/transcripts/int-a"), store, later); err != nil {
		t.Fatal(err)
	}
	tr, _ := records.Transcript("int-a")
	if !slices.Equal(tr.Messages, []record.Message{recq.DeletedMessage(later)}) {
		t.Errorf("messages after delete: %+v", tr.Messages)
	}
	if err := recq.Delete(ctx, mustParse(t, "DELETE", "/transcripts/int-zz"), store, later); err != nil {
		t.Errorf("an unknown transcript: %v, want nil (the API answers 204)", err)
	}
	if err := recq.Delete(ctx, mustParse(t, "GET", "/files"), store, later); filter.Status(err) != http.StatusMethodNotAllowed {
		t.Errorf("a GET: %v", err)
	}
}

func TestMemoryRecords(t *testing.T) {
	records := testRecords()
	if got, ok := recq.MemoryRecords(recq.Memory(records)); !ok || got != records {
		t.Errorf("MemoryRecords(Memory(s)) = %p, %v", got, ok)
	}
	if _, ok := recq.MemoryRecords(failing{}); ok {
		t.Error("MemoryRecords of another store reports true")
	}
	var b bytes.Buffer
	if err := recq.Answer(context.Background(), &b, mustParse(t, "GET", "/files.csv"), recq.Memory(nil), testNow, nil); err != nil {
		t.Fatal(err)
	}
	if got := filenames(t, b.Bytes(), filter.CSV); len(got) != 0 {
		t.Errorf("Memory(nil) lists %v", got)
	}
}

// A Query built by hand is validated before the store sees it.
func TestAnswerValidates(t *testing.T) {
	q := &filter.Query{Fields: []filter.Field{{Name: "channel", Value: "1"}, {Name: "agentID", Value: "bill"}}}
	var b bytes.Buffer
	err := recq.Answer(context.Background(), &b, q, failing{}, testNow, nil)
	if f := filter.Faults(err); len(f) != 1 || f[0].Code != filter.CodeBadQuery || b.Len() != 0 {
		t.Errorf("err %v, body %q", err, b.String())
	}
	// The zero Query is GET /files.
	if err := recq.Answer(context.Background(), &b, &filter.Query{}, recq.Memory(testRecords()), testNow, nil); err != nil {
		t.Fatal(err)
	}
	if got := filenames(t, b.Bytes(), filter.XML); len(got) != 3 {
		t.Errorf("the zero Query lists %v", got)
	}
}
