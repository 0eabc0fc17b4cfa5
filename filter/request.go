package filter

import "net/url"

// ParseURL reads a request held in a *url.URL, as a client builds it.
func ParseURL(method string, u *url.URL) (*Query, error) {
	if u.Opaque != "" {
		// The URL's text is not what Parse is given: the span is empty, at 0.
		return nil, ErrorList{{Code: CodeBadPath, Variable: "path", Pos: -1, Msg: "the URL has no path", Hint: "write /api/recordings/files or /transcripts"}}
	}
	target := u.EscapedPath()
	if u.RawQuery != "" || u.ForceQuery {
		target += "?" + u.RawQuery
	}
	return Parse(method, target)
}
