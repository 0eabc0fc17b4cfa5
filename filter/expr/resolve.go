package expr

import (
	"time"

	"github.com/recq/recq/daterange"
)

// Resolve returns the interval of every date value of e, indexed as
// e.Values (zero windows for the values of other kinds): the value's
// interval of precision ([D-9]) in loc, the request's zone, at the clock
// reading now (docs/LANGUAGE.md §14.3).
func (e *Expr) Resolve(now time.Time, loc *time.Location) []daterange.Window {
	if e.Empty() {
		return nil
	}
	w := make([]daterange.Window, len(e.Values))
	for i := range e.Nodes {
		n := &e.Nodes[i]
		if !n.Op.IsComparison() || e.Selector(n).Kind != Date {
			continue
		}
		for k := n.First; k < n.First+n.Count; k++ {
			w[k] = e.Values[k].Date.Interval(now, loc)
		}
	}
	return w
}

// StartBounds returns the span of startDate, [from, to), that every record
// the filter selects lies in, as far as its top-level conjunction proves
// it, for a store that scans by startDate; zero ends are open. w is
// e.Resolve's answer.
func (e *Expr) StartBounds(w []daterange.Window) (from, to time.Time) {
	if e.Empty() {
		return
	}
	lower := func(t time.Time) {
		if from.IsZero() || t.After(from) {
			from = t
		}
	}
	upper := func(t time.Time) {
		if to.IsZero() || t.Before(to) {
			to = t
		}
	}
	bound := func(i int) {
		n := &e.Nodes[i]
		if !n.Op.IsComparison() || e.Selector(n).Name != SelStartDate {
			return
		}
		args := w[n.First : n.First+n.Count]
		switch n.Op {
		case Ge:
			lower(args[0].From)
		case Gt:
			lower(args[0].To)
		case Lt:
			upper(args[0].From)
		case Le:
			upper(args[0].To)
		case Eq, In:
			lo, hi := args[0].From, args[0].To
			for _, a := range args[1:] {
				if a.From.Before(lo) {
					lo = a.From
				}
				if a.To.After(hi) {
					hi = a.To
				}
			}
			lower(lo)
			upper(hi)
		}
	}
	if e.Nodes[0].Op == And {
		for j := 1; j < int(e.Nodes[0].Size); j += int(e.Nodes[j].Size) {
			bound(j)
		}
	} else {
		bound(0)
	}
	if !from.IsZero() && !to.IsZero() && !to.After(from) {
		to = from // empty
	}
	return from, to
}

// DateValue is one date value of a comparison with the interval it
// denotes, for a preview of what a filter covers.
type DateValue struct {
	Selector string // startDate or finishDate
	Operator string // the canonical spelling: =ge=, ==, …
	Value    string // the value's canonical text
	daterange.Window
}

// DateValues lists e's date values in the order written, each with its
// window from w (e.Resolve's answer).
func (e *Expr) DateValues(w []daterange.Window) []DateValue {
	var out []DateValue
	for i := range e.Nodes {
		n := &e.Nodes[i]
		if !n.Op.IsComparison() || e.Selector(n).Kind != Date {
			continue
		}
		for k := n.First; k < n.First+n.Count; k++ {
			out = append(out, DateValue{e.Selector(n).Name, n.Op.String(), e.Values[k].Date.String(), w[k]})
		}
	}
	return out
}
