package client

import (
	"context"
	"errors"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// pager fetches the pages of one walk and counts them.
type pager[R any] struct {
	c *Client
	k *kind[R]
	*counts
	ordinal int // the ordinal of the page this walk fetched last, among every walk's of counts
	// The n and request of the last page fetched, and whether its second
	// held more records than a walk keeps (maxTies).
	n       int
	target  string
	crowded bool
}

// counts are what an observer is told of a walk: shared by the walks of a
// plan, so that its pages are numbered across its requests.
type counts struct {
	start   time.Time
	page    int // pages fetched
	records int // records read from them and yielded by the walks
}

func (p *pager[R]) event() Event {
	return Event{Page: p.ordinal, Records: p.records, Elapsed: p.c.now().Sub(p.start)}
}

// fetch gets the page q asks for; an error is a *PageError.
func (p *pager[R]) fetch(ctx context.Context, q *filter.Query) ([]R, error) {
	p.page++
	p.ordinal = p.page
	target := encode.Canonical(q)
	p.n, p.target = q.N, target
	fail := func(err error) ([]R, error) {
		return nil, &PageError{Page: p.ordinal, N: q.N, Request: target, Err: err}
	}
	resp, err := p.c.send(ctx, "GET", target, q.Format, p.event())
	if err != nil {
		return fail(err)
	}
	defer drain(resp.Body)
	recs, err := p.k.read(&capped{r: resp.Body, left: maxBody}, q.Format)
	if err != nil {
		return fail(err)
	}
	return recs, nil
}

// yieldPage yields the records of a page that keep keeps, then tells the
// observer; it reports false when the caller stopped the walk.
func (p *pager[R]) yieldPage(recs []R, keep func(*R) bool, yield func(R, error) bool) bool {
	for i := range recs {
		if !keep(&recs[i]) {
			if p.crowded {
				var zero R
				yield(zero, &PageError{Page: p.ordinal, N: p.n, Request: p.target,
					Err: errors.New("more than " + strconv.Itoa(maxTies) + " records share one second of startDate: the walk does not keep more identities than that")})
				return false
			}
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

// keep drops a record that sorts at or before the last one yielded and
// records any other as the last.
func (p *pager[R]) keep(l *last) func(*R) bool {
	return func(rec *R) bool {
		sec, id := floorSecond(p.k.start(rec)), p.k.id(rec)
		if l.seen(sec, id) {
			return false
		}
		if !l.add(sec, id) {
			p.crowded = true
			return false
		}
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
	idle := 0      // full pages in a row with no new record
	byN := q.N > 1 // the query starts at its own n: see below
	var start time.Time
	for {
		asked := l.sec
		recs, err := p.fetch(ctx, &r)
		if err != nil {
			yield(zero, err)
			return
		}
		before := p.records
		if !p.yieldPage(recs, keep, yield) || len(recs) < PageSize {
			return
		}
		if idle = next(idle, p.records > before); idle > maxIdle {
			yield(zero, p.stuck(&r))
			return
		}
		if byN {
			if len(recs) > 0 && start.IsZero() {
				start = floorSecond(p.k.start(&recs[0]))
			}
			if l.sec.Equal(start) {
				// The query's n started inside a second that every page so
				// far shares: d narrowed to that second would bring back
				// the records before n. Go on by n until the second ends.
				r.N += len(recs)
				continue
			}
			byN = false
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
	idle, backups := 0, 0 // full pages in a row with no new record; back-ups since a new one
	// after is the lowest n seen since the last new record at which the
	// server answered a record after the last one listed (or nothing):
	// the records up to the last one listed all lie before it. The API
	// has no inserts, so deletes only move it lower; a page answered later
	// that holds records already listed at or past it means the server's
	// pages moved backwards, and the walk would back up and come forward
	// again for ever (issue 21, finding 4).
	after := math.MaxInt
	for {
		recs, err := p.fetch(ctx, &r)
		if err != nil {
			yield(zero, err)
			return
		}
		if r.N > q.N && (len(recs) == 0 || !l.seen(floorSecond(p.k.start(&recs[0])), p.k.id(&recs[0]))) {
			after = min(after, r.N)
			r.N = max(q.N, r.N-(PageSize-1))
			backups++
			continue
		}
		if k := p.listedPrefix(recs, &l); k > 0 && r.N+k > after {
			yield(zero, p.backwards(&r, k, after))
			return
		}
		before := p.records
		if !p.yieldPage(recs, keep, yield) || len(recs) < PageSize {
			return
		}
		if p.records > before {
			backups, after = 0, math.MaxInt
		}
		// After backing up k pages, k pages of records already listed are
		// expected; more means the server does not move with n.
		if idle = next(idle, p.records > before); idle > maxIdle+backups {
			yield(zero, p.stuck(&r))
			return
		}
		r.N += len(recs) - 1
	}
}

// maxIdle bounds the full pages in a row that bring no new record: a
// server that ignores n or d would otherwise keep a walk going forever.
// A walk meets one such page at the start of a second holding more than a
// page of records; never several in a row.
const maxIdle = 3

func next(idle int, progress bool) int {
	if progress {
		return 0
	}
	return idle + 1
}

func (p *pager[R]) stuck(q *filter.Query) error {
	return &PageError{Page: p.ordinal, N: q.N, Request: encode.Canonical(q),
		Err: errors.New("the server answered " + strconv.Itoa(maxIdle+1) + " full pages in a row with no record not listed before: it does not move through the list with n and d")}
}

// listedPrefix is how many records at the start of recs sort at or before
// the last one listed: in the API's order, the ones already listed.
func (p *pager[R]) listedPrefix(recs []R, l *last) int {
	k := 0
	for k < len(recs) && l.seen(floorSecond(p.k.start(&recs[k])), p.k.id(&recs[k])) {
		k++
	}
	return k
}

func (p *pager[R]) backwards(q *filter.Query, k, after int) error {
	return &PageError{Page: p.ordinal, N: q.N, Request: encode.Canonical(q),
		Err: errors.New("the server's pages move backwards: this page holds records already listed up to n=" + strconv.Itoa(q.N+k-1) +
			", but the page at n=" + strconv.Itoa(after) + " began after them; a list that only loses records cannot do that: it does not move through the list with n")}
}

// drain reads what a reader left of a body (the newline after XML's root)
// and closes it, so that its connection is kept for the next request.
func drain(body io.ReadCloser) {
	io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	body.Close()
}

// errTooLarge is the error of a body longer than maxBody.
var errTooLarge = errors.New("the body is larger than " + strconv.Itoa(maxBody>>20) + " MiB")

// capped reads at most left bytes and fails past them: unlike
// io.LimitReader, a body cut at the bound is an error, not a shorter page.
type capped struct {
	r    io.Reader
	left int64
}

func (c *capped) Read(b []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			return 0, errTooLarge
		}
		return 0, err
	}
	if int64(len(b)) > c.left {
		b = b[:c.left]
	}
	n, err := c.r.Read(b)
	c.left -= int64(n)
	return n, err
}
