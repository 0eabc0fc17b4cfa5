package postgres

import (
	"time"
)

// An instant is stored as a timestamptz, which holds microseconds (pgx
// floors a time.Time to them), plus the nanoseconds below the microsecond,
// so that windows and the page order are exact as in the in-memory store.

// subMicro returns the nanoseconds of t below its microsecond, 0–999.
func subMicro(t time.Time) int16 { return int16(t.Nanosecond() % 1000) }

// offsetOf returns the offset east of UTC in seconds that t is written with.
func offsetOf(t time.Time) int32 {
	_, off := t.Zone()
	return int32(off)
}

// join rebuilds an instant from its stored parts, in a zone of the offset it
// was written with (UTC for 0).
func join(ts time.Time, ns int16, off int32) time.Time {
	t := ts.Add(time.Duration(ns))
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", int(off)))
}

// The years an instant may have: those a record's reader takes, with room
// for every offset. Outside them the database could not hold startDate plus
// any duration.
const minYear, maxYear = 1, 9999

func storable(t time.Time) bool {
	y := t.UTC().Year()
	return y >= minYear && y <= maxYear
}
