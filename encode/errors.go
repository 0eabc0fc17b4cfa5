package encode

import (
	"errors"
	"strconv"
	"strings"

	"github.com/recq/recq/filter"
)

// ReadError is a fault in a file of records handed to ReadFiles or
// ReadTranscripts: malformed XML, JSON or CSV, an unknown element or column,
// a missing or bad startDate or duration, a duplicate filename or
// interactionGUID.
type ReadError struct {
	// Line is the 1-based line of the fault (for XML and JSON the line where
	// the element or token that is at fault ends; for CSV the line where the
	// field starts), or 0 when no line is known.
	Line int
	// Record is the 1-based index of the record in the file (CSV: the data
	// row, the header not counted), or 0 for a fault outside any record.
	Record int
	// Field is the element or column at fault, as a path below the record
	// for nested elements ("wrapUpCode/transactionCodes/transactionCode/name"),
	// or "" when the fault is not in one field.
	Field string
	// Msg says what is wrong and, where it helps, what to write instead.
	Msg string
}

// Error returns the fault on one line: `line 12: record 3: duration: "2x" is
// not a whole number of seconds`; parts that are not known are left out.
// Text taken from the input is quoted or escaped (\x1b), never raw.
func (e *ReadError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
	}
	if e.Record > 0 {
		b.WriteString("record ")
		b.WriteString(strconv.Itoa(e.Record))
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(escapeText(e.Field))
		b.WriteString(": ")
	}
	b.WriteString(escapeText(e.Msg))
	return b.String()
}

// ErrNoCSV is returned by WriteTranscript for filter.CSV: one transcript has
// no CSV form (the API answers 400 to /transcripts/{interactionGUID}.csv).
var ErrNoCSV = errors.New("encode: one transcript has no CSV form; ask for .xml or .json")

// FormatError is returned for a filter.Format that is none of XML, JSON, CSV.
type FormatError struct {
	Format filter.Format
}

func (e *FormatError) Error() string {
	return "encode: unknown format " + strconv.Itoa(int(e.Format)) + "; the formats are xml, json and csv"
}
