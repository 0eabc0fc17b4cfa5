package client

import (
	"context"
	"errors"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
)

// Walk is how a list is walked page after page (docs/CLIENT.md).
type Walk uint8

const (
	// WalkAuto walks by key when the query's dates allow it, else by offset.
	WalkAuto Walk = iota
	// WalkKey walks by key, and refuses a query whose dates do not allow it.
	WalkKey
	// WalkOffset walks by n with a one-record overlap.
	WalkOffset
)

// String returns auto, key or offset.
func (w Walk) String() string {
	switch w {
	case WalkKey:
		return "key"
	case WalkOffset:
		return "offset"
	}
	return "auto"
}

// kind is what the walk needs to know of a record type.
type kind[R any] struct {
	resource filter.Resource
	read     func(io.Reader, filter.Format) ([]R, error)
	id       func(*R) string
	start    func(*R) time.Time
	compile  func(*expr.Expr, []daterange.Window) func(*R) bool // a filter's predicate (package expr)
}

var (
	fileKind = kind[record.File]{
		resource: filter.Files,
		read: func(r io.Reader, f filter.Format) ([]record.File, error) {
			var page []record.File
			err := encode.StreamRecords(r, f, func(x *record.File) error { return add(&page, x) },
				func(*record.Transcript) error { return errNotFiles })
			return page, err
		},
		id:      func(f *record.File) string { return f.Filename },
		start:   func(f *record.File) time.Time { return f.StartDate },
		compile: expr.CompileFiles,
	}
	transcriptKind = kind[record.Transcript]{
		resource: filter.Transcripts,
		read: func(r io.Reader, f filter.Format) ([]record.Transcript, error) {
			var page []record.Transcript
			err := encode.StreamRecords(r, f, func(*record.File) error { return errNotTranscripts },
				func(x *record.Transcript) error { return add(&page, x) })
			return page, err
		},
		id:      func(t *record.Transcript) string { return t.InteractionGUID },
		start:   func(t *record.Transcript) time.Time { return t.StartDate },
		compile: expr.CompileTranscripts,
	}
)

// add appends a record to a page being read and refuses a 51st as soon as
// it is read, not after the whole body is decoded: a body of up to 64 MiB
// of records would otherwise cost some ten times that (issue 21, 7a).
func add[R any](page *[]R, x *R) error {
	if len(*page) == PageSize {
		return errPageTooLong
	}
	*page = append(*page, *x) // a copy: the reader may reuse x, never its strings
	return nil
}

var (
	errPageTooLong    = errors.New("the page holds more than 50 records")
	errNotFiles       = errors.New("a transcript in a page of files")
	errNotTranscripts = errors.New("a file in a page of transcripts")
)

// Files returns every file that query selects, page after page, in the
// API's order. query is a /files query string (d=today-7d,today&agentID=bill;
// a leading '?' is allowed) or a whole request (/files.csv?…, a URL, or
// encode.Canonical of a filter.Query), whose format suffix is ignored; its
// n, if any, is where the walk starts. A
// refused query yields its filter.ErrorList once and sends nothing; a
// failure yields a *PageError once, after the records of the pages before.
func (c *Client) Files(ctx context.Context, query string) iter.Seq2[record.File, error] {
	return walk(c, ctx, query, &fileKind)
}

// Transcripts is Files for /transcripts (without their messages: see
// Transcript).
func (c *Client) Transcripts(ctx context.Context, query string) iter.Seq2[record.Transcript, error] {
	return walk(c, ctx, query, &transcriptKind)
}

// ErrNoKeyWalk is yielded, wrapped, for WalkKey and a query whose dates do
// not allow a key walk.
var ErrNoKeyWalk = errors.New("the query's dates do not allow a key walk")

