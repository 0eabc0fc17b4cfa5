package encode_test

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/record"
)

func genLocation(t *rapid.T) *time.Location {
	switch rapid.IntRange(0, 3).Draw(t, "loc") {
	case 0:
		return nil // each date in its own zone
	case 1:
		return time.UTC
	case 2:
		return pacific
	}
	return time.FixedZone("", rapid.IntRange(-14*60, 14*60).Draw(t, "loc offset")*60)
}

// inLoc is the instant t as written in loc and read back: in loc's offset
// (t's own when loc is nil), or in UTC when that offset has seconds.
func inLoc(t time.Time, loc *time.Location) time.Time {
	if loc != nil {
		t = t.In(loc)
	}
	if _, off := t.Zone(); off%60 != 0 {
		t = t.UTC()
	}
	return t
}

// TestPropertyRoundTrip: every format reads back the records it wrote, with
// each text as Sanitize makes it and each date in the writer's zone.
func TestPropertyRoundTrip(t *testing.T) {
	for _, f := range formats {
		t.Run("files/"+f.String(), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				files := rapid.SliceOfNDistinct(fuzz.AnyFile(), 0, 6, func(f record.File) string { return encode.Sanitize(f.Filename) }).Draw(t, "files")
				loc := genLocation(t)
				var b bytes.Buffer
				if err := encode.WriteFiles(&b, f, files, loc); err != nil {
					t.Fatal(err)
				}
				back, err := encode.ReadFiles(&b, f)
				if err != nil {
					t.Fatalf("%v in\n%s", err, b.String())
				}
				want := sanitizeFiles(files)
				for i := range want {
					want[i].StartDate = inLoc(want[i].StartDate, loc)
				}
				if diff := cmp.Diff(want, back, cmpOpts...); diff != "" {
					t.Fatalf("(-want +got):\n%s\nin\n%s", diff, b.String())
				}
			})
		})
		t.Run("transcripts/"+f.String(), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				ts := rapid.SliceOfNDistinct(fuzz.AnyTranscript(), 0, 6, func(t record.Transcript) string { return encode.Sanitize(t.InteractionGUID) }).Draw(t, "transcripts")
				loc := genLocation(t)
				var b bytes.Buffer
				if err := encode.WriteTranscripts(&b, f, ts, loc); err != nil {
					t.Fatal(err)
				}
				back, err := encode.ReadTranscripts(&b, f)
				want := sanitizeTranscripts(ts, false)
				if refusedGUID(t, err, want, b.String()) {
					return
				}
				if err != nil {
					t.Fatalf("%v in\n%s", err, b.String())
				}
				for i := range want {
					want[i].StartDate = inLoc(want[i].StartDate, loc)
				}
				if diff := cmp.Diff(want, back, cmpOpts...); diff != "" {
					t.Fatalf("(-want +got):\n%s\nin\n%s", diff, b.String())
				}
			})
		})
		if f == filter.CSV {
			continue
		}
		t.Run("transcript/"+f.String(), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				tr := fuzz.AnyTranscript().Draw(t, "transcript")
				loc := genLocation(t)
				var b bytes.Buffer
				if err := encode.WriteTranscript(&b, f, tr, loc); err != nil {
					t.Fatal(err)
				}
				back, err := encode.ReadTranscripts(&b, f)
				want := sanitizeTranscripts([]record.Transcript{tr}, true)
				if refusedGUID(t, err, want, b.String()) {
					return
				}
				if err != nil {
					t.Fatalf("%v in\n%s", err, b.String())
				}
				want[0].StartDate = inLoc(want[0].StartDate, loc)
				for i := range want[0].Messages {
					want[0].Messages[i].MessageTime = inLoc(want[0].Messages[i].MessageTime, loc)
				}
				if diff := cmp.Diff(want, back, cmpOpts...); diff != "" {
					t.Fatalf("(-want +got):\n%s\nin\n%s", diff, b.String())
				}
			})
		})
	}
}

// TestPropertySameText: a field has the same text in every format ([D-4]):
// what one format reads back, another writes and reads back alike.
func TestPropertySameText(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		files := rapid.SliceOfNDistinct(fuzz.AnyFile(), 1, 4, func(f record.File) string { return encode.Sanitize(f.Filename) }).Draw(t, "files")
		var results [][]record.File
		for _, f := range formats {
			var b bytes.Buffer
			if err := encode.WriteFiles(&b, f, files, time.UTC); err != nil {
				t.Fatal(err)
			}
			back, err := encode.ReadFiles(&b, f)
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, back)
		}
		for i := 1; i < len(results); i++ {
			if diff := cmp.Diff(results[0], results[i], cmpOpts...); diff != "" {
				t.Fatalf("xml and %s differ (-xml +%s):\n%s", formats[i], formats[i], diff)
			}
		}
	})
}

