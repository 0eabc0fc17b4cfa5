package postgres_test

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
)

var day = time.Date(2007, 12, 20, 3, 16, 36, 0, time.UTC)

func file(name, agent string, md ...record.MetaData) record.File {
	return record.File{StartDate: day, AgentID: agent, Filename: name, Duration: 27, MetaData: md}
}

// names runs a GET of /files and returns the filenames of its page.
func names(t *testing.T, s *postgres.Store, target string) []string {
	t.Helper()
	q, err := filter.Parse("GET", target)
	if err != nil {
		t.Fatal(err)
	}
	res, err := q.Resolve(now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := s.Files(context.Background(), q, res)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Filename)
	}
	return out
}

// TestValuesAreNeverSQL feeds values that are SQL, or LIKE's wildcards, and
// checks each matches exactly the record that holds its text.
func TestValuesAreNeverSQL(t *testing.T) {
	s := pgtest.Store(t)
	values := []string{"' OR '1'='1", "'; DROP TABLE recq_files; --", `\`, "%", "_", `\%`, "$1", "bill", "a'b\"c", "1) OR (1=1", "é☎"}
	var fs []record.File
	for i, v := range values {
		fs = append(fs, file("S20071220/R"+strings.Repeat("1", i+1)+".wav", v, record.MetaData{FieldName: v, FieldValue: "x" + v + "y"}))
	}
	fs = append(fs, file("S20071220/R0.wav", "plain", record.MetaData{FieldName: "plain", FieldValue: "plain"}))
	if err := s.Load(context.Background(), fs, nil, nil); err != nil {
		t.Fatal(err)
	}
	for i, v := range values {
		e := url.QueryEscape(v)
		if target, got := "/files?agentID="+e, names(t, s, "/files?agentID="+e); !slices.Equal(got, []string{fs[i].Filename}) {
			t.Errorf("%s: %v, want %v", target, got, fs[i].Filename)
		}
		// Substrings: every name holding v as text, by Go's strings.Contains.
		var want []string
		for _, f := range slices.SortedFunc(slices.Values(fs), record.CompareFiles) {
			if strings.Contains(f.MetaData[0].FieldName, v) {
				want = append(want, f.Filename)
			}
		}
		if target, got := "/files?metaData_fieldName="+e, names(t, s, "/files?metaData_fieldName="+e); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", target, got, want)
		}
		if target, got := "/files?metaData_fieldValue=x"+e+"y", names(t, s, "/files?metaData_fieldValue=x"+e+"y"); !slices.Equal(got, []string{fs[i].Filename}) {
			t.Errorf("%s: %v, want %v", target, got, fs[i].Filename)
		}
	}
	// The table is still there, with every record.
	if got := names(t, s, "/files"); len(got) != len(fs) {
		t.Errorf("/files lists %d files, want %d", len(got), len(fs))
	}
}

func TestLoadRefusesAll(t *testing.T) {
	s := pgtest.Store(t)
	ctx := context.Background()
	if err := s.Load(ctx, []record.File{file("S20071220/R1.wav", "bill")}, nil, nil); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]record.File{
		"a filename already loaded": {file("S20071220/R2.wav", "jo"), file("S20071220/R1.wav", "jo")},
		"a NUL":                     {file("S20071220/R3.wav", "jo"), file("S20071220/R4.wav", "j\x00o")},
		"not UTF-8":                 {file("S20071220/R5.wav", "jo"), file("S20071220/R6.wav", "j\xffo")},
		"year 10000":                {file("S20071220/R7.wav", "jo"), {StartDate: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Filename: "S/R8.wav"}},
	}
	for name, fs := range cases {
		err := s.Load(ctx, fs, nil, nil)
		var le *postgres.LoadError
		if !errors.As(err, &le) || le.Record != 2 || le.Kind != "file" {
			t.Errorf("%s: %v, want a LoadError for file 2", name, err)
		}
	}
	if got := names(t, s, "/files"); !slices.Equal(got, []string{"S20071220/R1.wav"}) {
		t.Errorf("after refused loads the store lists %v, want only the first file", got)
	}
}

func TestDeletes(t *testing.T) {
	s := pgtest.Store(t)
	ctx := context.Background()
	tr := record.Transcript{StartDate: day, InteractionGUID: "int-1-chat",
		MetaData: []record.MetaData{{FieldName: "Color", FieldValue: "Blue"}},
		Messages: []record.Message{{MessageTime: day, MessageFrom: "Agent", OriginalMessage: "hello"}, {MessageTime: day.Add(time.Second), MessageFrom: "Customer"}}}
	if err := s.Load(ctx, []record.File{file("S20071220/R1.wav", "bill"), file("S20071220/R2.wav", "jo")}, []record.Transcript{tr}, nil); err != nil {
		t.Fatal(err)
	}
	got, found, err := s.Transcript(ctx, "int-1-chat")
	if err != nil || !found || len(got.Messages) != 2 || got.Messages[0].OriginalMessage != "hello" || !got.Messages[1].MessageTime.Equal(day.Add(time.Second)) {
		t.Fatalf("Transcript: %+v %v %v", got, found, err)
	}
	if nf, nt, err := s.Count(ctx); nf != 2 || nt != 1 || err != nil {
		t.Errorf("Count = %d, %d, %v; want 2, 1", nf, nt, err)
	}
	if ok, err := s.DeleteFile(ctx, "S20071220/R1.wav"); !ok || err != nil {
		t.Fatalf("DeleteFile: %v %v", ok, err)
	}
	if ok, _ := s.DeleteFile(ctx, "S20071220/R1.wav"); ok {
		t.Error("a second DeleteFile found the file")
	}
	if got := names(t, s, "/files"); !slices.Equal(got, []string{"S20071220/R2.wav"}) {
		t.Errorf("after DeleteFile: %v", got)
	}
	dummy := record.Message{MessageTime: now, MessageFrom: "system", OriginalMessage: "deleted"}
	if ok, err := s.DeleteTranscript(ctx, "int-1-chat", dummy); !ok || err != nil {
		t.Fatalf("DeleteTranscript: %v %v", ok, err)
	}
	if ok, err := s.DeleteTranscript(ctx, "int-2-chat", dummy); ok || err != nil {
		t.Fatalf("DeleteTranscript of an unknown GUID: %v %v", ok, err)
	}
	got, _, _ = s.Transcript(ctx, "int-1-chat")
	if len(got.Messages) != 1 || got.Messages[0].OriginalMessage != "deleted" || !got.Messages[0].MessageTime.Equal(now) || len(got.MetaData) != 1 {
		t.Errorf("after DeleteTranscript: %+v", got)
	}
	if _, found, _ := s.Transcript(ctx, "int-2-chat"); found {
		t.Error("an unknown GUID was found")
	}
}
