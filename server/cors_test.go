package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCheckOrigin holds --cors to exact origins, written as browsers send
// them, and never "*" or "null".
func TestCheckOrigin(t *testing.T) {
	for _, ok := range []string{"http://localhost:5173", "https://app.example.com", "http://127.0.0.1:8080", "http://[::1]:5173", "https://example.com:8443"} {
		if err := CheckOrigin(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for origin, hint := range map[string]string{
		"":                        "empty",
		"*":                       "name each origin",
		"null":                    "sandboxed",
		"http://localhost:5173/":  `write "http://localhost:5173"`,
		"HTTP://LocalHost:5173":   `write "http://localhost:5173"`,
		"http://localhost:80":     `write "http://localhost"`,
		"https://example.com:443": `write "https://example.com"`,
		"http://user@localhost":   `write "http://localhost"`,
		"http://localhost?x=1":    `write "http://localhost"`,
		"http://localhost/app":    `write "http://localhost"`,
		"ftp://example.com":       "http or https",
		"localhost:5173":          "scheme://host[:port]",
		"example.com":             "scheme://host[:port]",
	} {
		err := CheckOrigin(origin)
		if err == nil || !strings.Contains(err.Error(), hint) {
			t.Errorf("%q: %v, want an error saying %q", origin, err, hint)
		}
	}
	got, err := ParseOrigins("http://localhost:5173, https://app.example.com")
	if err != nil || !slices.Equal(got, []string{"http://localhost:5173", "https://app.example.com"}) {
		t.Errorf("ParseOrigins: %q %v", got, err)
	}
	if _, err := ParseOrigins("http://localhost:5173,*"); err == nil {
		t.Error(`ParseOrigins took "*"`)
	}
	if _, err := ParseOrigins(""); err == nil {
		t.Error(`ParseOrigins took ""`)
	}
}

// preflight sends a browser's preflight for a GET with Authorization.
func preflight(h http.Handler, origin, target string) *http.Response {
	r := httptest.NewRequest(http.MethodOptions, "https://127.0.0.1"+target, nil)
	r.Header.Set("Origin", origin)
	r.Header.Set("Access-Control-Request-Method", "GET")
	r.Header.Set("Access-Control-Request-Headers", "authorization")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

// fromOrigin sends a GET from a page of origin, with the credentials when
// auth is set.
func fromOrigin(h http.Handler, origin, target string, auth bool) *http.Response {
	r := httptest.NewRequest(http.MethodGet, "https://127.0.0.1"+target, nil)
	r.Header.Set("Origin", origin)
	if auth {
		r.SetBasicAuth(tenant, token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func varies(h http.Header, name string) bool {
	for _, v := range h.Values("Vary") {
		for _, part := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(part), name) {
				return true
			}
		}
	}
	return false
}

const (
	listed   = "http://localhost:5173"
	unlisted = "http://localhost:5174"
)

// TestCORSClosedByDefault: without Config.CORSOrigins nothing changes: a
// preflight is a request without credentials (401), and no response says
// anything of CORS.
func TestCORSClosedByDefault(t *testing.T) {
	s, _ := newTest(t, Config{})
	res := preflight(s, listed, "/files.json")
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("preflight: %d, want 401", res.StatusCode)
	}
	res = fromOrigin(s, listed, "/files.json", true)
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET: %d", res.StatusCode)
	}
	for name := range res.Header {
		if strings.HasPrefix(name, "Access-Control-") || name == "Vary" {
			t.Errorf("closed by default, yet %s: %s", name, res.Header.Get(name))
		}
	}
}

// TestCORS checks the headers of Config.CORSOrigins: a listed origin's
// preflight answered 204 without credentials, with the methods, the
// Authorization header and credentials allowed; its requests answered with
// its own origin (never "*") and credentials allowed, refusals included,
// so that its page can read why; an origin not listed gets no
// Access-Control header and its preflight the 401 of a stranger; every
// response varies with Origin.
func TestCORS(t *testing.T) {
	s, logs := newTest(t, Config{CORSOrigins: []string{listed, "https://app.example.com"}})

	res := preflight(s, listed, "/api/recordings/files.json?d=today")
	body, _ := io.ReadAll(res.Body)
	h := res.Header
	if res.StatusCode != http.StatusNoContent || len(body) != 0 {
		t.Errorf("preflight: %d %q, want 204 without a body", res.StatusCode, body)
	}
	for name, want := range map[string]string{
		"Access-Control-Allow-Origin":      listed,
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Allow-Methods":     "GET, HEAD, DELETE",
		"Access-Control-Allow-Headers":     "Authorization",
		"Access-Control-Max-Age":           "600",
		"WWW-Authenticate":                 "",
	} {
		if got := h.Get(name); got != want {
			t.Errorf("preflight: %s: %q, want %q", name, got, want)
		}
	}
	for _, v := range []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"} {
		if !varies(h, v) {
			t.Errorf("preflight: Vary %q lacks %s", h.Values("Vary"), v)
		}
	}
	if !strings.Contains(logs.String(), `"method":"OPTIONS"`) || !strings.Contains(logs.String(), `"status":204`) {
		t.Errorf("the preflight is not logged: %s", logs)
	}

	for _, auth := range []bool{true, false} {
		res = fromOrigin(s, listed, "/files.json", auth)
		want := map[bool]int{true: http.StatusOK, false: http.StatusUnauthorized}[auth]
		if res.StatusCode != want {
			t.Errorf("GET (credentials %v): %d, want %d", auth, res.StatusCode, want)
		}
		if res.Header.Get("Access-Control-Allow-Origin") != listed || res.Header.Get("Access-Control-Allow-Credentials") != "true" || !varies(res.Header, "Origin") {
			t.Errorf("GET (credentials %v): %v", auth, res.Header)
		}
		if expose := res.Header.Get("Access-Control-Expose-Headers"); !strings.Contains(expose, "WWW-Authenticate") || !strings.Contains(expose, "Retry-After") {
			t.Errorf("GET: Access-Control-Expose-Headers %q", expose)
		}
	}

	res = preflight(s, unlisted, "/files.json")
	if res.StatusCode != http.StatusUnauthorized || res.Header.Get("Access-Control-Allow-Origin") != "" || !varies(res.Header, "Origin") {
		t.Errorf("an unlisted origin's preflight: %d %v, want 401 without Access-Control headers", res.StatusCode, res.Header)
	}
	res = fromOrigin(s, unlisted, "/files.json", true)
	for name := range res.Header {
		if strings.HasPrefix(name, "Access-Control-") {
			t.Errorf("an unlisted origin got %s: %s", name, res.Header.Get(name))
		}
	}
	if !varies(res.Header, "Origin") {
		t.Error("a response to an unlisted origin does not vary with Origin: a cache could give it to a listed one")
	}
	// A request without Origin (curl, a server) is answered as before.
	if res := fromOrigin(s, "", "/files.json", true); res.StatusCode != http.StatusOK || res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("without Origin: %d %v", res.StatusCode, res.Header)
	}
	// OPTIONS without Access-Control-Request-Method is no preflight: it
	// needs the credentials and is refused as a method.
	r := httptest.NewRequest(http.MethodOptions, "https://127.0.0.1/files", nil)
	r.Header.Set("Origin", listed)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusUnauthorized {
		t.Errorf("OPTIONS without Access-Control-Request-Method, without credentials: %d, want 401", w.Code)
	}
}

