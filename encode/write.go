package encode

import (
	"io"
	"sync"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// WriteFiles writes the /files response holding files, in format f, to w:
// XML <recordings><file>…, JSON {"recordings":{"file":[…]}} or CSV with a
// header row. Dates are written in loc (each in its own zone when loc is
// nil), to the second. The text is written in chunks as it is made; an
// error of w stops the writing and is returned. A FileWriter writes the
// same text a record at a time.
func WriteFiles(w io.Writer, f filter.Format, files []record.File, loc *time.Location) error {
	l, err := fileList(w, f, loc)
	if err != nil {
		return err
	}
	for i := range files {
		if l.write(&files[i]) != nil {
			break
		}
	}
	return l.close()
}

// WriteTranscripts writes the /transcripts response holding ts, in format f,
// to w, as WriteFiles does. A list of transcripts has no messages: the
// transcripts' Messages are not written.
func WriteTranscripts(w io.Writer, f filter.Format, ts []record.Transcript, loc *time.Location) error {
	l, err := transcriptList(w, f, loc)
	if err != nil {
		return err
	}
	for i := range ts {
		if l.write(&ts[i]) != nil {
			break
		}
	}
	return l.close()
}

// WriteTranscript writes the /transcripts/{interactionGUID} response: one
// transcript with its messages, XML root <transcript>, JSON
// {"transcript":{…,"messages":{"message":[…]}}}. There is no CSV form: for
// filter.CSV it writes nothing and returns ErrNoCSV.
func WriteTranscript(w io.Writer, f filter.Format, t record.Transcript, loc *time.Location) error {
	switch f {
	case filter.XML, filter.JSON:
	case filter.CSV:
		return ErrNoCSV
	default:
		return &FormatError{f}
	}
	o := newOut(w, loc)
	if f == filter.XML {
		o.xmlTranscript(&t, &o.clock)
	} else {
		o.jsonTranscript(&t, &o.clock)
	}
	return o.finish()
}

// out is the text being written: records are appended to b, which is
// written to w whenever it holds a chunk.
type out struct {
	w       io.Writer
	b       []byte
	scratch []byte // a CSV cell being made
	clock   clock
	err     error
}

const (
	chunkSize = 32 << 10 // b is written to w once it holds this much
	keepSize  = 1 << 20  // larger buffers are not kept for reuse
)

var outPool = sync.Pool{New: func() any {
	return &out{b: make([]byte, 0, chunkSize+8<<10), scratch: make([]byte, 0, 256)}
}}

func newOut(w io.Writer, loc *time.Location) *out {
	o := outPool.Get().(*out)
	o.w, o.b, o.scratch, o.err = w, o.b[:0], o.scratch[:0], nil
	o.clock = clock{loc: loc}
	return o
}

// next writes b once it holds a chunk; it reports false after an error of w.
func (o *out) next() bool {
	if len(o.b) >= chunkSize {
		o.flush()
	}
	return o.err == nil
}

func (o *out) flush() {
	if len(o.b) > 0 && o.err == nil {
		_, o.err = o.w.Write(o.b)
	}
	o.b = o.b[:0]
}

// finish writes what is left and returns the first error of w.
func (o *out) finish() error {
	o.flush()
	err := o.err
	o.release()
	return err
}

func (o *out) release() {
	o.w, o.err = nil, nil
	if cap(o.b) <= keepSize && cap(o.scratch) <= keepSize {
		outPool.Put(o)
	}
}
