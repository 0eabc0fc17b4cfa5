package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"strconv"

	"github.com/recq/recq/filter"
)

// contentType is the media type of a body in each format.
func contentType(f filter.Format) string {
	switch f {
	case filter.JSON:
		return "application/json"
	case filter.CSV:
		return "text/csv; charset=utf-8; header=present"
	}
	return "application/xml; charset=utf-8"
}

// writeBody sends a complete body with its type and length.
func writeBody(w http.ResponseWriter, status int, f filter.Format, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType(f))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(body)
}

// writeErrors sends the faults of a refused request in format f (the
// shapes of doc.go).
func writeErrors(w http.ResponseWriter, status int, f filter.Format, faults filter.ErrorList) {
	writeBody(w, status, f, ErrorBody(f, faults))
}

// ErrorBody returns the body of an error response listing faults in format
// f: XML <errors><error>…</error></errors>, JSON {"error":…,"errors":[…]},
// or CSV with the header variable,pos,message,hint (see the package
// documentation).
func ErrorBody(f filter.Format, faults filter.ErrorList) []byte {
	var b bytes.Buffer
	switch f {
	case filter.JSON:
		var first *filter.Error
		if len(faults) > 0 {
			first = faults[0]
		}
		if faults == nil {
			faults = filter.ErrorList{}
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.Encode(struct {
			Error  *filter.Error    `json:"error"`
			Errors filter.ErrorList `json:"errors"`
		}{first, faults})
	case filter.CSV:
		cw := csv.NewWriter(&b)
		cw.UseCRLF = true
		cw.Write([]string{"variable", "pos", "message", "hint"})
		for _, e := range faults {
			cw.Write([]string{e.Variable, strconv.Itoa(e.Pos), e.Msg, e.Hint})
		}
		cw.Flush()
	default:
		b.WriteString("<?xml version='1.0' encoding='UTF-8' ?>\n<errors>\n")
		for _, e := range faults {
			b.WriteString("  <error>\n")
			element(&b, "variable", e.Variable)
			element(&b, "pos", strconv.Itoa(e.Pos))
			element(&b, "message", e.Msg)
			element(&b, "hint", e.Hint)
			b.WriteString("  </error>\n")
		}
		b.WriteString("</errors>\n")
	}
	return b.Bytes()
}

// element writes <name>text</name> on its own line, escaped; characters
// XML 1.0 cannot hold become U+FFFD (xml.EscapeText does so).
func element(b *bytes.Buffer, name, text string) {
	b.WriteString("    <")
	b.WriteString(name)
	b.WriteString(">")
	xml.EscapeText(b, []byte(text))
	b.WriteString("</")
	b.WriteString(name)
	b.WriteString(">\n")
}
