package server

import (
	"net/http"
	"strconv"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// writeBody sends a complete body with its type and length.
func writeBody(w http.ResponseWriter, status int, f filter.Format, body []byte) {
	h := w.Header()
	h.Set("Content-Type", encode.ContentType(f))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(body)
}

// writeErrors sends the faults of a refused request in format f (the
// shapes of doc.go, written by encode.WriteErrors).
func writeErrors(w http.ResponseWriter, status int, f filter.Format, faults filter.ErrorList) {
	writeBody(w, status, f, encode.AppendErrors(nil, f, faults))
}

// ErrorBody returns the body of an error response listing faults in format
// f. It is encode.AppendErrors, kept here for the callers of the first
// release.
func ErrorBody(f filter.Format, faults filter.ErrorList) []byte {
	return encode.AppendErrors(nil, f, faults)
}
