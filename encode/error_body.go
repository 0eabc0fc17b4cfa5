package encode

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

	"github.com/recq/recq/filter"
)

// ContentType returns the media type of a body in format f, for the
// Content-Type header of a response: application/xml; charset=utf-8,
// application/json, or text/csv; charset=utf-8; header=present.
func ContentType(f filter.Format) string {
	switch f {
	case filter.JSON:
		return "application/json"
	case filter.CSV:
		return "text/csv; charset=utf-8; header=present"
	}
	return "application/xml; charset=utf-8"
}

// Rejection is the JSON body of a refused request, and what recq parse
// prints for one: the first fault, and every fault in the order of the
// request. Each fault is written with filter.Error's JSON keys.
type Rejection struct {
	Error  *filter.Error    `json:"error"`
	Errors filter.ErrorList `json:"errors"`
}

// NewRejection returns the rejection listing faults; Errors is never nil,
// and Error is nil only when faults is empty.
func NewRejection(faults filter.ErrorList) Rejection {
	r := Rejection{Errors: faults}
	if len(faults) > 0 {
		r.Error = faults[0]
	}
	if r.Errors == nil {
		r.Errors = filter.ErrorList{}
	}
	return r
}

// ErrorHeader is the header row of a CSV error body: the four columns of
// the first release, then the fault's code. A reader that takes columns by
// position keeps working; JSON carries every field of filter.Error.
var ErrorHeader = []string{"variable", "pos", "message", "hint", "code"}

// WriteErrors writes the body of an error response listing faults, in
// format f, the body of every refusal of the API:
//
//   - JSON: a Rejection, {"error":{…},"errors":[{…},…]}, every field of
//     filter.Error with its JSON key (code, and span, utf16 and suggestions
//     where filter.Error has them), on one line;
//   - XML: <errors> holding one <error> per fault, with the elements
//     variable, pos, message, hint and code; the text is escaped only where
//     XML needs it (&lt; &gt; &amp;, and &#xD; for a carriage return), and a
//     character XML 1.0 cannot hold becomes U+FFFD;
//   - CSV (RFC 4180, CRLF): the header of ErrorHeader, then one row per fault.
//
// Only JSON carries spans and suggestions: a program that points at the
// request asks for JSON. An error of w is returned.
func WriteErrors(w io.Writer, f filter.Format, faults filter.ErrorList) error {
	_, err := w.Write(AppendErrors(nil, f, faults))
	return err
}

// AppendErrors appends the error body that WriteErrors writes to b.
func AppendErrors(b []byte, f filter.Format, faults filter.ErrorList) []byte {
	switch f {
	case filter.JSON:
		buf := bytes.NewBuffer(b)
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		enc.Encode(NewRejection(faults)) // a struct of strings and ints: cannot fail
		return buf.Bytes()
	case filter.CSV:
		buf := bytes.NewBuffer(b)
		cw := csv.NewWriter(buf)
		cw.UseCRLF = true
		cw.Write(ErrorHeader)
		for _, e := range faults {
			// Cells echo text anyone can send: no formulas (docs/SERVING.md).
			cw.Write([]string{NoFormula(e.Variable), strconv.Itoa(e.Pos), NoFormula(e.Msg), NoFormula(e.Hint), string(e.Code)})
		}
		cw.Flush() // into a bytes.Buffer: cannot fail
		return buf.Bytes()
	}
	b = append(b, "<?xml version='1.0' encoding='UTF-8' ?>\n<errors>\n"...)
	for _, e := range faults {
		b = append(b, "  <error>\n"...)
		b = appendErrorElement(b, "variable", e.Variable)
		b = appendErrorElement(b, "pos", strconv.Itoa(e.Pos))
		b = appendErrorElement(b, "message", e.Msg)
		b = appendErrorElement(b, "hint", e.Hint)
		b = appendErrorElement(b, "code", string(e.Code))
		b = append(b, "  </error>\n"...)
	}
	return append(b, "</errors>\n"...)
}

// appendErrorElement appends <name>text</name> on its own line.
func appendErrorElement(b []byte, name, text string) []byte {
	b = append(b, "    <"...)
	b = append(b, name...)
	b = append(b, '>')
	b = appendXMLText(b, text)
	b = append(b, "</"...)
	b = append(b, name...)
	return append(b, ">\n"...)
}
