package main

import (
	"io"
	"net/http"
	"testing"
	"time"
)

// TestServeModule checks that recq serve serves the browser module, the
// .wasm gzip-compressed, without credentials: it is the page's code, not data.
func TestServeModule(t *testing.T) {
	r := startServe(t, "--addr", "127.0.0.1:0", "--http", "--token", "s3cret", "--tenant", "acme")
	addr := r.line(t, "address: ", 1)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	for path, want := range map[string]string{"/_recq/recq.wasm": "application/wasm", "/_recq/recq.js": "text/javascript; charset=utf-8", "/_recq/wasm_exec.js": "text/javascript; charset=utf-8"} {
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != want || len(body) == 0 {
			t.Errorf("%s: %d %s, %d bytes", path, res.StatusCode, res.Header.Get("Content-Type"), len(body))
		}
		if path == "/_recq/recq.wasm" && (res.Header.Get("Content-Encoding") != "gzip" || body[0] != 0x1f) {
			t.Errorf("%s: Content-Encoding %q", path, res.Header.Get("Content-Encoding"))
		}
	}
	if status, _ := get(t, client, "http://"+addr+"/api/recordings/files.csv", "acme", "wrong"); status != 401 {
		t.Errorf("the API without its token: %d", status)
	}
}
