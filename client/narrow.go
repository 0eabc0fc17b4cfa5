package client

import (
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter"
)

// narrower rewrites a query's d= so that it starts at a startDate seen in
// a response and ends where the query's own d ends: the key walk's next
// page (docs/CLIENT.md). The narrowed range is always inside the query's.
type narrower struct {
	end daterange.Value // where the query's d ends ([D-10]: B of A,B, or the end of A's own interval)
	// from is the query's first instant when d starts at a fraction of a
	// second: a startDate read from a response (to the second) may lie
	// before it, and the narrowed range must not reach back past it.
	from time.Time
}

// lastEnd is the end of the key walk of a query without d: the last
// instant the API can write (years have four digits, [D-14]) in UTC.
var lastEnd = mustValue("9999-12-31T23:59:59.999999999Z")

// lastEndIn is lastEnd for a query read in zone: the last instant of the
// year 9999 there, since the API refuses a d whose end falls in the year
// 10000 in the query's zone (Asia/Kolkata's 9999-12-31T23:59:59Z does).
// Without a zone (the tenant's, not told) it is the last instant every
// zone writes in 9999.
func lastEndIn(zone *time.Location) daterange.Value {
	if zone == nil {
		return mustValue("9999-12-30T23:59:59.999999999Z")
	}
	if v, err := valueAt(time.Date(9999, 12, 31, 23, 59, 59, 999999999, zone)); err == nil {
		return v
	}
	return lastEnd
}

func mustValue(s string) daterange.Value {
	v, err := daterange.ParseValue(s)
	if err != nil {
		panic("client: " + s + ": " + err.Error())
	}
	return v
}

// valueAt is the absolute value of the instant t, with as many fraction
// digits as t needs, written with an offset of whole minutes near t's own
// (local mean times have offsets in seconds, which a value cannot write)
// at which its year has four digits, else in UTC.
func valueAt(t time.Time) (daterange.Value, error) {
	_, off := t.Zone()
	whole := off - off%60
	for _, o := range [...]int{whole, whole + 60, whole - 60} {
		if u := t.In(time.FixedZone("", o)); u.Year() >= 0 && u.Year() <= 9999 {
			return daterange.ParseValue(u.Format("2006-01-02T15:04:05.999999999Z07:00"))
		}
	}
	return daterange.ParseValue(t.UTC().Format("2006-01-02T15:04:05.999999999Z07:00"))
}

// newNarrower returns the narrower of q, or why q's dates do not allow a
// key walk. zone is the zone q's dates are read in: q.Zone, else the
// tenant's when the caller told it (WithKnownTenantZone); nil means the
// tenant's, which the client does not know.
func newNarrower(q *filter.Query, zone *time.Location) (narrower, string) {
	if !q.HasDate {
		return narrower{end: lastEndIn(zone)}, ""
	}
	a := q.Date.From()
	var nw narrower
	_, hasOffset := a.Offset()
	known := hasOffset || zone != nil // a's instants can be computed without the server
	if !a.IsRelative() && a.Precision() == daterange.Fraction {
		if !known {
			return narrower{}, "d starts at a fraction of a second in the tenant's zone"
		}
		nw.from = a.Start(time.Time{}, zone)
	}
	if b, ok := q.Date.To(); ok {
		nw.end = b
		return nw, ""
	}
	switch {
	case a.IsRelative():
		// today+k is a day; its interval ends where today+(k+1) starts.
		v, ok := daterange.Today(a.RelativeDays() + 1)
		if !ok {
			return narrower{}, "d is a relative day at the end of the range relative days can reach"
		}
		nw.end = v
	case a.Precision() == daterange.Day && !hasOffset:
		// A date is its whole day wherever it is read: it ends where the
		// next date starts, in the same zone.
		y, m, d := a.Date()
		next := time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)
		if next.Year() > 9999 {
			return narrower{}, "d is the last day the API can write"
		}
		nw.end = mustValue(next.Format("2006-01-02"))
	case known:
		w := a.Interval(time.Time{}, zone)
		v, err := valueAt(w.To)
		if err != nil {
			return narrower{}, "the end of d cannot be written as a date: " + err.Error()
		}
		nw.end = v
	default:
		return narrower{}, "d is one time of day in the tenant's zone"
	}
	return nw, ""
}

// at returns d from the startDate s (as a response writes it, to the
// second) up to the query's end.
func (nw narrower) at(s time.Time) (daterange.Range, error) {
	if !nw.from.IsZero() && s.Before(nw.from) {
		s = nw.from
	}
	v, err := valueAt(s)
	if err != nil {
		return daterange.Range{}, err
	}
	return daterange.Between(v, nw.end)
}
