package server

import (
	"bytes"
	"net/http"
)

// bufferedResponse holds a whole response in memory: the handler writes
// into it inside its slot, and the slot is released before the response
// goes to a client that may read slowly or not at all (docs/SERVING.md,
// "a client that does not read"). A response is a bounded page, so holding
// it whole costs little.
type bufferedResponse struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func newBufferedResponse() *bufferedResponse {
	return &bufferedResponse{header: http.Header{}}
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.code == 0 {
		b.code = http.StatusOK
	}
	return b.body.Write(p)
}

// reset drops what was written, for the 500 that follows a panic.
func (b *bufferedResponse) reset() {
	b.header, b.code = http.Header{}, 0
	b.body.Reset()
}

// sendTo writes the response to w.
func (b *bufferedResponse) sendTo(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range b.header {
		h[k] = v
	}
	if b.code == 0 {
		b.code = http.StatusOK
	}
	w.WriteHeader(b.code)
	if b.body.Len() > 0 {
		w.Write(b.body.Bytes())
	}
}
