package encode_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/record"
)

// A FileWriter fed page after page writes the document WriteFiles writes
// for every record at once, in each format, also for no record; an error of
// w is returned by that Write and every later call; a closed writer writes
// nothing more.
func TestListWriters(t *testing.T) {
	var files []record.File
	for p := range 3 {
		for _, f := range fuzz.Page() {
			f.Filename = fmt.Sprintf("%s-%d", f.Filename, p)
			files = append(files, f)
		}
	}
	ts := []record.Transcript{docTranscriptWithMessages(), docTranscriptWithMessages()}
	ts[1].InteractionGUID += "-2"
	for _, f := range formats {
		for _, n := range []int{0, 1, len(files)} {
			var want, got bytes.Buffer
			if err := encode.WriteFiles(&want, f, files[:n], time.UTC); err != nil {
				t.Fatal(err)
			}
			fw, err := encode.NewFileWriter(&got, f, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			for i := range files[:n] {
				if err := fw.Write(&files[i]); err != nil {
					t.Fatal(err)
				}
				if i == n/2 {
					if err := fw.Flush(); err != nil || !bytes.HasPrefix(want.Bytes(), got.Bytes()) || got.Len() == 0 {
						t.Errorf("%v: Flush wrote %d bytes, not the start of the document (%v)", f, got.Len(), err)
					}
				}
			}
			if err := fw.Close(); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%v, %d files: the FileWriter wrote %d bytes, WriteFiles %d", f, n, got.Len(), want.Len())
			}
			if fw.Write(&files[0]) == nil || fw.Close() == nil || got.Len() != want.Len() {
				t.Errorf("%v: a closed writer took a record", f)
			}
		}
		var want, got bytes.Buffer
		encode.WriteTranscripts(&want, f, ts, nil)
		tw, _ := encode.NewTranscriptWriter(&got, f, nil)
		for i := range ts {
			tw.Write(&ts[i])
		}
		if tw.Close(); got.String() != want.String() {
			t.Errorf("%v: the TranscriptWriter wrote %q, WriteTranscripts %q", f, got.String(), want.String())
		}
		w := &failWriter{n: 40 << 10}
		fw, _ := encode.NewFileWriter(w, f, time.UTC)
		var first error
		for i := 0; first == nil && i < 100*len(files); i++ {
			first = fw.Write(&files[i%len(files)])
		}
		if first != errDiskFull || fw.Write(&files[0]) != errDiskFull || fw.Close() != errDiskFull {
			t.Errorf("%v: %v, want the writer's error from then on", f, first)
		}
	}
	if _, err := encode.NewFileWriter(&bytes.Buffer{}, filter.Format(9), nil); err == nil {
		t.Error("an unknown format accepted")
	}
}
