package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
)

func fixedClock() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// TestLoadAndInit drives recq db init and recq load as a user would: a good
// file loads, a file with one bad record is refused with its line and record
// and leaves nothing behind, and a file loaded twice is refused.
func TestLoadAndInit(t *testing.T) {
	db := pgtest.URL(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	bad := filepath.Join(dir, "bad.csv")
	header := "startDate,agentID,duration,filename\n"
	writeFile(t, good, header+"2007-12-20T03:16:36Z,bill,27,S20071220/R1.wav\n2007-12-20T03:17:36Z,jo,5,S20071220/R2.wav\n")
	writeFile(t, bad, header+"2007-12-21T03:16:36Z,ann,27,S20071221/R3.wav\n2007-12-21T03:16:36Z,ann,2x,S20071221/R4.wav\n")
	cmd := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := run(args, &out, &errOut, fixedClock)
		return code, out.String(), errOut.String()
	}
	for range 2 { // init runs again harmlessly
		if code, _, errOut := cmd("db", "init", "--db", db); code != 0 {
			t.Fatalf("recq db init: %d %s", code, errOut)
		}
	}
	if code, out, errOut := cmd("load", "--db", db, good); code != 0 || !strings.Contains(out, "2 files and 0 transcripts loaded") {
		t.Fatalf("recq load good: %d %q %q", code, out, errOut)
	}
	code, _, errOut := cmd("load", "--db", db, bad)
	if code != 1 || !strings.Contains(errOut, "line 3: record 2: duration") || !strings.Contains(errOut, "nothing of it was loaded") {
		t.Fatalf("recq load bad: %d %q", code, errOut)
	}
	code, _, errOut = cmd("load", "--db", db, good)
	if code != 1 || !strings.Contains(errOut, "file 1: filename") {
		t.Fatalf("recq load good twice: %d %q", code, errOut)
	}
	// Nothing of the bad file is in the database, the good file is.
	s, err := postgres.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q, _ := filter.Parse("GET", "/files")
	res, _ := q.Resolve(fixedClock(), time.UTC)
	page, err := s.Files(context.Background(), q, res)
	if err != nil || len(page) != 2 || page[0].Filename != "S20071220/R1.wav" || page[1].Filename != "S20071220/R2.wav" {
		t.Errorf("the database lists %v (%v), want the good file's two records", page, err)
	}
	if code, _, errOut := cmd("load", "--db", db); code != 1 || !strings.Contains(errOut, "recq load --db URL FILE") {
		t.Errorf("recq load without files: %d %q", code, errOut)
	}
}

// TestLoadRunBuildsIndexesOnce loads two files into an empty store, a run
// that sets the indexes aside and builds them at its end (docs/POSTGRES.md,
// "A run of loads"), with a refused file between them: every index of the
// schema is back afterwards, and the store answers as after any load.
func TestLoadRunBuildsIndexesOnce(t *testing.T) {
	db := pgtest.URL(t)
	ctx := context.Background()
	s, err := postgres.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	schema, err := s.Indexes(ctx)
	if err != nil || len(schema) < 10 {
		t.Fatalf("the schema's indexes: %v %v", schema, err)
	}
	dir := t.TempDir()
	header := "startDate,agentID,duration,filename,metaDatas\n"
	one, bad, two := filepath.Join(dir, "one.csv"), filepath.Join(dir, "bad.csv"), filepath.Join(dir, "two.csv")
	writeFile(t, one, header+"2007-12-20T03:16:36Z,bill,27,S20071220/R1.wav,Fruit:Cherry\n")
	writeFile(t, bad, header+"2007-12-20T03:17:36Z,ann,27,S20071220/R1.wav,\n")
	writeFile(t, two, header+"2007-12-20T03:17:36Z,jo,5,S20071220/R2.wav,\n")
	var out, errOut bytes.Buffer
	code := run([]string{"load", "--db", db, one, bad, two}, &out, &errOut, fixedClock)
	if code != 1 || !strings.Contains(errOut.String(), "bad.csv: file 1: filename") || strings.Count(out.String(), "loaded") != 2 {
		t.Fatalf("recq load: %d %q %q, want two files loaded and bad.csv refused", code, out.String(), errOut.String())
	}
	if got, err := s.Indexes(ctx); err != nil || !slices.Equal(got, schema) {
		t.Errorf("after the run the indexes are\n%v (%v)\nwant\n%v", got, err, schema)
	}
	for target, want := range map[string]int{"/files": 2, "/files?agentID=jo": 1, "/files?metaData_fieldValue=herr": 1} {
		q, _ := filter.Parse("GET", target)
		res, _ := q.Resolve(fixedClock(), time.UTC)
		if page, err := s.Files(ctx, q, res); err != nil || len(page) != want {
			t.Errorf("%s: %d files (%v), want %d", target, len(page), err, want)
		}
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadRefusesLateRecord refuses a file whose bad record comes after
// thousands of good ones, already copied into the database as the file was
// read: the fault is said with its line and record, and nothing of the file
// is loaded.
func TestLoadRefusesLateRecord(t *testing.T) {
	db := pgtest.URL(t)
	path := filepath.Join(t.TempDir(), "late.csv")
	var b strings.Builder
	b.WriteString("startDate,agentID,duration,filename,metaDatas\n")
	const n = 5000
	for i := range n {
		fmt.Fprintf(&b, "2007-12-20T03:16:36Z,bill,27,S20071220/R%d.wav,Color:Blue\n", i)
	}
	b.WriteString("2007-12-20T03:16:36Z,bill,27x,S20071220/late.wav,\n")
	writeFile(t, path, b.String())
	var out, errOut bytes.Buffer
	code := run([]string{"load", "--db", db, path}, &out, &errOut, fixedClock)
	want := fmt.Sprintf("line %d: record %d: duration", n+2, n+1)
	if code != 1 || !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), "nothing of it was loaded") {
		t.Fatalf("recq load: %d %q, want …%s…", code, errOut.String(), want)
	}
	s, err := postgres.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q, _ := filter.Parse("GET", "/files")
	res, _ := q.Resolve(fixedClock(), time.UTC)
	if page, err := s.Files(context.Background(), q, res); err != nil || len(page) != 0 {
		t.Errorf("the database lists %d files (%v), want none", len(page), err)
	}
}

