package encode

import (
	"io"
	"strconv"
	"strings"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// ReadFiles reads files from r, a /files response in format f, for `recq
// eval --data` and `recq serve --data`: XML <recordings><file>…, JSON
// {"recordings":{"file":[…]}} or CSV with a header row, as the writers of
// this package write them and as the API document shows them, with its
// </channelname> quirk (an end tag is matched to its start tag ignoring
// case). A leading UTF-8 byte order mark is skipped.
//
// Every record needs a startDate with an offset (RFC 3339) and a duration
// in whole seconds; the other fields may be left out (they read as "").
// Unknown elements and columns are refused, and so is a field given twice
// in a record and a filename that an earlier file has. Elements may come in
// any order, blanks between elements are ignored; a field's text is kept as
// it is, but blanks around a date or a duration are ignored. For JSON a
// repeated element may also be a lone object or string, an empty element
// "", {} or null, and a leaf a JSON number (its text).
//
// The text is read as a stream, a record at a time. A fault is returned as
// a *ReadError with its line and record, an error of r as it is; either way
// no records are returned.
func ReadFiles(r io.Reader, f filter.Format) ([]record.File, error) {
	switch f {
	case filter.XML, filter.JSON:
		p := newTree(r, f)
		files, err := p.files()
		if err != nil {
			return nil, clean(err)
		}
		return files, nil
	case filter.CSV:
		files, err := readCSVFiles(newCSVReader(r))
		if err != nil {
			return nil, clean(err)
		}
		return files, nil
	}
	return nil, &FormatError{f}
}

// ReadTranscripts reads transcripts from r in format f, as ReadFiles reads
// files: a /transcripts list (XML <recordings><transcript>…, JSON
// {"recordings":{"transcript":[…]}}, CSV with a header row) or, for XML and
// JSON, one transcript with its messages (root <transcript>, JSON
// {"transcript":{…}}). Messages are read wherever they are; each needs a
// messageTime with an offset. An interactionGUID that an earlier transcript
// has is refused.
func ReadTranscripts(r io.Reader, f filter.Format) ([]record.Transcript, error) {
	switch f {
	case filter.XML, filter.JSON:
		p := newTree(r, f)
		ts, err := p.transcripts()
		if err != nil {
			return nil, clean(err)
		}
		return ts, nil
	case filter.CSV:
		ts, err := readCSVTranscripts(newCSVReader(r))
		if err != nil {
			return nil, clean(err)
		}
		return ts, nil
	}
	return nil, &FormatError{f}
}

// ReadRecords reads files or transcripts from r in format f, whichever r
// holds, as ReadFiles and ReadTranscripts do: for XML and JSON a list
// (<recordings> may hold <file> and <transcript> elements both) or one
// transcript; for CSV the files' or the transcripts' columns, told apart by
// the header row (a header naming only columns of both, such as
// startDate,duration, is refused).
func ReadRecords(r io.Reader, f filter.Format) ([]record.File, []record.Transcript, error) {
	var files []record.File
	var ts []record.Transcript
	err := StreamRecords(r, f, func(x *record.File) error { files = append(files, *x); return nil },
		func(t *record.Transcript) error { ts = append(ts, *t); return nil })
	if err != nil {
		return nil, nil, err
	}
	return files, ts, nil
}

// StreamRecords reads files or transcripts from r in format f as
// ReadRecords does, but hands each record to file or transcript as soon as
// it is read and checked, in the order of the text, instead of collecting
// them: `recq load` copies a record into the database while the next is
// being read (docs/POSTGRES.md, "Loading"). The record handed over may be
// the reader's own, cleared for the next: a handler that keeps it copies
// it (its strings and lists are its own, never reused). An error of a
// handler stops the reading and is returned as it is.
// A fault of the text is a *ReadError, as ReadRecords returns it, found
// after the records before it were handed over: a caller that must keep
// nothing of a refused file discards them (a transaction rolled back).
func StreamRecords(r io.Reader, f filter.Format, file func(*record.File) error, transcript func(*record.Transcript) error) error {
	switch f {
	case filter.XML, filter.JSON:
		return clean(newTree(r, f).records(file, transcript))
	case filter.CSV:
		return clean(readCSVRecords(newCSVReader(r), file, transcript))
	}
	return &FormatError{f}
}

// suggest returns "; did you mean X?" when name matches one of names but
// for case, else "".
func suggest(name string, names ...string) string {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return "; did you mean " + n + "?"
		}
	}
	return ""
}

// guidFault is what the API's path grammar refuses in an interactionGUID
// (filter.GUIDFault), or "": a transcript the API would list but could not
// open or delete is refused when read (docs/SERVING.md).
func guidFault(guid string) string {
	_, _, msg := filter.GUIDFault(guid)
	if msg == "" {
		return ""
	}
	return strconv.Quote(guid) + " cannot be named by /transcripts/{interactionGUID}: " + msg
}

func duplicate(what, key string, earlier int) string {
	return "duplicate " + what + " " + strconv.Quote(key) + ": record " + strconv.Itoa(earlier) + " has it too"
}

// setField sets fd of r from its text; it returns what is wrong, or "".
func setField[R any](fd *field[R], r *R, s string) string {
	switch fd.kind {
	case kindText:
		if msg := checkText(s); msg != "" {
			return msg
		}
		*fd.text(r) = s
	case kindDate:
		t, msg := parseDate(s)
		if msg != "" {
			return msg
		}
		*fd.date(r) = t
	case kindNumber:
		n, msg := parseDuration(s)
		if msg != "" {
			return msg
		}
		*fd.num(r) = n
	}
	return ""
}

func fieldNames[R any](fs []field[R], more ...string) []string {
	names := make([]string, 0, len(fs)+len(more))
	for i := range fs {
		names = append(names, fs[i].name)
	}
	return append(names, more...)
}

var (
	tcFields = []field[record.TransactionCode]{
		textField(elemListName, func(c *record.TransactionCode) *string { return &c.ListName }),
		textField(elemName, func(c *record.TransactionCode) *string { return &c.Name }),
	}
	mdFields = []field[record.MetaData]{
		textField(elemFieldName, func(m *record.MetaData) *string { return &m.FieldName }),
		textField(elemFieldValue, func(m *record.MetaData) *string { return &m.FieldValue }),
	}
)
