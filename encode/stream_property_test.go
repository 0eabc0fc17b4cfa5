package encode_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/record"
)

// TestPropertyStreamIsRead: on any text — generated records written in
// any format, then maybe mangled — StreamRecords hands over exactly the
// records ReadRecords returns, in order, or fails with the same fault.
func TestPropertyStreamIsRead(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := rapid.SampledFrom(formats).Draw(t, "format")
		var b bytes.Buffer
		if rapid.Bool().Draw(t, "files") {
			files := rapid.SliceOfNDistinct(fuzz.AnyFile(), 0, 6, func(f record.File) string { return encode.Sanitize(f.Filename) }).Draw(t, "records")
			if err := encode.WriteFiles(&b, f, files, genLocation(t)); err != nil {
				t.Fatal(err)
			}
		} else {
			ts := rapid.SliceOfNDistinct(fuzz.AnyTranscript(), 0, 6, func(t record.Transcript) string { return encode.Sanitize(t.InteractionGUID) }).Draw(t, "records")
			if err := encode.WriteTranscripts(&b, f, ts, genLocation(t)); err != nil {
				t.Fatal(err)
			}
		}
		in := b.Bytes()
		for range rapid.IntRange(0, 3).Draw(t, "edits") {
			if len(in) == 0 {
				break
			}
			i := rapid.IntRange(0, len(in)-1).Draw(t, "at")
			in = append(in[:i], append([]byte{rapid.SampledFrom([]byte(`<>&"',:|\/{}[]0a`+"\n\r\x00\xff")).Draw(t, "byte")}, in[i+1:]...)...)
		}
		wantFiles, wantTs, wantErr := encode.ReadRecords(bytes.NewReader(in), f)
		var files []record.File
		var ts []record.Transcript
		err := encode.StreamRecords(bytes.NewReader(in), f,
			func(x *record.File) error { files = append(files, *x); return nil },
			func(x *record.Transcript) error { ts = append(ts, *x); return nil })
		if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("StreamRecords: %v; ReadRecords: %v", err, wantErr)
		}
		if err == nil && (!cmp.Equal(files, wantFiles, cmpOpts...) || !cmp.Equal(ts, wantTs, cmpOpts...)) {
			t.Fatalf("streamed %d files and %d transcripts, read %d and %d:\n%s", len(files), len(ts), len(wantFiles), len(wantTs), cmp.Diff(wantFiles, files, cmpOpts...))
		}
	})
}
