package daterange

import (
	"time"

	"github.com/recq/recq/internal/rfc3339"
	"github.com/recq/recq/timezone"
)

// Window is a span of instants. For [Value.Interval] and [Range.Resolve] it
// is half-open, [From, To); for [Value.Near] both ends are included. From
// equals To for a day with no instants in its zone (Pacific/Apia skipped
// 2011-12-30): an empty window, not an error.
type Window struct {
	From, To time.Time
}

// String writes the window as ISO 8601 writes an interval: its two ends in
// RFC 3339 (with a fraction of a second when they have one), each with its
// own offset, joined by '/': 2007-08-05T00:00:00-04:00/2007-08-06T00:00:00-04:00.
// Whether To belongs to the window depends on where the window comes from
// (above).
func (w Window) String() string {
	return rfc3339.String(w.From) + "/" + rfc3339.String(w.To)
}

// Tolerance is how far from a start-date or finish-date value a record's
// start or end may lie and still match, both ends included.
const Tolerance = 5 * time.Second

// Interval returns the instants the value denotes ([D-9]): a date is its
// whole day in loc; a time is its minute, second or fraction of a second.
// now is the clock for today; loc is the zone for values written without an
// offset (the query's tz, else the tenant's); nil means UTC. Wall times are
// mapped as RFC 9557 "compatible" ([D-11]). The instants are given in loc.
func (v Value) Interval(now time.Time, loc *time.Location) Window {
	if loc == nil {
		loc = time.UTC
	}
	if v.relative() {
		d := dayAt(now.In(loc)) + day(v.days())
		return Window{From: startOfDay(d, loc), To: startOfDay(d+1, loc)}
	}
	start := v.Start(now, loc)
	if v.prec() == Day {
		d := dayOf(int(v.year()), time.Month(v.month()), int(v.day()))
		return Window{From: start, To: startOfDay(d+1, loc)}
	}
	return Window{From: start, To: start.Add(v.length())}
}

// Start returns the first instant of the value's interval, in loc.
func (v Value) Start(now time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	switch {
	case v.relative():
		return startOfDay(dayAt(now.In(loc))+day(v.days()), loc)
	case v.hasOffset():
		return time.Unix(v.civilSeconds()-int64(v.offset()), int64(v.nsec)).In(loc)
	case v.prec() == Day:
		return timezone.StartOfDay(int(v.year()), time.Month(v.month()), int(v.day()), loc)
	}
	return timezone.Local(int(v.year()), time.Month(v.month()), int(v.day()), int(v.hour()), int(v.minute()), int(v.second()), int(v.nsec), loc)
}

// Near returns the window of a start-date or finish-date value: its start
// ± [Tolerance], both ends included. A date without a time means its
// midnight ± 5 s, as the API document says.
func (v Value) Near(now time.Time, loc *time.Location) Window {
	t := v.Start(now, loc)
	return Window{From: t.Add(-Tolerance), To: t.Add(Tolerance)}
}

// Resolve returns the instants the range denotes, in loc: a single value's
// interval, or [start of A, start of B) for A,B ([D-10]). It fails, with an
// *Error at position -1, when B does not start after A once the clock and
// the zone are known.
func (r Range) Resolve(now time.Time, loc *time.Location) (Window, error) {
	if !r.hasTo {
		return r.from.Interval(now, loc), nil
	}
	w := Window{From: r.from.Start(now, loc), To: r.to.Start(now, loc)}
	if !w.To.After(w.From) {
		v := r.String()
		return Window{}, &Error{Value: v, Pos: -1, Code: CodeReversedRange, End: len(v),
			Msg:  "the range's end (" + rfc3339.String(w.To) + ") is not after its start (" + rfc3339.String(w.From) + ")",
			Hint: rangeHint}
	}
	return w, nil
}

// startOfDay is the first instant of day d in loc, from the zone's
// transitions: never date/v2's MidnightIn, which can give 23:00 of the day before.
func startOfDay(d day, loc *time.Location) time.Time {
	y, m, dd := d.midnight().Date()
	return timezone.StartOfDay(y, m, dd, loc)
}
