package encode

import (
	"bufio"
	"bytes"
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
			return nil, err
		}
		return files, nil
	case filter.CSV:
		files, err := readCSVFiles(newCSVReader(r))
		if err != nil {
			return nil, err
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
			return nil, err
		}
		return ts, nil
	case filter.CSV:
		ts, err := readCSVTranscripts(newCSVReader(r))
		if err != nil {
			return nil, err
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
	switch f {
	case filter.XML, filter.JSON:
		p := newTree(r, f)
		files, ts, err := p.records()
		if err != nil {
			return nil, nil, err
		}
		return files, ts, nil
	case filter.CSV:
		return readCSVRecords(newCSVReader(r))
	}
	return nil, nil, &FormatError{f}
}

// input counts what is read from r and keeps its first error, so that an
// error of r is told from a fault of the text; when count is set it also
// keeps the offsets of the newlines not yet passed, for lineAt.
type input struct {
	r      io.Reader
	count  bool
	off    int64   // bytes read
	nl     []int64 // offsets of newlines at or after the last lineAt
	passed int     // newlines before the last lineAt
	err    error   // the first error of r but io.EOF
}

func (in *input) Read(p []byte) (int, error) {
	n, err := in.r.Read(p)
	if in.count {
		for i := 0; i < n; {
			j := bytes.IndexByte(p[i:n], '\n')
			if j < 0 {
				break
			}
			in.nl = append(in.nl, in.off+int64(i+j))
			i += j + 1
		}
	}
	in.off += int64(n)
	if err != nil && err != io.EOF && in.err == nil {
		in.err = err
	}
	return n, err
}

// lineAt returns the 1-based line of the byte at off. Calls must not go back:
// the newlines before off are forgotten.
func (in *input) lineAt(off int64) int {
	i := 0
	for i < len(in.nl) && in.nl[i] < off {
		i++
	}
	if i > 0 {
		in.passed += i
		in.nl = append(in.nl[:0], in.nl[i:]...)
	}
	return in.passed + 1
}

// open wraps r for reading: the byte order mark is skipped, and bom tells
// whether there was one.
func open(r io.Reader, count bool) (in *input, br *bufio.Reader, bom int64) {
	in = &input{r: r, count: count}
	br = bufio.NewReaderSize(in, 64<<10)
	if b, _ := br.Peek(3); string(b) == "\uFEFF" {
		br.Discard(3)
		bom = 3
	}
	return in, br, bom
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

func duplicate(what, key string, earlier int) string {
	return "duplicate " + what + " " + strconv.Quote(key) + ": record " + strconv.Itoa(earlier) + " has it too"
}

// setField sets fd of r from its text; it returns what is wrong, or "".
func setField[R any](fd *field[R], r *R, s string) string {
	switch fd.kind {
	case kindText:
		*fd.text(r) = Sanitize(s) // the text a writer would write, so a read file matches as a written one
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
