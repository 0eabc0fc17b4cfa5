package encode

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/recq/recq/record"
)

// csvReader reads RFC 4180 rows, a row at a time, keeping the line of each
// field. It is encoding/csv's Reader but that the text of a quoted field is
// kept exactly: csv.Reader turns a CRLF inside a quoted field into LF, so a
// chat message holding CRLF would not read back as it was written.
// Rows end in CRLF or LF; blank lines are skipped; the last row may lack
// its line end.
type csvReader struct {
	r     *bufio.Reader
	in    *input
	line  int    // the line of the next byte
	buf   []byte // the row's fields, one after another
	ends  []int  // where each field ends in buf
	lines []int  // the line where each field starts
	row   string // buf as a string, which the fields are sliced from
}

func newCSVReader(r io.Reader) *csvReader {
	in := &input{r: r}
	br, _ := open(in)
	return &csvReader{r: br, in: in, line: 1}
}

func (c *csvReader) n() int { return len(c.ends) }

// field returns the i-th field of the row read last.
func (c *csvReader) field(i int) string {
	start := 0
	if i > 0 {
		start = c.ends[i-1]
	}
	return c.row[start:c.ends[i]]
}

func (c *csvReader) fault(line int, msg string) error {
	return &ReadError{Line: line, Msg: "malformed CSV: " + msg}
}

// readErr returns err, an error of ReadByte that is not io.EOF: the
// reader's error.
func (c *csvReader) readErr(err error) error {
	if c.in.err != nil {
		return c.in.err
	}
	return err
}

// next reads a row; it returns io.EOF after the last one.
func (c *csvReader) next() error {
	c.buf, c.ends, c.lines = c.buf[:0], c.ends[:0], c.lines[:0]
	for { // blank lines
		b, err := c.r.ReadByte()
		if err == io.EOF {
			return io.EOF
		}
		if err != nil {
			return c.readErr(err)
		}
		if b == '\n' {
			c.line++
			continue
		}
		if b == '\r' {
			if nb, err := c.r.Peek(1); err == nil && nb[0] == '\n' {
				continue
			}
		}
		c.r.UnreadByte()
		break
	}
	for {
		if len(c.buf)+len(c.ends) > MaxRecordBytes { // the commas count too
			return c.fault(c.lines[0], "the row is longer than "+mib(MaxRecordBytes)+" (encode.MaxRecordBytes)")
		}
		c.lines = append(c.lines, c.line)
		end, err := c.readField()
		c.ends = append(c.ends, len(c.buf))
		if err != nil {
			return err
		}
		if end {
			c.row = string(c.buf)
			return nil
		}
	}
}

// readField reads one field and what follows it: end reports whether that
// was the row's end.
func (c *csvReader) readField() (end bool, err error) {
	b, err := c.r.ReadByte()
	if err == io.EOF {
		return true, nil
	}
	if err != nil {
		return false, c.readErr(err)
	}
	if b == '"' {
		start := c.line
		for {
			b, err := c.r.ReadByte()
			if err == io.EOF {
				return false, c.fault(start, "a quoted field is not closed: the file ends inside it")
			}
			if err != nil {
				return false, c.readErr(err)
			}
			if b == '\n' {
				c.line++
			}
			if b != '"' {
				c.buf = append(c.buf, b)
				if len(c.buf) > MaxRecordBytes {
					return false, c.fault(c.lines[0], "the row is longer than "+mib(MaxRecordBytes)+" (encode.MaxRecordBytes)")
				}
				continue
			}
			b, err = c.r.ReadByte()
			switch {
			case err == io.EOF:
				return true, nil
			case err != nil:
				return false, c.readErr(err)
			case b == '"':
				c.buf = append(c.buf, '"')
				continue
			case b == ',':
				return false, nil
			case b == '\n':
				c.line++
				return true, nil
			case b == '\r':
				if nb, err := c.r.Peek(1); err == nil && nb[0] == '\n' {
					c.r.ReadByte()
					c.line++
					return true, nil
				}
			}
			return false, c.fault(c.line, "after a quoted field comes a comma or the line's end, not "+strconv.QuoteRune(rune(b))+"; write \"\" for a \" inside the field")
		}
	}
	start := len(c.buf)
	for {
		switch b {
		case ',':
			return false, nil
		case '\n':
			c.line++
			if n := len(c.buf); n > start && c.buf[n-1] == '\r' {
				c.buf = c.buf[:n-1]
			}
			return true, nil
		case '"':
			return false, c.fault(c.line, "a \" in a field that is not quoted; quote the field and write the \" twice")
		}
		c.buf = append(c.buf, b)
		// The bytes up to the next comma, line feed or quote that are
		// already buffered, at once rather than a byte at a time.
		if ahead, _ := c.r.Peek(c.r.Buffered()); len(ahead) > 0 {
			n := plainRun(ahead)
			c.buf = append(c.buf, ahead[:n]...)
			c.r.Discard(n)
		}
		if len(c.buf) > MaxRecordBytes {
			return false, c.fault(c.lines[0], "the row is longer than "+mib(MaxRecordBytes)+" (encode.MaxRecordBytes)")
		}
		b, err = c.r.ReadByte()
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return false, c.readErr(err)
		}
	}
}

