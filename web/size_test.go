package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

// The sizes issue 10 set for the module (bench/README.md, "The browser
// module"): what the browser downloads (served gzip-compressed) and what it
// compiles.
const (
	maxWasm     = 4_000_000
	maxWasmGzip = 1_200_000
)

// TestModuleSize fails if the committed module outgrows its aims: raw, and
// compressed at gzip's best level (as gzip -9 and as it is served).
func TestModuleSize(t *testing.T) {
	r, err := gzip.NewReader(bytes.NewReader(wasmGzip))
	if err != nil {
		t.Fatal(err)
	}
	wasm, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	var best bytes.Buffer
	w, _ := gzip.NewWriterLevel(&best, gzip.BestCompression)
	w.Write(wasm)
	w.Close()
	t.Logf("recq.wasm: %d bytes, %d gzip-compressed (served: %d)", len(wasm), best.Len(), len(wasmGzip))
	if len(wasm) > maxWasm {
		t.Errorf("the module is %d bytes, more than %d: see docs/BROWSER.md for what it links", len(wasm), maxWasm)
	}
	if best.Len() > maxWasmGzip || len(wasmGzip) > maxWasmGzip {
		t.Errorf("the module is %d bytes gzip-compressed (served: %d), more than %d", best.Len(), len(wasmGzip), maxWasmGzip)
	}
}