// TestPropertyNoPanic: readers refuse or take any text, mangled valid
// responses and random bytes alike, never panic, and return either records
// or an error (a *ReadError, since the reader never fails).
func TestPropertyNoPanic(t *testing.T) {
	var seeds [][]byte
	for _, f := range formats {
		var b bytes.Buffer
		encode.WriteFiles(&b, f, trickyFiles, pacific)
		seeds = append(seeds, b.Bytes())
		b.Reset()
		encode.WriteTranscripts(&b, f, []record.Transcript{docTranscriptWithMessages()}, pacific)
		seeds = append(seeds, b.Bytes())
	}
	var b bytes.Buffer
	encode.WriteTranscript(&b, filter.JSON, docTranscriptWithMessages(), nil)
	seeds = append(seeds, b.Bytes())
	b.Reset()
	encode.WriteTranscript(&b, filter.XML, docTranscriptWithMessages(), nil)
	seeds = append(seeds, b.Bytes())

	rapid.Check(t, func(t *rapid.T) {
		var in []byte
		if rapid.Bool().Draw(t, "random") {
			in = rapid.SliceOfN(rapid.Byte(), 0, 200).Draw(t, "bytes")
		} else {
			in = append([]byte(nil), rapid.SampledFrom(seeds).Draw(t, "seed")...)
			for range rapid.IntRange(1, 4).Draw(t, "edits") {
				if len(in) == 0 {
					break
				}
				i := rapid.IntRange(0, len(in)-1).Draw(t, "at")
				switch rapid.IntRange(0, 2).Draw(t, "edit") {
				case 0:
					in = append(in[:i], in[i+1:]...)
				case 1:
					in = append(in[:i], append([]byte{rapid.SampledFrom([]byte(`<>&"',:|\/{}[]0a`+"\n\r\x00\xff")).Draw(t, "byte")}, in[i:]...)...)
				case 2:
					in = in[:i]
				}
			}
		}
		f := rapid.SampledFrom(formats).Draw(t, "format")
		files, err := encode.ReadFiles(bytes.NewReader(in), f)
		checkResult(t, len(files), err)
		ts, err := encode.ReadTranscripts(bytes.NewReader(in), f)
		checkResult(t, len(ts), err)
		files, ts, err = encode.ReadRecords(bytes.NewReader(in), f)
		checkResult(t, len(files)+len(ts), err)
	})
}

func checkResult(t *rapid.T, n int, err error) {
	if err == nil {
		return
	}
	var re *encode.ReadError
	if !errors.As(err, &re) {
		t.Fatalf("error %v (%T) is not a *ReadError", err, err)
	}
	if n != 0 {
		t.Fatalf("%d records returned with the error %v", n, err)
	}
	if re.Msg == "" || re.Record < 0 || re.Line < 0 {
		t.Fatalf("bad ReadError %#v", re)
	}
}

// TestAllocs: writing a page of 50 files allocates little, in any format.
func TestAllocs(t *testing.T) {
	files := fuzz.Page()
	for _, f := range formats {
		t.Run(f.String(), func(t *testing.T) {
			allocs := testing.AllocsPerRun(100, func() {
				if err := encode.WriteFiles(io.Discard, f, files, pacific); err != nil {
					t.Fatal(err)
				}
			})
			if allocs > 2 {
				t.Errorf("%v allocations per page, want at most 2", allocs)
			}
		})
	}
	tr := docTranscriptWithMessages()
	for _, f := range formats[:2] {
		t.Run("transcript/"+f.String(), func(t *testing.T) {
			allocs := testing.AllocsPerRun(100, func() {
				if err := encode.WriteTranscript(io.Discard, f, tr, pacific); err != nil {
					t.Fatal(err)
				}
			})
			if allocs > 2 {
				t.Errorf("%v allocations, want at most 2", allocs)
			}
		})
	}
}

// failWriter takes n bytes, then fails.
type failWriter struct {
	n, calls int
}

var errDiskFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	w.calls++
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteError: an error of the writer stops the writing and is returned.
func TestWriteError(t *testing.T) {
	var many []record.File
	for range 20 {
		many = append(many, fuzz.Page()...)
	}
	for i := range many {
		many[i].Filename += strconv.Itoa(i)
	}
	for _, f := range formats {
		t.Run(f.String(), func(t *testing.T) {
			w := &failWriter{n: 40 << 10}
			if err := encode.WriteFiles(w, f, many, time.UTC); err != errDiskFull {
				t.Fatalf("got %v, want %v", err, errDiskFull)
			}
			if w.calls != 2 {
				t.Errorf("%d writes, want 2: one good chunk, one failing, then no more", w.calls)
			}
		})
	}
}