// plainRun returns how many bytes of p come before the first comma, line
// feed or quote: the rest of an unquoted field.
func plainRun(p []byte) int {
	for i, b := range p {
		if b == ',' || b == '\n' || b == '"' {
			return i
		}
	}
	return len(p)
}

// csvColumn is what a column of the header holds: a leaf (field >= 0) or a
// nested list (list).
type csvColumn struct {
	name  string
	field int
	list  string
}

// readCSVHeader reads the header row.
func readCSVHeader(c *csvReader) error {
	err := c.next()
	if err == io.EOF {
		return &ReadError{Line: 1, Msg: "the file is empty: a CSV file starts with a header row naming its columns"}
	}
	if err != nil {
		return err
	}
	for i := range c.n() {
		if strings.Contains(c.field(i), "\r") {
			return &ReadError{Line: c.lines[i], Msg: "the header row holds a carriage return (CR) not followed by a line feed: the file's lines seem to end in CR alone; end them in CRLF or LF"}
		}
	}
	return nil
}

// csvColumns returns the columns of the header row read last; every column
// must be known and given once, and the dates and numbers must be there.
func csvColumns[R any](c *csvReader, fs []field[R], lists ...string) ([]csvColumn, error) {
	cols := make([]csvColumn, c.n())
	seen := make(map[string]bool)
	for i := range cols {
		name := c.field(i)
		col := csvColumn{name: name, field: fieldIndex(fs, name)}
		if col.field < 0 {
			for _, l := range lists {
				if l == name {
					col.list = l
				}
			}
			if col.list == "" {
				return nil, &ReadError{Line: c.lines[i], Field: name, Msg: "unknown column " + strconv.Quote(name) + suggest(name, fieldNames(fs, lists...)...)}
			}
		}
		if seen[name] {
			return nil, &ReadError{Line: c.lines[i], Field: name, Msg: "the column " + name + " is given twice"}
		}
		seen[name] = true
		cols[i] = col
	}
	for i := range fs {
		if fs[i].kind != kindText && !seen[fs[i].name] {
			return nil, &ReadError{Line: c.lines[0], Field: fs[i].name, Msg: "the header has no column " + fs[i].name}
		}
	}
	return cols, nil
}

// readCSVRows reads the rows after the header, handing each to each with
// its 1-based index.
func readCSVRows(c *csvReader, cols []csvColumn, each func(rec int) error) error {
	for rec := 1; ; rec++ {
		err := c.next()
		if err == io.EOF {
			return nil
		}
		if re, ok := err.(*ReadError); ok {
			re.Record = rec
		}
		if err != nil {
			return err
		}
		if c.n() != len(cols) {
			return &ReadError{Line: c.lines[0], Record: rec, Msg: "the row has " + strconv.Itoa(c.n()) + " fields; the header has " + strconv.Itoa(len(cols))}
		}
		if err := each(rec); err != nil {
			return err
		}
	}
}

func readCSVFiles(c *csvReader) ([]record.File, error) {
	if err := readCSVHeader(c); err != nil {
		return nil, err
	}
	return readCSVFileRows(c)
}