// Plan checks a list query as Files and Transcripts do and returns the
// request of its first page (as sent, below the base URL) and the walk
// that will be used. It sends nothing. For a query with a filter that is
// planned, it is the first request of the plan ("" when the plan sends
// nothing).
func (c *Client) Plan(resource filter.Resource, query string) (first string, w Walk, err error) {
	q, err := c.prepare(resource, query)
	if err != nil {
		return "", 0, err
	}
	if q.Filter != nil && !c.serverFilter {
		// A filter is planned: the first request sent is the plan's
		// (none when the plan sends nothing; ExplainFilter tells them all).
		p, err := c.planOf(q)
		if err != nil || len(p.Requests) == 0 {
			return "", 0, err
		}
		q = p.Requests[0]
	}
	w, err = c.choose(q)
	if err != nil {
		return "", 0, err
	}
	return encode.Canonical(q), w, nil
}

// prepare checks query for resource and sets what the client sends: the
// wire format and, unless the query has one or the caller asked for the
// tenant's, the client's tz.
func (c *Client) prepare(resource filter.Resource, query string) (*filter.Query, error) {
	path := "/files"
	if resource == filter.Transcripts {
		path = "/transcripts"
	}
	target := query
	switch {
	case strings.HasPrefix(query, "/") || hasScheme(query):
		// A whole request (/files.csv?…, a URL, encode.Canonical of a
		// Query): its path must name the resource; its suffix is ignored.
	case strings.HasPrefix(query, "?"):
		target = path + query
	case query != "":
		target = path + "?" + query
	default:
		target = path
	}
	q, err := filter.Parse("GET", target)
	if err != nil {
		return nil, err
	}
	if q.Resource != resource {
		return nil, filter.ErrorList{{Code: filter.CodeBadPath, Variable: "path", Pos: -1,
			Msg:  "the request names " + q.Resource.String() + ", not " + resource.String(),
			Hint: "pass a query string (d=…&agentID=…) or a " + path + " request"}}
	}
	q.Format = c.wire
	if q.Zone == nil && c.zone != nil {
		q.Zone, q.ZoneName = c.zone, c.zoneName
	}
	return q, nil
}

func (c *Client) choose(q *filter.Query) (Walk, error) {
	if c.walk == WalkOffset {
		return WalkOffset, nil
	}
	if _, why := c.narrower(q); why != "" {
		if c.walk == WalkKey {
			return 0, errors.Join(ErrNoKeyWalk, errors.New(why))
		}
		return WalkOffset, nil
	}
	return WalkKey, nil
}

// narrower is q's narrower, its dates read in q's zone, else in the
// tenant's zone when the caller told it.
func (c *Client) narrower(q *filter.Query) (narrower, string) {
	zone := q.Zone
	if zone == nil {
		zone = c.tenantZone
	}
	return newNarrower(q, zone)
}

func walk[R any](c *Client, ctx context.Context, query string, k *kind[R]) iter.Seq2[R, error] {
	return func(yield func(R, error) bool) {
		var zero R
		q, err := c.prepare(k.resource, query)
		if err != nil {
			yield(zero, err)
			return
		}
		w, err := c.choose(q)
		if err != nil {
			yield(zero, err)
			return
		}
		if q.Filter != nil && !c.serverFilter {
			planned(c, ctx, q, k, yield)
			return
		}
		walkQuery(c, ctx, q, w, k, &counts{start: c.now()}, yield)
	}
}

// walkQuery walks the pages of q, a checked query, by w, counting them in n.
func walkQuery[R any](c *Client, ctx context.Context, q *filter.Query, w Walk, k *kind[R], n *counts, yield func(R, error) bool) {
	p := &pager[R]{c: c, k: k, counts: n}
	if w == WalkKey {
		nw, _ := c.narrower(q)
		p.byKey(ctx, q, nw, yield)
	} else {
		p.byOffset(ctx, q, yield)
	}
}

// hasScheme reports whether s starts with http:// or https://, in any case.
func hasScheme(s string) bool {
	for _, p := range [...]string{"http://", "https://"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}