// TestChunks: a long list is written in chunks, not held whole.
func TestChunks(t *testing.T) {
	var many []record.File
	for range 20 {
		many = append(many, fuzz.Page()...)
	}
	for _, f := range formats {
		t.Run(f.String(), func(t *testing.T) {
			w := &maxWriter{}
			if err := encode.WriteFiles(w, f, many, time.UTC); err != nil {
				t.Fatal(err)
			}
			if w.calls < 5 || w.max > 64<<10 {
				t.Errorf("%d writes of at most %d bytes for %d bytes", w.calls, w.max, w.total)
			}
		})
	}
}

type maxWriter struct{ calls, max, total int }

func (w *maxWriter) Write(p []byte) (int, error) {
	w.calls++
	w.max = max(w.max, len(p))
	w.total += len(p)
	return len(p), nil
}

func TestUnknownFormat(t *testing.T) {
	var fe *encode.FormatError
	if err := encode.WriteFiles(io.Discard, filter.Format(7), nil, nil); !errors.As(err, &fe) {
		t.Errorf("WriteFiles: got %v", err)
	}
	if err := encode.WriteTranscripts(io.Discard, filter.Format(7), nil, nil); !errors.As(err, &fe) {
		t.Errorf("WriteTranscripts: got %v", err)
	}
	if err := encode.WriteTranscript(io.Discard, filter.Format(7), record.Transcript{}, nil); !errors.As(err, &fe) {
		t.Errorf("WriteTranscript: got %v", err)
	}
	if _, err := encode.ReadFiles(bytes.NewReader(nil), filter.Format(7)); !errors.As(err, &fe) {
		t.Errorf("ReadFiles: got %v", err)
	}
	if _, err := encode.ReadTranscripts(bytes.NewReader(nil), filter.Format(7)); !errors.As(err, &fe) {
		t.Errorf("ReadTranscripts: got %v", err)
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name string
		want filter.Format
		ok   bool
	}{
		{"files.xml", filter.XML, true},
		{"data/files.json", filter.JSON, true},
		{"EXPORT.CSV", filter.CSV, true},
		{"a.b.Json", filter.JSON, true},
		{"files.txt", filter.XML, false},
		{"files", filter.XML, false},
		{"xml", filter.XML, false},
		{".csv", filter.CSV, true},
		{"files.xml.gz", filter.XML, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := encode.DetectFormat(tt.name)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"tab\tLF\nCR\r", "tab\tLF\nCR\r"},
		{"nul\x00", "nul\uFFFD"},
		{"bad\xff\xfe", "bad\uFFFD\uFFFD"},
		{"\uFFFE\uFFFF", "\uFFFD\uFFFD"},
		{"ünï ☎ 🎧 \u2028 \x7f", "ünï ☎ 🎧 \u2028 \x7f"},
	}
	for _, tt := range tests {
		t.Run(strconv.Quote(tt.in), func(t *testing.T) {
			if got := encode.Sanitize(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// errReader fails after its text.
type errReader struct{ r io.Reader }

var errNetwork = errors.New("connection reset")

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, errNetwork
	}
	return n, err
}

// TestReaderError: an error of the reader is returned as it is, with no
// records.
func TestReaderError(t *testing.T) {
	for _, f := range formats {
		t.Run(f.String(), func(t *testing.T) {
			var b bytes.Buffer
			encode.WriteFiles(&b, f, trickyFiles, nil)
			half := b.Bytes()[:b.Len()/2]
			files, err := encode.ReadFiles(&errReader{bytes.NewReader(half)}, f)
			if err != errNetwork || files != nil {
				t.Errorf("got %d files and %v, want %v", len(files), err, errNetwork)
			}
			files, err = encode.ReadFiles(&errReader{&b}, f)
			if err != errNetwork || files != nil {
				t.Errorf("whole text: got %d files and %v, want %v", len(files), err, errNetwork)
			}
		})
	}
}

// refusedGUID checks the law of an interactionGUID the API's path refuses
// (filter.GUIDFault): reading refuses the first transcript that has one,
// naming its record and field. It reports whether want has one.
func refusedGUID(t *rapid.T, err error, want []record.Transcript, text string) bool {
	for i := range want {
		if _, _, msg := filter.GUIDFault(want[i].InteractionGUID); msg != "" {
			var re *encode.ReadError
			if !errors.As(err, &re) || re.Record != i+1 || re.Field != "interactionGUID" {
				t.Fatalf("transcript %d's interactionGUID %q: %v, want a ReadError of record %d's interactionGUID in\n%s", i+1, want[i].InteractionGUID, err, i+1, text)
			}
			return true
		}
	}
	return false
}
