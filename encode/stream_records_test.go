package encode_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// TestStreamRecords holds StreamRecords to ReadRecords: the same records
// in the same order, the same fault, and a handler's error returned as it
// is, with no record handed over after it.
func TestStreamRecords(t *testing.T) {
	var inputs []struct {
		f  filter.Format
		in string
	}
	for _, f := range []filter.Format{filter.XML, filter.JSON, filter.CSV} {
		var b bytes.Buffer
		if err := encode.WriteFiles(&b, f, trickyFiles, nil); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, struct {
			f  filter.Format
			in string
		}{f, b.String()})
		b.Reset()
		if err := encode.WriteTranscripts(&b, f, []record.Transcript{docTranscript, docTranscriptWithMessages()}, nil); err == nil {
			inputs = append(inputs, struct {
				f  filter.Format
				in string
			}{f, b.String()})
		}
	}
	inputs = append(inputs, struct {
		f  filter.Format
		in string
	}{filter.CSV, "startDate,duration,filename\r\n2007-12-19T19:16:36Z,1,a\r\n2007-12-19T19:16:36Z,x,b\r\n"})
	for _, in := range inputs {
		wantFiles, wantTs, wantErr := encode.ReadRecords(strings.NewReader(in.in), in.f)
		var files []record.File
		var ts []record.Transcript
		err := encode.StreamRecords(strings.NewReader(in.in), in.f,
			func(f *record.File) error { files = append(files, *f); return nil },
			func(t *record.Transcript) error { ts = append(ts, *t); return nil })
		if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Errorf("%s: StreamRecords: %v, ReadRecords: %v", in.f, err, wantErr)
		}
		if err == nil && (!cmp.Equal(files, wantFiles) || !cmp.Equal(ts, wantTs)) {
			t.Errorf("%s: streamed %d files and %d transcripts, read %d and %d, or they differ", in.f, len(files), len(ts), len(wantFiles), len(wantTs))
		}
		total := len(wantFiles) + len(wantTs)
		if wantErr != nil || total == 0 {
			continue
		}
		stop := errors.New("stop")
		handed := 0
		handle := func() error {
			if handed++; handed == 1 {
				return stop
			}
			return nil
		}
		err = encode.StreamRecords(strings.NewReader(in.in), in.f,
			func(*record.File) error { return handle() }, func(*record.Transcript) error { return handle() })
		if err != stop || handed != 1 {
			t.Errorf("%s: a handler's error: %v after %d records, want it as it is after 1", in.f, err, handed)
		}
	}
}
