// Package web serves recq's query-builder page (docs/PAGE.md): plain HTML,
// CSS and ES modules embedded in the binary, so that the page works offline
// and needs no build step beyond go build.
package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// AssetPrefix is the path under which the page's files are served; the page
// itself is at exactly "/" and every other path belongs to the API.
const AssetPrefix = "/_recq/"

//go:embed index.html boot.js app.js engine.js query.js controls.js groups.js urlbox.js preview.js run.js dom.js style.css
var files embed.FS

// index is the page; the template only fills in the tenant zone and the
// server's clock reading, so that the page resolves today as the server does.
var index = template.Must(template.ParseFS(files, "index.html"))

// PageConfig is what the page needs to know about the server it comes from.
type PageConfig struct {
	// TenantZone is the zone of queries without tz (the server's).
	TenantZone string
	// Clock is the server's clock: the page reads today from it, not from
	// the browser's, so that its preview agrees with the answers.
	Clock func() time.Time
}

// contentSecurityPolicy lets the page load nothing but its own files and
// talk to nothing but its own server: the proof that it works offline.
// blob: in connect-src lets a script read back a download link the page made.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Page returns the handler of the page at "/".
func Page(cfg PageConfig) http.Handler {
	zone := cfg.TenantZone
	if zone == "" {
		zone = "UTC"
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "the page takes GET", http.StatusMethodNotAllowed)
			return
		}
		now := time.Now()
		if cfg.Clock != nil {
			now = cfg.Clock()
		}
		var b bytes.Buffer
		err := index.Execute(&b, struct{ TenantZone, Now, Assets string }{zone, now.UTC().Format(time.RFC3339Nano), AssetPrefix})
		if err != nil {
			http.Error(w, "the page failed to render", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		setSecurityHeaders(h)
		w.Write(b.Bytes())
	})
}

// Assets returns the handler of the page's files, to be mounted at
// AssetPrefix (it strips the prefix itself). It serves each file by name
// and nothing else: not a directory, not index.html (the page is at "/").
func Assets() http.Handler {
	fsrv := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, AssetPrefix)
		if !ok || name == "index.html" || !fs.ValidPath(name) || !isFile(name) {
			http.NotFound(w, r)
			return
		}
		setSecurityHeaders(w.Header())
		w.Header().Set("Cache-Control", "no-cache")
		r2 := new(http.Request)
		*r2 = *r
		r2.URL = new(url.URL)
		*r2.URL = *r.URL
		r2.URL.Path = "/" + name
		fsrv.ServeHTTP(w, r2)
	})
}

// isFile reports whether name is one of the embedded files.
func isFile(name string) bool {
	info, err := fs.Stat(files, name)
	return err == nil && !info.IsDir()
}

func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// Mux routes a request of recq serve: the page at exactly "/", the browser
// module (Module) and the page's files under AssetPrefix, and every other
// path to api, as before the page existed.
func Mux(api http.Handler, cfg PageConfig) http.Handler {
	page, assets := Page(cfg), Assets()
	return Module(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/":
			page.ServeHTTP(w, r)
		case strings.HasPrefix(p, AssetPrefix):
			assets.ServeHTTP(w, r)
		default:
			api.ServeHTTP(w, r)
		}
	}))
}