// readCSVFileRows reads the rows of files after the header row.
func readCSVFileRows(c *csvReader) ([]record.File, error) {
	var out []record.File
	err := streamCSVFileRows(c, func(f *record.File) error { out = append(out, *f); return nil })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// streamCSVFileRows reads the rows of files after the header row, handing
// each to emit.
func streamCSVFileRows(c *csvReader, emit func(*record.File) error) error {
	return readCSVRecordRows(c, fileFields, "filename", func(f *record.File) string { return f.Filename }, nil, emit,
		func(f *record.File, list, s string) string {
			if list == colWrapUpCode {
				return parseList(s, func(x, y string) {
					f.TransactionCodes = append(f.TransactionCodes, record.TransactionCode{ListName: Sanitize(x), Name: Sanitize(y)})
				})
			}
			return parseList(s, func(x, y string) {
				f.MetaData = append(f.MetaData, record.MetaData{FieldName: Sanitize(x), FieldValue: Sanitize(y)})
			})
		}, colWrapUpCode, colMetaDatas)
}

func readCSVTranscripts(c *csvReader) ([]record.Transcript, error) {
	if err := readCSVHeader(c); err != nil {
		return nil, err
	}
	return readCSVTranscriptRows(c)
}

// readCSVTranscriptRows reads the rows of transcripts after the header row.
func readCSVTranscriptRows(c *csvReader) ([]record.Transcript, error) {
	var out []record.Transcript
	err := streamCSVTranscriptRows(c, func(t *record.Transcript) error { out = append(out, *t); return nil })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// streamCSVTranscriptRows reads the rows of transcripts after the header
// row, handing each to emit.
func streamCSVTranscriptRows(c *csvReader, emit func(*record.Transcript) error) error {
	return readCSVRecordRows(c, transcriptFields, "interactionGUID", func(t *record.Transcript) string { return t.InteractionGUID }, guidFault, emit,
		func(t *record.Transcript, _, s string) string {
			return parseList(s, func(x, y string) {
				t.MetaData = append(t.MetaData, record.MetaData{FieldName: Sanitize(x), FieldValue: Sanitize(y)})
			})
		}, colMetaDatas)
}

// readCSVRecordRows reads rows of records: each field by its column, each
// nested list column by setList, and each key (keyName) once and, when
// checkKey is not nil, as checkKey takes it, handing each record to emit,
// whose error stops the reading and is returned as it is.
func readCSVRecordRows[R any](c *csvReader, fs []field[R], keyName string, key func(*R) string, checkKey func(string) string, emit func(*R) error,
	setList func(r *R, list, s string) string, lists ...string) error {
	cols, err := csvColumns(c, fs, lists...)
	if err != nil {
		return err
	}
	seen := make(map[string]int)
	// One record, cleared for each row: emit copies what it keeps.
	r := new(R)
	return readCSVRows(c, cols, func(rec int) error {
		*r = *new(R)
		keyLine := c.lines[0]
		for i, col := range cols {
			s := c.field(i)
			msg := checkText(s)
			switch {
			case msg != "":
			case col.field >= 0:
				msg = setField(&fs[col.field], r, s)
				if fs[col.field].name == keyName {
					keyLine = c.lines[i]
				}
			case col.list != "":
				msg = setList(r, col.list, s)
			}
			if msg != "" {
				return &ReadError{Line: c.lines[i], Record: rec, Field: col.name, Msg: msg}
			}
		}
		if checkKey != nil {
			if msg := checkKey(key(r)); msg != "" {
				return &ReadError{Line: keyLine, Record: rec, Field: keyName, Msg: msg}
			}
		}
		if earlier, dup := seen[key(r)]; dup {
			return &ReadError{Line: keyLine, Record: rec, Field: keyName, Msg: duplicate(keyName, key(r), earlier)}
		}
		seen[key(r)] = rec
		return emit(r)
	})
}

// parseList reads a nested list's cell ([D-13]): entries joined by |, each
// entry's two parts by :, \ escaping |, : and \. It returns what is wrong,
// or "".
func parseList(s string, add func(x, y string)) string {
	if s == "" {
		return ""
	}
	var part []byte
	var first string
	colon := false
	entry := 1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 == len(s) {
				return "the text ends in a lone \\; write \\\\ for a backslash"
			}
			n := s[i+1]
			if n != '|' && n != ':' && n != '\\' {
				return "\\" + string(rune(n)) + " in entry " + strconv.Itoa(entry) + " is not an escape: \\ escapes only |, : and \\ (write \\\\ for a backslash)"
			}
			part = append(part, n)
			i++
		case ':':
			if colon {
				return "entry " + strconv.Itoa(entry) + " has a second : (write \\: for a : inside a part)"
			}
			first, part, colon = string(part), part[:0], true
		case '|':
			if !colon {
				return "entry " + strconv.Itoa(entry) + " has no : between its two parts"
			}
			add(first, string(part))
			part, colon = part[:0], false
			entry++
		default:
			part = append(part, c)
		}
	}
	if !colon {
		return "entry " + strconv.Itoa(entry) + " has no : between its two parts"
	}
	add(first, string(part))
	return ""
}

// readCSVRecords reads files or transcripts, as the header row names the
// columns of one or the other, handing each to file or transcript.
func readCSVRecords(c *csvReader, file func(*record.File) error, transcript func(*record.Transcript) error) error {
	if err := readCSVHeader(c); err != nil {
		return err
	}
	fileCols, transcriptCols := true, true
	for i := range c.n() {
		name := c.field(i)
		if fieldIndex(fileFields, name) < 0 && name != colWrapUpCode && name != colMetaDatas {
			fileCols = false
		}
		if fieldIndex(transcriptFields, name) < 0 && name != colMetaDatas {
			transcriptCols = false
		}
	}
	switch {
	case fileCols && transcriptCols:
		return &ReadError{Line: c.lines[0], Msg: "the header names only columns that files and transcripts both have: add filename for files or interactionGUID for transcripts"}
	case transcriptCols:
		return streamCSVTranscriptRows(c, transcript)
	}
	// Files, or neither: the files' columns explain what is wrong.
	return streamCSVFileRows(c, file)
}
