package encode_test

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// repeated reads head, then n copies of fill, then tail, without holding
// them in memory.
type repeated struct {
	head, tail string
	fill       byte
	n          int
	stage      int
}

func (r *repeated) Read(p []byte) (int, error) {
	switch {
	case r.head != "":
		n := copy(p, r.head)
		r.head = r.head[n:]
		return n, nil
	case r.n > 0:
		n := min(len(p), r.n)
		for i := range n {
			p[i] = r.fill
		}
		r.n -= n
		return n, nil
	case r.tail != "":
		n := copy(p, r.tail)
		r.tail = r.tail[n:]
		return n, nil
	}
	return 0, io.EOF
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestReadMemoryBounded: a reader's memory is bounded by the largest
// record, not by the input (issue 14, finding 4): 32 MiB of newlines
// between two tokens, or of blanks in one text, cost a bounded few MiB and
// are refused with a positioned error.
func TestReadMemoryBounded(t *testing.T) {
	const blank = 32 << 20
	tests := []struct {
		f          filter.Format
		head, tail string
		fill       byte
	}{
		{filter.JSON, `{"recordings":{"file":[`, `]}}`, '\n'},
		{filter.JSON, `{"recordings":{"file":[{"startDate":"2007-12-19T19:16:36-08:00","duration":"27","agentID":"`, `"}]}}`, ' '},
		{filter.XML, `<recordings>`, `</recordings>`, '\n'},
		{filter.XML, `<recordings><file><agentID>`, `</agentID></file></recordings>`, '\n'},
		{filter.CSV, "startDate,duration,agentID\r\n2007-12-19T19:16:36-08:00,27,\"", "\"\r\n", '\n'},
	}
	for _, tt := range tests {
		t.Run(tt.f.String()+"/"+tt.head[len(tt.head)-8:], func(t *testing.T) {
			var err error
			n := allocated(func() {
				_, err = encode.ReadFiles(&repeated{head: tt.head, tail: tt.tail, fill: tt.fill, n: blank}, tt.f)
			})
			var re *encode.ReadError
			if !errors.As(err, &re) || !strings.Contains(re.Msg, "MiB") || re.Line < 2 && tt.fill == '\n' {
				t.Errorf("error %v, want a *ReadError saying the bound, on a line past the first", err)
			}
			t.Logf("%.1f MiB allocated for %d MiB: %v", float64(n)/(1<<20), blank>>20, err)
			if n > 16<<20 {
				t.Errorf("%d MiB allocated for %d MiB of newlines", n>>20, blank>>20)
			}
		})
	}
}

const maxRecordBytesForTest = 1 << 20

// TestRecordBound: a record longer than encode.MaxRecordBytes (a transcript
// of too many messages) is refused, so that no response built from it is
// larger than a bounded size (issue 14, finding 5).
func TestRecordBound(t *testing.T) {
	msg := `<message><messageTime>2007-12-19T19:16:36-08:00</messageTime><originalMessage>` + strings.Repeat("x", 200) + `</originalMessage></message>`
	n := maxRecordBytesForTest/len(msg) + 1
	in := `<transcript><startDate>2007-12-19T19:16:36-08:00</startDate><duration>1</duration><messages>` + strings.Repeat(msg, n) + `</messages></transcript>`
	_, err := encode.ReadTranscripts(strings.NewReader(in), filter.XML)
	var re *encode.ReadError
	if !errors.As(err, &re) || re.Record != 1 || !strings.Contains(re.Msg, "longer than") {
		t.Fatalf("error %v, want record 1 longer than the bound", err)
	}
	in = `<transcript><startDate>2007-12-19T19:16:36-08:00</startDate><duration>1</duration><interactionGUID>g1</interactionGUID><messages>` + strings.Repeat(msg, n/2) + `</messages></transcript>`
	if ts, err := encode.ReadTranscripts(strings.NewReader(in), filter.XML); err != nil || len(ts[0].Messages) != n/2 {
		t.Errorf("a transcript of half the bound: %v", err)
	}
}

// TestHostileText: what the readers refuse, the same in the three formats.
func TestHostileText(t *testing.T) {
	xmlRec := func(field string) string {
		return `<recordings><file><startDate>2007-12-19T19:16:36-08:00</startDate><duration>1</duration>` + field + `</file></recordings>`
	}
	jsonRec := func(field string) string {
		return `{"recordings":{"file":[{"startDate":"2007-12-19T19:16:36-08:00","duration":"1"` + field + `}]}}`
	}
	csvRec := func(col, val string) string {
		return "startDate,duration," + col + "\r\n2007-12-19T19:16:36-08:00,1," + val + "\r\n"
	}
	tests := []struct {
		name string
		f    filter.Format
		in   string
		msg  string
	}{
		// Finding 8: durations past the bound overflow finish-date.
		{"xml/huge duration", filter.XML, strings.Replace(xmlRec(""), "<duration>1<", "<duration>9223372036854775807<", 1), "more than"},
		{"json/huge duration", filter.JSON, strings.Replace(jsonRec(""), `"duration":"1"`, `"duration":"2678401"`, 1), "more than"},
		{"csv/huge duration", filter.CSV, strings.Replace(csvRec("agentID", "a"), ",1,", ",99999999999,", 1), "more than"},
		// One rule for invalid UTF-8 and for characters no format carries.
		{"xml/NUL", filter.XML, xmlRec("<agentID>a\x00</agentID>"), "illegal character"},
		{"json/NUL", filter.JSON, jsonRec(`,"agentID":"a\u0000"`), "U+0000"},
		{"csv/NUL", filter.CSV, csvRec("agentID", "a\x00"), "U+0000"},
		{"xml/invalid UTF-8", filter.XML, xmlRec("<agentID>a\xff</agentID>"), "UTF-8"},
		{"json/invalid UTF-8", filter.JSON, jsonRec(`,"agentID":"a` + "\xff" + `"`), "UTF-8"},
		{"csv/invalid UTF-8", filter.CSV, csvRec("agentID", "a\xff"), "UTF-8"},
		{"csv/invalid UTF-8 in a list", filter.CSV, csvRec("metaDatas", "a:\xff"), "UTF-8"},
		// Confusing messages made clear.
		{"csv/CR line ends", filter.CSV, "startDate,duration\r2007-12-19T19:16:36-08:00,1\r", "CR"},
		{"xml/ISO-8859-1", filter.XML, "<?xml version='1.0' encoding='ISO-8859-1'?>" + xmlRec(""), "ISO-8859-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := encode.ReadFiles(strings.NewReader(tt.in), tt.f)
			var re *encode.ReadError
			if !errors.As(err, &re) || !strings.Contains(re.Msg, tt.msg) || re.Line < 1 {
				t.Errorf("got %d files and %v, want a *ReadError on a line saying …%s…", len(files), err, tt.msg)
			}
		})
	}
}

