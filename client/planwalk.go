package client

import (
	"cmp"
	"context"
	"iter"
	"strings"

	"github.com/recq/recq/filter"
)

// ExplainFilter checks a list query as Files and Transcripts do and returns
// the plan they would follow for its filter (docs/CLIENT.md, "Plans"),
// sending nothing. A query without a filter has a plan of one request and
// no residual.
func (c *Client) ExplainFilter(resource filter.Resource, query string) (*FilterPlan, error) {
	q, err := c.prepare(resource, query)
	if err != nil {
		return nil, err
	}
	return c.planOf(q)
}

// planOf is q's plan at the client's clock, q's dates read in q's zone,
// else the tenant's when the caller told it.
func (c *Client) planOf(q *filter.Query) (*FilterPlan, error) {
	zone := q.Zone
	if zone == nil {
		zone = c.tenantZone
	}
	return PlanFilter(q, c.now(), zone)
}

// planned walks q's plan: each request's walk, merged in the API's order
// (startDate, then filename or interactionGUID), a record listed by two
// requests yielded once, and the residual applied to each.
func planned[R any](c *Client, ctx context.Context, q *filter.Query, k *kind[R], yield func(R, error) bool) {
	var zero R
	p, err := c.planOf(q)
	if err != nil {
		yield(zero, err)
		return
	}
	match := func(*R) bool { return true }
	if !p.Residual.Empty() {
		match = k.compile(p.Residual, p.windows)
	}
	skip := p.Skip
	emit := func(r *R) bool {
		if !match(r) {
			return true
		}
		if skip > 0 {
			skip--
			return true
		}
		return yield(*r, nil)
	}
	n := &counts{start: c.now()} // the observer numbers pages across the requests
	walks := make([]iter.Seq2[R, error], len(p.Requests))
	for i, r := range p.Requests {
		w, err := c.choose(r)
		if err != nil {
			yield(zero, err)
			return
		}
		walks[i] = func(y func(R, error) bool) { walkQuery(c, ctx, r, w, k, n, y) }
	}
	switch len(walks) {
	case 0:
		return // the filter selects nothing: nothing is sent
	case 1:
		for r, err := range walks[0] {
			if err != nil {
				yield(zero, err)
				return
			}
			if !emit(&r) {
				return
			}
		}
		return
	}
	merge(walks, k, emit, func(err error) { yield(zero, err) })
}

// merge yields the records of walks, each in the API's order, in that
// order; a record at the head of two walks (the same startDate and
// identity) is yielded once. It stops at the first error, or when emit
// reports false.
func merge[R any](walks []iter.Seq2[R, error], k *kind[R], emit func(*R) bool, fail func(error)) {
	type head struct {
		next func() (R, error, bool)
		stop func()
		rec  R
		ok   bool
	}
	heads := make([]head, len(walks))
	for i, w := range walks {
		next, stop := iter.Pull2(w)
		heads[i] = head{next: next, stop: stop}
		defer stop()
	}
	advance := func(h *head) bool {
		r, err, ok := h.next()
		if err != nil {
			fail(err)
			return false
		}
		h.rec, h.ok = r, ok
		return true
	}
	for i := range heads {
		if !advance(&heads[i]) {
			return
		}
	}
	order := func(a, b *R) int {
		return cmp.Or(k.start(a).Compare(k.start(b)), strings.Compare(k.id(a), k.id(b)))
	}
	var last R
	emitted := false
	for {
		min := -1
		for i := range heads {
			if heads[i].ok && (min < 0 || order(&heads[i].rec, &heads[min].rec) < 0) {
				min = i
			}
		}
		if min < 0 {
			return
		}
		rec := heads[min].rec
		// Every other head holding the same record moves on: it is yielded once.
		for i := range heads {
			if heads[i].ok && order(&heads[i].rec, &rec) == 0 {
				if !advance(&heads[i]) {
					return
				}
			}
		}
		if emitted && order(&rec, &last) <= 0 {
			continue // a walk out of the API's order: never yield twice
		}
		last, emitted = rec, true
		if !emit(&rec) {
			return
		}
	}
}
