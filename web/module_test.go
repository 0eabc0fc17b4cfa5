package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recq/recq/internal/skipnote"
	"github.com/recq/recq/server"
)

// TestModuleServes checks each file of the module: its type, the .wasm
// gzip-encoded for a browser and plain for a client without gzip, a 304
// for a revalidation, and every other path passed on.
func TestModuleServes(t *testing.T) {
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	h := Module(next)
	get := func(path string, header ...string) *http.Response {
		r := httptest.NewRequest(http.MethodGet, path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Set(header[i], header[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
	raw, err := gzip.NewReader(bytes.NewReader(wasmGzip))
	if err != nil {
		t.Fatal(err)
	}
	wasm, err := io.ReadAll(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		t.Fatal("the embedded module is not WebAssembly")
	}

	res := get("/_recq/recq.wasm", "Accept-Encoding", "gzip, deflate, br")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Content-Type") != "application/wasm" || !bytes.Equal(body, wasmGzip) {
		t.Errorf("gzip: %d %v, %d bytes", res.StatusCode, res.Header, len(body))
	}
	etag := res.Header.Get("ETag")
	if res := get("/_recq/recq.wasm", "Accept-Encoding", "gzip", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: %d", res.StatusCode)
	}
	res = get("/_recq/recq.wasm")
	body, _ = io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, wasm) {
		t.Errorf("plain: %d %v, %d bytes", res.StatusCode, res.Header, len(body))
	}
	if res := get("/_recq/recq.wasm", "Accept-Encoding", "gzip;q=0"); res.Header.Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 got gzip")
	}
	for name, want := range map[string]string{"recq.js": "text/javascript", "load.js": "text/javascript", "wasm_exec.js": "text/javascript", "try.html": "text/html",
		"try.js": "text/javascript", "try.css": "text/css"} {
		res := get("/_recq/" + name)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), want) {
			t.Errorf("%s: %d %v", name, res.StatusCode, res.Header)
		}
	}
	for _, path := range []string{"/", "/_recq/", "/_recq/index.html", "/files", "/_recq/recq.wasm.gz"} {
		if res := get(path); res.StatusCode != http.StatusTeapot {
			t.Errorf("%s: %d, want it passed on", path, res.StatusCode)
		}
	}
	r := httptest.NewRequest(http.MethodPost, "/_recq/recq.js", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", w.Code)
	}
}

// TestModuleUpToDate rebuilds cmd/recq-wasm as go generate does and checks
// that the committed recq.wasm.gz holds the same bytes, and wasm_exec.js is
// the toolchain's: the module in the binary is the library in the
// repository. A toolchain other than the one that built it cannot give the
// same bytes; the test then says how to refresh it.
func TestModuleUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the module: run without -short")
	}
	recorded, err := os.ReadFile("recq.wasm.version")
	if err != nil {
		t.Fatal(err)
	}
	version, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		t.Fatal(err)
	}
	if v := strings.TrimSpace(string(version)); !strings.HasPrefix(string(recorded), v+" ") {
		t.Skipf("the module was built by %s, this is %s: refresh it with go generate ./web", strings.Fields(string(recorded))[0], v)
	}
	opt, err := exec.LookPath("wasm-opt")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("wasm-opt not found (CI=true: install binaryen; .ci/run does)")
		}
		skipnote.Skip(t, "binaryen's wasm-opt", "apt-get install binaryen", "wasm-opt not found: the module cannot be rebuilt to compare")
	}
	optVersion, err := exec.Command(opt, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if v := strings.TrimSpace(string(optVersion)); !strings.Contains(string(recorded), "; "+v+" ") {
		t.Skipf("the module was shrunk by another wasm-opt than %s (%s): refresh it with go generate ./web", v, strings.TrimSpace(string(recorded)))
	}
	// The generator itself, into a directory of the test's: one way to build the module.
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "gen_wasm.go", "-out", dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	for _, name := range []string{"recq.wasm.gz", "wasm_exec.js", "recq.wasm.version"} {
		built, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(built, committed) {
			t.Errorf("web/%s (%d bytes) is not what the repository builds (%d bytes): run go generate ./web", name, len(committed), len(built))
		}
	}
}

// TestModuleBehindCORS checks the module's files behind server.CORS, as
// recq serve --cors serves them to a page of another origin: the wrapper's
// headers kept, and the .wasm varying with both Origin and Accept-Encoding
// (the module once set Vary and dropped the wrapper's Origin).
func TestModuleBehindCORS(t *testing.T) {
	const origin = "http://localhost:5173"
	h := server.CORS([]string{origin}, Module(http.NotFoundHandler()))
	for _, name := range []string{"recq.wasm", "load.js", "wasm_exec.js", "recq.js"} {
		r := httptest.NewRequest(http.MethodGet, "/_recq/"+name, nil)
		r.Header.Set("Origin", origin)
		r.Header.Set("Accept-Encoding", "gzip")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		vary := strings.Join(w.Result().Header.Values("Vary"), ", ")
		if w.Code != 200 || w.Header().Get("Access-Control-Allow-Origin") != origin || !strings.Contains(vary, "Origin") {
			t.Errorf("%s: %d, Vary %q, %v", name, w.Code, vary, w.Header())
		}
		if name == "recq.wasm" && !strings.Contains(vary, "Accept-Encoding") {
			t.Errorf("%s: Vary %q lacks Accept-Encoding", name, vary)
		}
	}
}

// TestTryPageHeaders is finding 7 of issue 21: /_recq/try.html had no
// Content-Security-Policy, so any site could frame it. It carries the
// page's headers, frame-ancestors 'none' included, whether served by
// Module alone or by Mux; and it holds no inline script or style, which
// that policy would block (cmd/recq-wasm's TestBrowserTryPage runs it in a
// browser under it).
func TestTryPageHeaders(t *testing.T) {
	page := httptest.NewRecorder()
	Mux(http.NotFoundHandler(), PageConfig{}).ServeHTTP(page, httptest.NewRequest(http.MethodGet, "/", nil))
	for name, h := range map[string]http.Handler{"Module": Module(http.NotFoundHandler()), "Mux": Mux(http.NotFoundHandler(), PageConfig{})} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/_recq/try.html", nil))
		got := w.Result().Header
		if w.Code != 200 {
			t.Fatalf("%s: %d", name, w.Code)
		}
		for _, k := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
			if got.Get(k) == "" || got.Get(k) != page.Result().Header.Get(k) {
				t.Errorf("%s: %s is %q, the page's %q", name, k, got.Get(k), page.Result().Header.Get(k))
			}
		}
		if !strings.Contains(got.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s: try.html may be framed: %q", name, got.Get("Content-Security-Policy"))
		}
	}
	html := string(tryHTML)
	if strings.Contains(html, "<style") || strings.Count(html, "<script") != strings.Count(html, "<script type=\"module\" src=") {
		t.Errorf("try.html holds inline script or style, which its policy blocks:\n%s", html)
	}
}
