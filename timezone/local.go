package timezone

import (
	"slices"
	"time"
)

const secondsPerDay = 86400

// Local returns the instant at which the wall clock in loc shows the given
// date and time, resolved like RFC 9557 / Temporal "compatible":
//
//   - a time that occurs once maps to that instant;
//   - a time that occurs twice (clocks turned back) maps to the earlier instant;
//   - a time that is skipped (clocks turned forward) is read with the offset in
//     force before the transition, so it moves forward by the length of the gap
//     (New York 2007-03-11 02:30 is 03:30 EDT).
//
// Unlike time.Date, whose choice in these cases is unspecified, the result is
// fully determined. Out-of-range fields are normalized as by time.Date (hour
// 24 is 00:00 of the next day). The result is in loc; a nil loc means UTC.
// Local does not allocate.
func Local(year int, month time.Month, day, hour, min, sec, nsec int, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	wall := time.Date(year, month, day, hour, min, sec, nsec, time.UTC)
	s, _ := resolve(wall.Unix(), loc)
	return time.Unix(s, int64(wall.Nanosecond())).In(loc)
}

// StartOfDay returns the first instant of the given calendar day in loc: the
// earliest instant whose local date is that day or later. It is
// Local(year, month, day, 0, 0, 0, 0, loc) except when midnight falls inside
// a gap that began before midnight (Toronto 1919-03-30 23:30 -> 00:30): then
// the day starts at the transition, 00:30. A day the zone skips entirely
// (Pacific/Apia 2011-12-30) is empty: it starts where the next day starts.
// A nil loc means UTC.
func StartOfDay(year int, month time.Month, day int, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	w := time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Unix()
	s, gap := resolve(w, loc)
	if gap {
		s = firstAtOrAfter(w, s, loc)
	}
	return time.Unix(s, 0).In(loc)
}

// resolve returns the instant (Unix seconds) for the wall time w, given as
// seconds since the Unix epoch as if the wall clock were UTC, and whether w
// falls in a gap.
//
// Every instant showing w lies within a day of w (|offset| < 24h), and tz data
// has no two transitions within two days of each other, so the offsets in
// force a day before and a day after w are the only candidates. An extra round
// with the offsets found at the first candidates guards against closer
// transitions.
func resolve(w int64, loc *time.Location) (sec int64, gap bool) {
	before := offsetAt(w-secondsPerDay, loc)
	after := offsetAt(w+secondsPerDay, loc)
	offs := [4]int64{before, after, offsetAt(w-before, loc), offsetAt(w-after, loc)}
	found := false
	for i, o := range offs {
		if slices.Contains(offs[:i], o) {
			continue // already tried
		}
		c := w - o
		if offsetAt(c, loc) == o && (!found || c < sec) {
			sec, found = c, true
		}
	}
	if !found {
		return w - before, true
	}
	return sec, false
}

// firstAtOrAfter returns the first instant whose wall time is at or after w,
// for a w inside a gap whose compatible resolution is hi. The transition lies
// in (hi-gap, hi]; the wall clock increases monotonically across it.
func firstAtOrAfter(w, hi int64, loc *time.Location) int64 {
	lo := w - offsetAt(w+secondsPerDay, loc) // wall(lo) < w
	if lo >= hi || lo+offsetAt(lo, loc) >= w || hi+offsetAt(hi, loc) < w {
		return hi // not a simple gap; keep the compatible answer
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if mid+offsetAt(mid, loc) >= w {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// offsetAt returns the offset east of UTC, in seconds, in force at instant s.
func offsetAt(s int64, loc *time.Location) int64 {
	_, off := time.Unix(s, 0).In(loc).Zone()
	return int64(off)
}
