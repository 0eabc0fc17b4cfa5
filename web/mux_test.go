package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/web"
)

// TestMuxRoutes checks the layout of recq serve without a browser: the
// page at exactly "/", its files and the module under /_recq/, and
// everything else to the API.
func TestMuxRoutes(t *testing.T) {
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "api "+r.URL.Path) })
	mux := web.Mux(api, web.PageConfig{TenantZone: "America/Denver", Clock: func() time.Time { return testNow }})
	for _, c := range []struct {
		method, path string
		status       int
		typ, has     string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", `<meta name="recq-tenant-zone" content="America/Denver">`},
		{"GET", "/", 200, "text/html; charset=utf-8", `<meta name="recq-now" content="2026-11-25T19:00:00Z">`},
		{"HEAD", "/", 200, "text/html; charset=utf-8", ""},
		{"POST", "/", 405, "", ""},
		{"GET", "/_recq/app.js", 200, "text/javascript; charset=utf-8", "import"},
		{"GET", "/_recq/boot.js", 200, "text/javascript; charset=utf-8", `import("./app.js")`},
		{"GET", "/_recq/style.css", 200, "text/css; charset=utf-8", ":root"},
		{"GET", "/_recq/recq.js", 200, "text/javascript; charset=utf-8", "globalThis.recq"},
		{"GET", "/_recq/page.go", 404, "", ""},
		{"GET", "/_recq/", 404, "", ""},
		{"GET", "/_recq/index.html", 404, "", ""},
		{"GET", "/_recq/../go.mod", 404, "", ""},
		{"GET", "/files", 200, "", "api /files"},
		{"GET", "/api/recordings/files.csv", 200, "", "api /api/recordings/files.csv"},
		{"GET", "/index.html", 200, "", "api /index.html"},
	} {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != c.status {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, c.status, body)
			}
			if c.typ != "" && res.Header.Get("Content-Type") != c.typ {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), c.typ)
			}
			if !strings.Contains(string(body), c.has) {
				t.Errorf("the body lacks %q:\n%.300s", c.has, body)
			}
			if c.status == 200 && c.path == "/" {
				csp := res.Header.Get("Content-Security-Policy")
				if !strings.Contains(csp, "default-src 'self'") || res.Header.Get("Cache-Control") != "no-store" {
					t.Errorf("headers %v", res.Header)
				}
			}
		})
	}
}
