package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
)

// manyFiles are n files named R0.wav… with one metadata entry each: enough
// rows that several chunks are in the COPY before the last is read.
func manyFiles(prefix string, n int) []record.File {
	fs := make([]record.File, n)
	for i := range fs {
		fs[i] = file(fmt.Sprintf("%s/R%d.wav", prefix, i), "agent", record.MetaData{FieldName: "Color", FieldValue: "Blue"})
	}
	return fs
}

// reader hands fs over, then returns end.
func reader(fs []record.File, end error) postgres.RecordReader {
	return func(file func(*record.File) error, _ func(*record.Transcript) error) error {
		for i := range fs {
			if err := file(&fs[i]); err != nil {
				return err
			}
		}
		return end
	}
}

// TestLoadStreamRefusesLate refuses a stream whose fault comes after many
// rows were copied: a reader's error, a record the store cannot hold, a
// filename twice, and one the database holds, into empty tables (the bulk
// build) and into a table larger than the load. Each time nothing of the
// load is kept, and the error names the record where it can.
func TestLoadStreamRefusesLate(t *testing.T) {
	s := pgtest.Store(t)
	ctx := context.Background()
	const n = 3000 // some 400 KB of rows: several chunks
	count := func() int {
		t.Helper()
		got := 0
		for _, p := range []string{"A", "B", "C"} {
			got += len(names(t, s, "/files?filename="+p+"/R7.wav"))
		}
		return got
	}
	readFault := errors.New("line 9001: record 3001: the file ends inside a tag")
	bad := manyFiles("A", n)
	bad[n-5].AgentID = "nul\x00"
	twice := manyFiles("A", n)
	twice[n-3].Filename = twice[10].Filename
	for _, into := range []string{"empty tables", "a larger table"} {
		if into == "a larger table" {
			if err := s.Load(ctx, manyFiles("C", 2*n), nil, nil); err != nil {
				t.Fatal(err)
			}
		}
		held := count()
		if _, _, err := s.LoadStream(ctx, n, reader(manyFiles("A", n), readFault), nil); err != readFault {
			t.Errorf("%s: a reader's fault: %v, want it as it is", into, err)
		}
		var le *postgres.LoadError
		if _, _, err := s.LoadStream(ctx, n, reader(bad, nil), nil); !errors.As(err, &le) || le.Record != n-4 || le.Field != "agentID" {
			t.Errorf("%s: a record with NUL: %v, want a LoadError for record %d's agentID", into, err, n-4)
		}
		if _, _, err := s.LoadStream(ctx, n, reader(twice, nil), nil); !errors.As(err, &le) || le.Record != 11 || le.Field != "filename" {
			t.Errorf("%s: a filename twice: %v, want a LoadError for record 11's filename", into, err)
		}
		if got := count(); got != held {
			t.Errorf("%s: after refused loads the store has %d of the probed files, want %d", into, got, held)
		}
	}
	// Into a table holding one of the load's filenames, fewer rows than the load.
	s2 := pgtest.Store(t)
	if err := s2.Load(ctx, manyFiles("B", 1), nil, nil); err != nil {
		t.Fatal(err)
	}
	again := manyFiles("D", n)
	again[n-1].Filename = "B/R0.wav"
	var le *postgres.LoadError
	if _, _, err := s2.LoadStream(ctx, n, reader(again, nil), nil); !errors.As(err, &le) || le.Record != n || !strings.Contains(le.Msg, "already in the database") {
		t.Errorf("a filename the database holds: %v, want a LoadError for record %d", err, n)
	}
	files, _, err := s2.LoadStream(ctx, n, reader(manyFiles("D", n), nil), nil)
	if err != nil || files != n {
		t.Fatalf("a good load: %d files, %v", files, err)
	}
	if got := names(t, s2, "/files?filename=D/R2999.wav"); len(got) != 1 {
		t.Errorf("after a good load the store lists %v", got)
	}
}
