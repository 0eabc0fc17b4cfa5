//go:build !js

package filter

import "net/http"

// ParseRequest is left out of the WebAssembly build (GOOS=js): net/http and
// the crypto it brings would be a quarter of the browser module, which has
// no *http.Request to give it (docs/BROWSER.md).

// ParseRequest reads the request an HTTP server received: its method, path
// and query. The Host header and the body play no part.
func ParseRequest(r *http.Request) (*Query, error) {
	return ParseURL(r.Method, r.URL)
}