// TestCORSOriginsChecked: New refuses "*" and origins not written exactly
// (a mistake of the program: a command checks its flag first).
func TestCORSOriginsChecked(t *testing.T) {
	for _, bad := range []string{"*", "http://localhost:5173/", "null"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New took the origin %q", bad)
				}
			}()
			New(Config{Tenant: "x", Clock: time.Now, CORSOrigins: []string{bad}})
		}()
	}
}

// TestCORSHandler checks the wrapper for what a program serves beside the
// API: the same headers, next unchanged without origins.
func TestCORSHandler(t *testing.T) {
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		io.WriteString(w, "next")
	})
	if res := fromOrigin(CORS(nil, next), listed, "/", false); res.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("without origins: %v", res.Header)
	}
	h := CORS([]string{listed}, next)
	if res := preflight(h, listed, "/_recq/recq.wasm"); res.StatusCode != http.StatusNoContent || res.Header.Get("Access-Control-Allow-Origin") != listed {
		t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
	}
	res := fromOrigin(h, listed, "/_recq/recq.wasm", false)
	if res.Header.Get("Access-Control-Allow-Origin") != listed || !varies(res.Header, "Origin") || !varies(res.Header, "Accept-Encoding") {
		t.Errorf("GET: %v", res.Header)
	}
	if res := preflight(h, unlisted, "/"); res.StatusCode != http.StatusOK || res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("an unlisted origin's preflight went on to next: %d %v", res.StatusCode, res.Header)
	}
}

// FuzzParseOrigins checks the laws of --cors's reader on any text: it never
// panics; what it accepts is never "*" or "null", each origin is written as
// a browser writes it (parsing and serializing it gives it back), and the
// list joined again reads the same.
func FuzzParseOrigins(f *testing.F) {
	for _, s := range []string{"http://localhost:5173", "http://localhost:5173, https://app.example.com", "*", "null", "http://[::1]:5173",
		"HTTP://LocalHost:80/", "http://user@host", "localhost:5173", "https://example.com:443", "http://a,,http://b", "http://%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		origins, err := ParseOrigins(list)
		if err != nil {
			return
		}
		for _, o := range origins {
			if o == "*" || o == "null" || o == "" {
				t.Fatalf("%q accepted %q", list, o)
			}
			u, err := url.Parse(o)
			if err != nil || canonicalOrigin(u) != o || (u.Scheme != "http" && u.Scheme != "https") || u.Path != "" || u.RawQuery != "" || u.User != nil {
				t.Fatalf("%q accepted %q, which is not an origin as browsers write it", list, o)
			}
		}
		again, err := ParseOrigins(strings.Join(origins, ","))
		if err != nil || !slices.Equal(again, origins) {
			t.Fatalf("%q: %q read back as %q, %v", list, origins, again, err)
		}
	})
}
