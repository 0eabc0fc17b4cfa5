package client

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/recq/recq/internal/termtext"
)

// maxRedirects bounds the redirects followed for one request, as Go's
// http.Client does by default.
const maxRedirects = 10

// RedirectError is a redirect the client does not follow: one from https
// to http (the request and its answer would travel unencrypted), a DELETE
// turned into a GET (301, 302, 303), one without a usable Location, or
// more than 10 in a row (docs/CLIENT.md, "Credentials and redirects").
type RedirectError struct {
	Method   string
	Request  string // the path and query sent, below the base URL
	Status   int
	Location string // as the server wrote it
	Msg      string
}

// Error names the request and the redirect; the Location, text of the
// server, is escaped (no control character reaches a terminal).
func (e *RedirectError) Error() string {
	s := e.Method + " " + e.Request + ": " + strconv.Itoa(e.Status) + " redirect"
	if e.Location != "" {
		s += " to " + strconv.QuoteToASCII(e.Location)
	}
	return s + " not followed: " + termtext.Escape(e.Msg)
}

// do sends one request and follows its redirects. Credentials (HTTP Basic)
// are sent only to the origin (scheme, host and port) of the base URL: a
// redirect to any other origin is followed without them, and one from
// https to http is refused. Go's http.Client compares host names only,
// not ports or schemes, so the client follows redirects itself (noFollow
// never does).
func (c *Client) do(ctx context.Context, method, target string) (*http.Response, error) {
	u, err := url.Parse(c.base + target)
	if err != nil {
		return nil, err
	}
	for hops := 0; ; hops++ {
		req, err := http.NewRequestWithContext(ctx, method, u.String(), nil)
		if err != nil {
			return nil, err
		}
		if sameOrigin(u, c.origin) {
			req.SetBasicAuth(c.tenant, c.token)
		}
		if c.userAgent != "" {
			req.Header.Set("User-Agent", c.userAgent)
		}
		resp, err := c.noFollow.Do(req)
		if err != nil {
			return nil, err
		}
		if !isRedirect(resp.StatusCode) {
			return resp, nil
		}
		drain(resp.Body)
		loc := resp.Header.Get("Location")
		refuse := func(msg string) (*http.Response, error) {
			return nil, &RedirectError{Method: method, Request: target, Status: resp.StatusCode, Location: loc, Msg: msg}
		}
		next, err := u.Parse(loc)
		switch {
		case loc == "" || err != nil:
			return refuse("no usable Location")
		case !strings.EqualFold(next.Scheme, "https") && !strings.EqualFold(next.Scheme, "http"):
			return refuse("not an http or https URL")
		case strings.EqualFold(u.Scheme, "https") && !strings.EqualFold(next.Scheme, "https"):
			return refuse("from https to http: the request and its answer would travel unencrypted")
		case method != http.MethodGet && resp.StatusCode != http.StatusTemporaryRedirect && resp.StatusCode != http.StatusPermanentRedirect:
			return refuse("a " + method + " redirected with " + strconv.Itoa(resp.StatusCode) + " would be sent as a GET")
		case hops+1 > maxRedirects:
			return refuse("more than " + strconv.Itoa(maxRedirects) + " redirects in a row")
		}
		u = next
	}
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// sameOrigin reports whether a and b have the same scheme, host and port
// (a port left out is the scheme's own: 443 for https, 80 for http).
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "https") {
		return "443"
	}
	return "80"
}

// noFollow returns a copy of hc that never follows a redirect (do does).
func noFollow(hc *http.Client) *http.Client {
	cp := *hc
	cp.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &cp
}
