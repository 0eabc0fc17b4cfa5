package fuzz_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// seedRecords adds the document's records and the conformance suite's, in
// every format, as seeds.
func seedRecords(f *testing.F) {
	for _, dir := range []string{"../conformance/testdata/records", "../encode/testdata"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil && len(b) < 1<<16 {
				f.Add(b, uint8(formatOf(p)))
			}
		}
	}
}

func formatOf(path string) filter.Format {
	format, _ := encode.DetectFormat(strings.TrimSuffix(path, ".golden"))
	return format
}

// FuzzReadRecords: a file is read whole or refused with a ReadError whose
// line lies within it; what is read, written and read again is the same.
func FuzzReadRecords(f *testing.F) {
	seedRecords(f)
	f.Fuzz(func(t *testing.T, data []byte, fmtByte uint8) {
		format := filter.Format(fmtByte % 3)
		files, transcripts, err := encode.ReadRecords(bytes.NewReader(data), format)
		if err != nil {
			var re *encode.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("%v: error %T %v is not a *encode.ReadError", format, err, err)
			}
			if lines := bytes.Count(data, []byte("\n")) + 2; re.Line < 0 || re.Line > lines || re.Record < 0 {
				t.Fatalf("%v: fault at line %d record %d of %d lines", format, re.Line, re.Record, lines)
			}
			_ = re.Error()
			return
		}
		var buf bytes.Buffer
		if len(files) > 0 || len(transcripts) == 0 {
			if err := encode.WriteFiles(&buf, format, files, time.UTC); err != nil {
				t.Fatal(err)
			}
			again, err := encode.ReadFiles(&buf, format)
			if err != nil {
				t.Fatalf("%v: written files do not read back: %v\n%s", format, err, buf.Bytes())
			}
			if diff := cmp.Diff(files, again, instants); diff != "" && !(len(files) == 0 && len(again) == 0) {
				t.Fatalf("%v: files change through a write and a read:\n%s", format, diff)
			}
		}
		if len(transcripts) > 0 {
			buf.Reset()
			if err := encode.WriteTranscripts(&buf, format, transcripts, time.UTC); err != nil {
				t.Fatal(err)
			}
			again, err := encode.ReadTranscripts(&buf, format)
			if err != nil {
				t.Fatalf("%v: written transcripts do not read back: %v\n%s", format, err, buf.Bytes())
			}
			for i := range transcripts {
				transcripts[i].Messages = nil // lists are written without their messages
			}
			if diff := cmp.Diff(transcripts, again, instants); diff != "" {
				t.Fatalf("%v: transcripts change through a write and a read:\n%s", format, diff)
			}
		}
	})
}

// instants compares times as instants: a writer writes them in its zone.
var instants = cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })

// FuzzQueryJSON: the JSON form of a query is accepted and round-trips, or
// refused with faults that each name a variable.
func FuzzQueryJSON(f *testing.F) {
	for _, s := range []string{
		`{"resource":"files"}`,
		`{"method":"GET","resource":"files","format":"csv","d":"today-1d,today","tz":"America/Denver","fields":{"agentID":"bill"},"metaData":{"fieldName":"Color"},"n":101}`,
		`{"resource":"transcript","id":"int-14a0","format":"json"}`,
		`{"method":"DELETE","resource":"file","id":"S20071220/R200712200316361000"}`,
		`{"resource":"files","d":"2007-02-30","fields":{"agentId":"x"},"n":0}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var q filter.Query
		err := q.UnmarshalJSON(data)
		if err != nil {
			var list filter.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("%s: %T %v is not an ErrorList", data, err, err)
			}
			checkFaults(t, string(data), list)
			return
		}
		b, err := json.Marshal(&q)
		if err != nil {
			t.Fatal(err)
		}
		var back filter.Query
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: its own JSON %s is refused: %v", data, b, err)
		}
		if c1, c2 := encode.Canonical(&q), encode.Canonical(&back); c1 != c2 {
			t.Fatalf("%s: %s round-trips to %s", data, c1, c2)
		}
	})
}
