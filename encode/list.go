package encode

import (
	"errors"
	"io"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// FileWriter writes a /files response one record at a time, the text that
// WriteFiles writes for the same records: `recq get` writes each page as it
// comes, so that its memory is bounded by a page, not by the listing
// (docs/CLIENT.md). Nothing is written before the first record or Close
// (a list without records has its own form: <recordings />).
type FileWriter struct {
	l list[record.File]
}

// NewFileWriter returns a writer of a /files response in format f to w,
// dates in loc (each in its own zone when loc is nil).
func NewFileWriter(w io.Writer, f filter.Format, loc *time.Location) (*FileWriter, error) {
	l, err := fileList(w, f, loc)
	if err != nil {
		return nil, err
	}
	return &FileWriter{l: l}, nil
}

func fileList(w io.Writer, f filter.Format, loc *time.Location) (list[record.File], error) {
	var rec func(*out, *record.File, *clock)
	switch f {
	case filter.XML:
		rec = (*out).xmlFile
	case filter.JSON:
		rec = (*out).jsonFile
	case filter.CSV:
		rec = (*out).csvFile
	default:
		return list[record.File]{}, &FormatError{f}
	}
	return list[record.File]{o: newOut(w, loc), form: listForms(f, csvFileHeader, jsonFilesOpen, jsonFilesEmpty), rec: rec}, nil
}

// Write writes f. The text goes to w in chunks (of 32 KiB): some of it
// may wait for the next Write or Close. The first error of w is returned,
// by this and every later call.
func (fw *FileWriter) Write(f *record.File) error { return fw.l.write(f) }

// Flush writes the text of the records written so far, without the end of
// the response: recq get shows what it had when a walk fails.
func (fw *FileWriter) Flush() error { return fw.l.flush() }

// Close writes the end of the response (or the empty list) and what is
// left of the text, and returns the first error of w. A writer is closed
// once; it writes nothing after.
func (fw *FileWriter) Close() error { return fw.l.close() }

// TranscriptWriter writes a /transcripts response (without messages) one
// record at a time, as FileWriter does for files.
type TranscriptWriter struct {
	l list[record.Transcript]
}

// NewTranscriptWriter returns a writer of a /transcripts response in format
// f to w, dates in loc (each in its own zone when loc is nil).
func NewTranscriptWriter(w io.Writer, f filter.Format, loc *time.Location) (*TranscriptWriter, error) {
	l, err := transcriptList(w, f, loc)
	if err != nil {
		return nil, err
	}
	return &TranscriptWriter{l: l}, nil
}

func transcriptList(w io.Writer, f filter.Format, loc *time.Location) (list[record.Transcript], error) {
	var rec func(*out, *record.Transcript, *clock)
	switch f {
	case filter.XML:
		rec = (*out).xmlListTranscript
	case filter.JSON:
		rec = (*out).jsonListTranscript
	case filter.CSV:
		rec = (*out).csvTranscript
	default:
		return list[record.Transcript]{}, &FormatError{f}
	}
	return list[record.Transcript]{o: newOut(w, loc), form: listForms(f, csvTranscriptHeader, jsonTranscriptsOpen, jsonTranscriptsNone), rec: rec}, nil
}

// Write writes t (its Messages are not: a list has none).
func (tw *TranscriptWriter) Write(t *record.Transcript) error { return tw.l.write(t) }

// Flush is FileWriter.Flush.
func (tw *TranscriptWriter) Flush() error { return tw.l.flush() }

// Close is FileWriter.Close.
func (tw *TranscriptWriter) Close() error { return tw.l.close() }

// errClosed is returned by Write and Close after Close.
var errClosed = errors.New("encode: the list writer is closed")

// form is the text around the records of a list: before the first,
// between two, after the last, and the whole list without records.
type form struct {
	open, sep, close, empty string
}

func listForms(f filter.Format, csvHeader, jsonOpen, jsonEmpty string) form {
	switch f {
	case filter.XML:
		return form{open: xmlDecl + xmlRecordings.open, close: xmlRecordings.close, empty: xmlDecl + xmlRecordings.empty}
	case filter.JSON:
		return form{open: jsonOpen, sep: ",\n", close: jsonListClose, empty: jsonEmpty}
	}
	return form{open: csvHeader, empty: csvHeader}
}

// list writes the records of one list to an out, which it releases when
// closed.
type list[R any] struct {
	o    *out
	form form
	rec  func(*out, *R, *clock)
	n    int
	err  error // the first error, kept once o is released
}

func (l *list[R]) write(r *R) error {
	switch {
	case l.o == nil:
		return l.err
	case l.o.err != nil:
		return l.o.err
	}
	if l.n == 0 {
		l.o.b = append(l.o.b, l.form.open...)
	} else {
		l.o.b = append(l.o.b, l.form.sep...)
	}
	l.rec(l.o, r, &l.o.clock)
	l.n++
	l.o.next()
	return l.o.err
}

func (l *list[R]) flush() error {
	if l.o == nil {
		return l.err
	}
	l.o.flush()
	return l.o.err
}

func (l *list[R]) close() error {
	if l.o == nil {
		return l.err
	}
	if l.o.err == nil {
		if l.n == 0 {
			l.o.b = append(l.o.b, l.form.empty...)
		} else {
			l.o.b = append(l.o.b, l.form.close...)
		}
	}
	err := l.o.finish()
	l.o, l.err = nil, errClosed
	if err != nil {
		l.err = err
	}
	return err
}
