package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// The browser module (docs/BROWSER.md): recq compiled to WebAssembly
// (cmd/recq-wasm), kept gzip-compressed, with Go's wasm_exec.js, the loader
// load.js (which the npm package in js/ copies too) and the ES module
// recq.js that loads the module through it. Refresh the .wasm and
// wasm_exec.js after a change to the library or the toolchain with:
//
//go:generate go run gen_wasm.go

// ModulePrefix is the path the module's files are served under.
const ModulePrefix = "/_recq/"

var (
	//go:embed recq.wasm.gz
	wasmGzip []byte
	//go:embed recq.js
	moduleJS []byte
	//go:embed load.js
	loadJS []byte
	//go:embed wasm_exec.js
	wasmExecJS []byte
	//go:embed try.html
	tryHTML []byte
	//go:embed try.js
	tryJS []byte
	//go:embed try.css
	tryCSS []byte
)

// moduleStart is the modification time the files are served with: the
// binary holds them, so they change only with it.
var moduleStart = time.Now()

// wasmRaw is the .wasm decompressed, for the rare client that does not take gzip.
var wasmRaw = sync.OnceValues(func() ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(wasmGzip))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
})

// wasmETag names the embedded module's bytes, so that a browser revalidates
// it cheaply and refetches it once the binary changes.
var wasmETag = func() string {
	sum := sha256.Sum256(wasmGzip)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}()

// Module serves the browser module's files under ModulePrefix: recq.js,
// load.js, wasm_exec.js and recq.wasm (gzip-encoded for a client that accepts it),
// and try.html, a bare page to try it by hand (with its try.js and
// try.css); it passes every other request to next. Every file carries the
// page's security headers (setSecurityHeaders): try.html is a page too,
// which no other site may frame and which loads nothing but its own files.
func Module(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, ModulePrefix)
		if !ok || (name != "recq.wasm" && name != "recq.js" && name != "load.js" && name != "wasm_exec.js" && name != "try.html" && name != "try.js" && name != "try.css") {
			next.ServeHTTP(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "the module's files take GET", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		setSecurityHeaders(h)
		h.Set("Cache-Control", "no-cache")
		switch name {
		case "recq.js":
			h.Set("Content-Type", "text/javascript; charset=utf-8")
			http.ServeContent(w, r, name, moduleStart, bytes.NewReader(moduleJS))
		case "load.js": // the loader recq.js calls, for a page that names the module itself
			h.Set("Content-Type", "text/javascript; charset=utf-8")
			http.ServeContent(w, r, name, moduleStart, bytes.NewReader(loadJS))
		case "try.html": // a bare page to try the module by hand
			h.Set("Content-Type", "text/html; charset=utf-8")
			http.ServeContent(w, r, name, moduleStart, bytes.NewReader(tryHTML))
		case "try.js":
			h.Set("Content-Type", "text/javascript; charset=utf-8")
			http.ServeContent(w, r, name, moduleStart, bytes.NewReader(tryJS))
		case "try.css":
			h.Set("Content-Type", "text/css; charset=utf-8")
			http.ServeContent(w, r, name, moduleStart, bytes.NewReader(tryCSS))
		case "wasm_exec.js":
			h.Set("Content-Type", "text/javascript; charset=utf-8")
			http.ServeContent(w, r, name, moduleStart, bytes.NewReader(wasmExecJS))
		case "recq.wasm":
			h.Set("Content-Type", "application/wasm")
			h.Add("Vary", "Accept-Encoding") // beside a CORS wrapper's Vary: Origin
			body := wasmGzip
			if acceptsGzip(r) {
				h.Set("Content-Encoding", "gzip")
				h.Set("ETag", wasmETag)
			} else {
				raw, err := wasmRaw()
				if err != nil {
					http.Error(w, "the embedded module is unreadable", http.StatusInternalServerError)
					return
				}
				body = raw
				h.Set("ETag", strings.TrimSuffix(wasmETag, `"`)+`-raw"`)
			}
			http.ServeContent(w, r, name, moduleStart, bytes.NewReader(body))
		}
	})
}

// acceptsGzip reports whether the request's Accept-Encoding takes gzip
// (every browser's does).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") || strings.TrimSpace(coding) == "*" {
			q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}