// TestEscapesQuoted: text taken from the input is quoted in messages, so a
// terminal escape in a CSV header or a JSON key is printed as \x1b, never
// sent raw (issue 14, finding 9).
func TestEscapesQuoted(t *testing.T) {
	const esc = "\x1b]0;pwned\x07"
	for _, in := range []struct {
		f  filter.Format
		in string
	}{
		{filter.CSV, "startDate,duration," + esc + "\r\n"},
		{filter.JSON, `{"recordings":{"file":[{"` + esc + `":"x"}]}}`},
		{filter.JSON, `{"` + esc + `":{}}`},
		{filter.CSV, "startDate,duration,wrapUpCode\r\n2007-12-19T19:16:36-08:00,1,a\\" + esc + "\r\n"},
		{filter.XML, "<recordings><file><agentID>x</agentID>" + esc + "</file></recordings>"},
	} {
		_, err := encode.ReadFiles(strings.NewReader(in.in), in.f)
		if err == nil {
			t.Fatalf("%q taken", in.in)
		}
		var re *encode.ReadError
		errors.As(err, &re)
		for _, s := range []string{err.Error(), re.Msg, re.Field} {
			if strings.ContainsAny(s, "\x1b\x07") {
				t.Errorf("%s %q: the message holds the raw escape: %q", in.f, in.in, s)
			}
		}
	}
}
