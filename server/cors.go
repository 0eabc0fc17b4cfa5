package server

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Cross-origin requests (docs/SERVING.md, "Cross-origin requests"): closed
// by default. A page of another origin (a UI developer's dev server on
// another port) may call the API, and load the browser module, only when
// its origin is listed exactly; for those, credentials are allowed and a
// preflight is answered without them. Never "*": with credentials allowed
// it would let any site read the tenant's records with a user's
// credentials.

// The preflight's answer for a listed origin.
const (
	corsAllowMethods = "GET, HEAD, DELETE"
	corsAllowHeaders = "Authorization"
	// corsExposeHeaders are the response headers beyond the safelisted
	// ones that a page may read: why a request was refused and when to
	// come back.
	corsExposeHeaders = "Allow, Retry-After, WWW-Authenticate, ETag"
	// corsMaxAge is how long a browser may keep a preflight's answer, in
	// seconds (Chromium keeps at most 7200).
	corsMaxAge = "600"
)

// CheckOrigin reports whether origin is one a page can have, written as
// browsers send it in the Origin header: http or https, a host, a port
// only when it is not the scheme's default, in lower case, with no path,
// query, fragment or user. "*" and "null" are refused: the list names the
// pages it trusts, one by one.
func CheckOrigin(origin string) error {
	switch origin {
	case "":
		return errors.New("an empty origin")
	case "*":
		return errors.New(`"*" is not an origin: name each origin (credentials are allowed, so any site could read the records)`)
	case "null":
		return errors.New(`"null" is the origin of sandboxed and file pages, which any site can have: name a real origin`)
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return errors.New(strconv.Quote(origin) + " is not an origin: write scheme://host[:port], as in http://localhost:5173")
	}
	want := canonicalOrigin(u)
	if u.Scheme != "http" && u.Scheme != "https" {
		return errors.New(strconv.Quote(origin) + ": an origin's scheme is http or https")
	}
	if origin != want {
		return errors.New(strconv.Quote(origin) + " is not written as a browser sends it: write " + strconv.Quote(want))
	}
	return nil
}

// canonicalOrigin is u's origin as a browser serializes it.
func canonicalOrigin(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	port := u.Port()
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host += ":" + port
	}
	return scheme + "://" + host
}

// ParseOrigins reads a comma-separated list of origins (recq serve's
// --cors) and checks each with CheckOrigin.
func ParseOrigins(list string) ([]string, error) {
	var origins []string
	for _, o := range strings.Split(list, ",") {
		o = strings.TrimSpace(o)
		if err := CheckOrigin(o); err != nil {
			return nil, err
		}
		origins = append(origins, o)
	}
	return origins, nil
}

// corsPolicy is a set of origins whose pages may call a handler.
type corsPolicy map[string]bool

// newCORSPolicy returns the policy of origins, or nil for none; it panics
// on an origin CheckOrigin refuses, a mistake of the program that sets it
// (a command checks its flag with ParseOrigins first).
func newCORSPolicy(origins []string) corsPolicy {
	if len(origins) == 0 {
		return nil
	}
	p := corsPolicy{}
	for _, o := range origins {
		if err := CheckOrigin(o); err != nil {
			panic("server: CORS origin: " + err.Error())
		}
		p[o] = true
	}
	return p
}

// apply sets the CORS headers of a response to r and reports whether it
// answered r itself: a preflight (OPTIONS with Access-Control-Request-Method)
// from a listed origin, answered 204 without credentials. Every response
// varies with Origin; only a listed origin gets the Access-Control headers.
// Anything else, such as a preflight from an origin not listed, goes on to
// be answered as before (a 401 without credentials).
func (p corsPolicy) apply(w http.ResponseWriter, r *http.Request) bool {
	h := w.Header()
	addVary(h, "Origin")
	origin := r.Header.Get("Origin")
	if !p[origin] {
		return false
	}
	h.Set("Access-Control-Allow-Origin", origin)
	h.Set("Access-Control-Allow-Credentials", "true")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		addVary(h, "Access-Control-Request-Method")
		addVary(h, "Access-Control-Request-Headers")
		h.Set("Access-Control-Allow-Methods", corsAllowMethods)
		h.Set("Access-Control-Allow-Headers", corsAllowHeaders)
		h.Set("Access-Control-Max-Age", corsMaxAge)
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
	return false
}

// addVary adds name to the Vary header unless it is there.
func addVary(h http.Header, name string) {
	for _, v := range h.Values("Vary") {
		for _, part := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(part), name) {
				return
			}
		}
	}
	h.Add("Vary", name)
}

// CORS returns next behind the cross-origin policy Config.CORSOrigins sets
// on a Server, for what else a program serves beside it: recq serve puts
// the page and the browser module (package web) and the API behind one.
// With no origins it returns next unchanged. It panics on an origin
// CheckOrigin refuses.
func CORS(origins []string, next http.Handler) http.Handler {
	p := newCORSPolicy(origins)
	if p == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p.apply(w, r) {
			return
		}
		next.ServeHTTP(w, r)
	})
}