// TestEstimateRecords counts the records of a small file exactly and
// scales a large one's first 256 KiB by its size.
func TestEstimateRecords(t *testing.T) {
	dir := t.TempDir()
	row := "2007-12-20T03:16:36Z,bill,27,S20071220/R1.wav\n"
	for _, n := range []int{1, 3, 20_000} {
		path := filepath.Join(dir, fmt.Sprintf("f%d.csv", n))
		writeFile(t, path, "startDate,agentID,duration,filename\n"+strings.Repeat(row, n))
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got := estimateRecords(f, filter.CSV)
		f.Close()
		if n*len(row) < 256<<10 && got != n || got < n*99/100 || got > n*101/100 {
			t.Errorf("%d rows: estimated %d", n, got)
		}
	}
	path := filepath.Join(dir, "t.xml")
	writeFile(t, path, "<recordings>"+strings.Repeat("<file><startDate>2007-12-20T03:16:36Z</startDate></file>", 7)+"</recordings>")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := estimateRecords(f, filter.XML); got != 7 {
		t.Errorf("7 XML files: estimated %d", got)
	}
}

// TestLoadRefusesUnopenableGUID: recq load refuses a transcript whose
// interactionGUID the API's path refuses, naming the file, line and record,
// and loads nothing of that file (issue 21, finding 7).
func TestLoadRefusesUnopenableGUID(t *testing.T) {
	db := pgtest.URL(t)
	bad := filepath.Join(t.TempDir(), "bad.json")
	writeFile(t, bad, `{"recordings":{"transcript":[`+"\n"+`{"startDate":"2007-12-20T10:00:00Z","duration":"1","interactionGUID":"int-1"},`+"\n"+
		`{"startDate":"2007-12-20T10:00:00Z","duration":"1","interactionGUID":"int-2.json"}`+"\n"+`]}}`)
	var out, errOut bytes.Buffer
	code := run([]string{"load", "--db", db, bad}, &out, &errOut, fixedClock)
	if code != 1 || !strings.Contains(errOut.String(), bad) || !strings.Contains(errOut.String(), "line 3: record 2: interactionGUID") ||
		!strings.Contains(errOut.String(), "nothing of it was loaded") {
		t.Fatalf("recq load: %d %q", code, errOut.String())
	}
}

// TestLoadRunLongTexts is finding 2 of issue 21 as it was met: `recq eval
// --data` took a file whose agentID and filename are a few KB, and `recq
// load` of it in a run of files failed with a bare SQLSTATE 54000, after
// which `recq db init` failed every time. Now the run loads it, every index
// is there afterwards, db init runs, and the store answers as --data does.
func TestLoadRunLongTexts(t *testing.T) {
	db := pgtest.URL(t)
	ctx := context.Background()
	s, err := postgres.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	schema, err := s.Indexes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var agent, name strings.Builder
	for i := range 1200 { // three-byte characters that no compression shrinks
		agent.WriteRune(rune(0x4E00 + i*7%0x5000))
		name.WriteRune(rune(0x4E00 + i*13%0x5000))
	}
	dir := t.TempDir()
	header := "startDate,agentID,duration,filename\n"
	one, two := filepath.Join(dir, "one.csv"), filepath.Join(dir, "two.csv")
	writeFile(t, one, header+"2007-12-20T03:16:36Z,"+agent.String()+",27,S20071220/R1.wav\n")
	writeFile(t, two, header+"2007-12-20T03:17:36Z,jo,5,"+name.String()+"\n")
	var out, errOut bytes.Buffer
	if code := run([]string{"eval", "--data", one, "--data", two, "/files"}, &out, &errOut, fixedClock); code != 0 {
		t.Fatalf("recq eval --data: %d %q", code, errOut.String())
	}
	out.Reset()
	if code := run([]string{"load", "--db", db, one, two}, &out, &errOut, fixedClock); code != 0 || strings.Count(out.String(), "loaded") != 2 {
		t.Fatalf("recq load: %d %q %.300q", code, out.String(), errOut.String())
	}
	if got, err := s.Indexes(ctx); err != nil || !slices.Equal(got, schema) {
		t.Errorf("after the run the indexes are\n%v (%v)\nwant\n%v", got, err, schema)
	}
	if code := run([]string{"db", "init", "--db", db}, &out, &errOut, fixedClock); code != 0 {
		t.Errorf("recq db init after the run: %d %.300q", code, errOut.String())
	}
	for target, want := range map[string]int{"/files": 2, "/files?agentID=" + agent.String(): 1, "/files?filename=" + name.String(): 1} {
		q, err := filter.Parse("GET", target)
		if err != nil {
			t.Fatal(err)
		}
		res, _ := q.Resolve(fixedClock(), time.UTC)
		if page, err := s.Files(ctx, q, res); err != nil || len(page) != want {
			t.Errorf("%.40s: %d files (%v), want %d", target, len(page), err, want)
		}
	}
}
