package client

import (
	"context"
	"errors"
	"io"
	"iter"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
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
}

var (
	fileKind = kind[record.File]{
		resource: filter.Files,
		read:     encode.ReadFiles,
		id:       func(f *record.File) string { return f.Filename },
		start:    func(f *record.File) time.Time { return f.StartDate },
	}
	transcriptKind = kind[record.Transcript]{
		resource: filter.Transcripts,
		read:     encode.ReadTranscripts,
		id:       func(t *record.Transcript) string { return t.InteractionGUID },
		start:    func(t *record.Transcript) time.Time { return t.StartDate },
	}
)

// Files returns every file that query selects, page after page, in the
// API's order. query is a /files query string (d=today-7d,today&agentID=bill;
// a leading '?' is allowed); its n, if any, is where the walk starts. A
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
// that will be used. It sends nothing.
func (c *Client) Plan(resource filter.Resource, query string) (first string, w Walk, err error) {
	q, err := c.prepare(resource, query)
	if err != nil {
		return "", 0, err
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
	if len(query) > 0 && query[0] == '?' {
		query = query[1:]
	}
	path := "/files"
	if resource == filter.Transcripts {
		path = "/transcripts"
	}
	target := path
	if query != "" {
		target += "?" + query
	}
	q, err := filter.Parse("GET", target)
	if err != nil {
		return nil, err
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
	if _, why := newNarrower(q); why != "" {
		if c.walk == WalkKey {
			return 0, errors.Join(ErrNoKeyWalk, errors.New(why))
		}
		return WalkOffset, nil
	}
	return WalkKey, nil
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
		p := &pager[R]{c: c, k: k, start: c.now()}
		if w == WalkKey {
			nw, _ := newNarrower(q)
			p.byKey(ctx, q, nw, yield)
		} else {
			p.byOffset(ctx, q, yield)
		}
	}
}

// pager fetches the pages of one walk and counts them.
type pager[R any] struct {
	c       *Client
	k       *kind[R]
	start   time.Time
	page    int // pages fetched
	records int // records yielded
}

func (p *pager[R]) event() Event {
	return Event{Page: p.page, Records: p.records, Elapsed: p.c.now().Sub(p.start)}
}

// fetch gets the page q asks for; an error is a *PageError.
func (p *pager[R]) fetch(ctx context.Context, q *filter.Query) ([]R, error) {
	p.page++
	target := encode.Canonical(q)
	fail := func(err error) ([]R, error) {
		return nil, &PageError{Page: p.page, N: q.N, Request: target, Err: err}
	}
	resp, err := p.c.send(ctx, "GET", target, q.Format, p.event())
	if err != nil {
		return fail(err)
	}
	defer drain(resp.Body)
	recs, err := p.k.read(io.LimitReader(resp.Body, maxBody), q.Format)
	if err != nil {
		return fail(err)
	}
	if len(recs) > PageSize {
		return fail(errors.New("the page holds more than 50 records"))
	}
	return recs, nil
}

func (p *pager[R]) yieldPage(recs []R, keep func(*R) bool, yield func(R, error) bool) bool {
	for i := range recs {
		if !keep(&recs[i]) {
			continue
		}
		p.records++
		if !yield(recs[i], nil) {
			return false
		}
	}
	p.c.emit(p.event())
	return true
}

// last is where a walk has got to: the second of the last record yielded
// (as responses write startDates) and the identities of the records of
// that second already yielded. Records are yielded in the API's order, so
// a record of an earlier second, or of that second and among them, was
// yielded already; any other was not (docs/CLIENT.md).
type last struct {
	sec  time.Time // zero before the first record
	ids  []string  // the records of sec yielded, while few
	many map[string]struct{}
}

// seen reports whether the record of second sec and identity id sorts at or
// before the last record yielded.
func (l *last) seen(sec time.Time, id string) bool {
	switch c := sec.Compare(l.sec); {
	case l.sec.IsZero() || c > 0:
		return false
	case c < 0:
		return true
	}
	if l.many != nil {
		_, ok := l.many[id]
		return ok
	}
	for _, x := range l.ids {
		if x == id {
			return true
		}
	}
	return false
}

// add records a record yielded after every one before it.
func (l *last) add(sec time.Time, id string) {
	if l.sec.IsZero() || sec.After(l.sec) {
		l.sec, l.ids, l.many = sec, l.ids[:0], nil
	}
	if l.many != nil {
		l.many[id] = struct{}{}
		return
	}
	l.ids = append(l.ids, id)
	if len(l.ids) > 32 { // a crowded second: look up in a map
		l.many = make(map[string]struct{}, 2*len(l.ids))
		for _, x := range l.ids {
			l.many[x] = struct{}{}
		}
	}
}

// keep drops a record that sorts at or before the last one yielded and
// records any other as the last.
func (p *pager[R]) keep(l *last) func(*R) bool {
	return func(rec *R) bool {
		sec, id := floorSecond(p.k.start(rec)), p.k.id(rec)
		if l.seen(sec, id) {
			return false
		}
		l.add(sec, id)
		return true
	}
}

// byKey walks by key: the first page as the query asks, then each next one
// with d narrowed to start at the last second yielded and n=1, dropping the
// records of that second already yielded (ties). Only when a whole page
// shares one second does n grow, within that second (docs/CLIENT.md).
func (p *pager[R]) byKey(ctx context.Context, q *filter.Query, nw narrower, yield func(R, error) bool) {
	var zero R
	r := *q
	var l last
	keep := p.keep(&l)
	for {
		asked := l.sec
		recs, err := p.fetch(ctx, &r)
		if err != nil {
			yield(zero, err)
			return
		}
		if !p.yieldPage(recs, keep, yield) || len(recs) < PageSize {
			return
		}
		d, err := nw.at(l.sec)
		if err != nil {
			yield(zero, &PageError{Page: p.page + 1, N: 1, Request: "(narrowing d)", Err: err})
			return
		}
		r.Date, r.HasDate = d, true
		if l.sec.Equal(asked) && !asked.IsZero() {
			r.N += len(recs) // the whole page was one second: go on inside it
		} else {
			r.N = 1
		}
	}
}

// byOffset walks by n. Each page after the first is asked from the last
// record of the page before (a one-record overlap): when the first record
// answered does not sort at or before the last one yielded, records before
// it were deleted and later ones moved back, so the walk backs up a page at
// a time until a page begins with a record already yielded (or at the
// query's own n). Records already yielded are dropped (docs/CLIENT.md).
func (p *pager[R]) byOffset(ctx context.Context, q *filter.Query, yield func(R, error) bool) {
	var zero R
	r := *q
	var l last
	keep := p.keep(&l)
	for {
		recs, err := p.fetch(ctx, &r)
		if err != nil {
			yield(zero, err)
			return
		}
		if r.N > q.N && (len(recs) == 0 || !l.seen(floorSecond(p.k.start(&recs[0])), p.k.id(&recs[0]))) {
			r.N = max(q.N, r.N-(PageSize-1))
			continue
		}
		if !p.yieldPage(recs, keep, yield) || len(recs) < PageSize {
			return
		}
		r.N += len(recs) - 1
	}
}

// floorSecond is t without its fraction of a second: a startDate as a
// response writes it.
func floorSecond(t time.Time) time.Time {
	return t.Add(-time.Duration(t.Nanosecond()))
}

// drain reads what a reader left of a body (the newline after XML's root)
// and closes it, so that its connection is kept for the next request.
func drain(body io.ReadCloser) {
	io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	body.Close()
}
