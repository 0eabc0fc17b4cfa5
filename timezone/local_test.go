package timezone

import (
	"math"
	"sort"
	"testing"
	"time"
)

// fataler is the part of testing.TB that *rapid.T also has.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

func mustLoad(t fataler, name string) *time.Location {
	t.Helper()
	loc, err := Load(name)
	if err != nil {
		t.Fatalf("Load(%q): %v", name, err)
	}
	return loc
}

func TestLocal(t *testing.T) {
	tests := []struct {
		name                string
		zone                string
		y                   int
		m                   time.Month
		d, hh, mm, ss, nsec int
		want                string // RFC 3339 in the zone
	}{
		{"NY ordinary", "America/New_York", 2007, 8, 5, 13, 15, 0, 0, "2007-08-05T13:15:00-04:00"},
		{"NY gap moves forward", "America/New_York", 2007, 3, 11, 2, 30, 0, 0, "2007-03-11T03:30:00-04:00"},
		{"NY gap start", "America/New_York", 2007, 3, 11, 2, 0, 0, 0, "2007-03-11T03:00:00-04:00"},
		{"NY gap last second", "America/New_York", 2007, 3, 11, 2, 59, 59, 0, "2007-03-11T03:59:59-04:00"},
		{"NY after gap", "America/New_York", 2007, 3, 11, 3, 0, 0, 0, "2007-03-11T03:00:00-04:00"},
		{"NY fold takes earlier", "America/New_York", 2007, 11, 4, 1, 30, 0, 0, "2007-11-04T01:30:00-04:00"},
		{"NY fold start", "America/New_York", 2007, 11, 4, 1, 0, 0, 0, "2007-11-04T01:00:00-04:00"},
		{"NY after fold", "America/New_York", 2007, 11, 4, 2, 0, 0, 0, "2007-11-04T02:00:00-05:00"},
		{"NY nanoseconds kept", "America/New_York", 2007, 3, 11, 2, 30, 0, 250000000, "2007-03-11T03:30:00.25-04:00"},
		{"hour 24 is next midnight", "America/New_York", 2007, 8, 5, 24, 0, 0, 0, "2007-08-06T00:00:00-04:00"},
		{"hour 24 at year end", "UTC", 2007, 12, 31, 24, 0, 0, 0, "2008-01-01T00:00:00Z"},
		{"Havana gap at midnight", "America/Havana", 2019, 3, 10, 0, 0, 0, 0, "2019-03-10T01:00:00-04:00"},
		{"Havana fold at midnight", "America/Havana", 2019, 11, 3, 0, 0, 0, 0, "2019-11-03T00:00:00-04:00"},
		{"Havana fold 00:30", "America/Havana", 2019, 11, 3, 0, 30, 0, 0, "2019-11-03T00:30:00-04:00"},
		{"Sao Paulo gap at midnight", "America/Sao_Paulo", 2018, 11, 4, 0, 0, 0, 0, "2018-11-04T01:00:00-02:00"},
		{"Sao Paulo fold", "America/Sao_Paulo", 2018, 2, 17, 23, 30, 0, 0, "2018-02-17T23:30:00-02:00"},
		{"Sydney no gap at midnight", "Australia/Sydney", 2023, 10, 1, 0, 0, 0, 0, "2023-10-01T00:00:00+10:00"},
		{"Sydney gap", "Australia/Sydney", 2023, 10, 1, 2, 15, 0, 0, "2023-10-01T03:15:00+11:00"},
		{"Apia skipped day", "Pacific/Apia", 2011, 12, 30, 12, 0, 0, 0, "2011-12-31T12:00:00+14:00"},
		{"Apia skipped midnight", "Pacific/Apia", 2011, 12, 30, 0, 0, 0, 0, "2011-12-31T00:00:00+14:00"},
		{"Toronto gap across midnight", "America/Toronto", 1919, 3, 31, 0, 0, 0, 0, "1919-03-31T01:00:00-04:00"},
		{"Etc/GMT+5 is UTC-5", "Etc/GMT+5", 2020, 6, 1, 12, 0, 0, 0, "2020-06-01T12:00:00-05:00"},
		{"year 0", "UTC", 0, 1, 1, 0, 0, 0, 0, "0000-01-01T00:00:00Z"},
		{"year 9999", "Europe/Paris", 9999, 12, 31, 23, 59, 59, 0, "9999-12-31T23:59:59+01:00"},
		{"far future rule", "America/New_York", 9999, 3, 14, 2, 30, 0, 0, "9999-03-14T03:30:00-04:00"},
		{"normalizes month 13", "UTC", 2007, 13, 1, 0, 0, 0, 0, "2008-01-01T00:00:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := mustLoad(t, tc.zone)
			got := Local(tc.y, tc.m, tc.d, tc.hh, tc.mm, tc.ss, tc.nsec, loc)
			if s := got.Format(time.RFC3339Nano); s != tc.want {
				t.Errorf("Local = %s, want %s", s, tc.want)
			}
			if got.Location() != loc {
				t.Errorf("Location = %v, want %v", got.Location(), loc)
			}
		})
	}
}

func TestStartOfDay(t *testing.T) {
	tests := []struct {
		name string
		zone string
		y    int
		m    time.Month
		d    int
		want string
	}{
		{"Sao Paulo gap at midnight", "America/Sao_Paulo", 2018, 11, 4, "2018-11-04T01:00:00-02:00"},
		{"Sydney", "Australia/Sydney", 2023, 10, 1, "2023-10-01T00:00:00+10:00"},
		{"Havana gap at midnight", "America/Havana", 2019, 3, 10, "2019-03-10T01:00:00-04:00"},
		{"Havana fold at midnight takes CDT", "America/Havana", 2019, 11, 3, "2019-11-03T00:00:00-04:00"},
		{"Apia day before skipped day", "Pacific/Apia", 2011, 12, 29, "2011-12-29T00:00:00-10:00"},
		{"Apia skipped day is empty", "Pacific/Apia", 2011, 12, 30, "2011-12-31T00:00:00+14:00"},
		{"Apia day after skipped day", "Pacific/Apia", 2011, 12, 31, "2011-12-31T00:00:00+14:00"},
		// The gap 23:30 -> 00:30 straddles midnight: the day's first instant is
		// the transition (00:30), while Local(00:00) is 01:00.
		{"Toronto gap across midnight", "America/Toronto", 1919, 3, 31, "1919-03-31T00:30:00-04:00"},
		{"UTC", "UTC", 2007, 8, 5, "2007-08-05T00:00:00Z"},
		{"year 0", "UTC", 0, 1, 1, "0000-01-01T00:00:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := mustLoad(t, tc.zone)
			got := StartOfDay(tc.y, tc.m, tc.d, loc)
			if s := got.Format(time.RFC3339Nano); s != tc.want {
				t.Errorf("StartOfDay = %s, want %s", s, tc.want)
			}
			if got.Location() != loc {
				t.Errorf("Location = %v, want %v", got.Location(), loc)
			}
		})
	}
	t.Run("Apia empty day", func(t *testing.T) {
		loc := mustLoad(t, "Pacific/Apia")
		if a, b := StartOfDay(2011, 12, 30, loc), StartOfDay(2011, 12, 31, loc); !a.Equal(b) {
			t.Errorf("StartOfDay(2011-12-30) = %v, StartOfDay(2011-12-31) = %v; want equal", a, b)
		}
	})
}

// TestTimeDateDiffers documents why Local exists: time.Date leaves the
// resolution of gaps unspecified and on some Go versions picks the instant
// before the transition.
func TestTimeDateDiffers(t *testing.T) {
	loc := mustLoad(t, "America/Sao_Paulo")
	ours := StartOfDay(2018, 11, 4, loc)
	theirs := time.Date(2018, 11, 4, 0, 0, 0, 0, loc)
	if got, want := ours.Format(time.RFC3339), "2018-11-04T01:00:00-02:00"; got != want {
		t.Fatalf("StartOfDay = %s, want %s", got, want)
	}
	if theirs.Equal(ours) {
		t.Logf("time.Date agrees on this Go version: %s", theirs.Format(time.RFC3339))
		return
	}
	if got, want := theirs.Format(time.RFC3339), "2018-11-03T23:00:00-03:00"; got != want {
		t.Errorf("time.Date = %s, want %s (golang/go#24551)", got, want)
	}
}

func TestLocalNilLocation(t *testing.T) {
	if got := Local(2007, 8, 5, 1, 2, 3, 0, nil); !got.Equal(time.Date(2007, 8, 5, 1, 2, 3, 0, time.UTC)) || got.Location() != time.UTC {
		t.Errorf("Local(nil loc) = %v", got)
	}
	if got := StartOfDay(2007, 8, 5, nil); !got.Equal(time.Date(2007, 8, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("StartOfDay(nil loc) = %v", got)
	}
}

func TestLocalExtremeInputsDoNotPanic(t *testing.T) {
	loc := mustLoad(t, "America/New_York")
	vals := []int{math.MinInt, math.MinInt + 1, -1 << 40, -1, 0, 1, 24, 1 << 40, math.MaxInt - 1, math.MaxInt}
	for _, v := range vals {
		for _, l := range []*time.Location{loc, time.UTC, nil} {
			_ = Local(v, time.Month(v), v, v, v, v, v, l)
			_ = Local(2000, 1, 1, 0, 0, 0, v, l)
			_ = Local(v, 1, 1, 0, 0, 0, 0, l)
			_ = StartOfDay(v, time.Month(v), v, l)
			_ = StartOfDay(2000, 1, v, l)
		}
	}
}

func TestLocalDoesNotAllocate(t *testing.T) {
	loc := mustLoad(t, "America/New_York")
	cases := []struct {
		name string
		f    func()
	}{
		{"ordinary", func() { Local(2007, 8, 5, 13, 15, 0, 0, loc) }},
		{"gap", func() { Local(2007, 3, 11, 2, 30, 0, 0, loc) }},
		{"fold", func() { Local(2007, 11, 4, 1, 30, 0, 0, loc) }},
		{"StartOfDay", func() { StartOfDay(2007, 3, 11, loc) }},
		{"StartOfDay gap", func() { StartOfDay(2018, 11, 4, mustLoad(t, "America/Sao_Paulo")) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if n := testing.AllocsPerRun(100, tc.f); n != 0 {
				t.Errorf("allocs = %v, want 0", n)
			}
		})
	}
}

// period is a span of constant UTC offset, from start until the next
// period's start.
type period struct{ start, off int64 }

// zonePeriods lists the offsets of loc in [from, to), walking transitions with
// time.Time.ZoneBounds, which is independent of the algorithm under test.
func zonePeriods(loc *time.Location, from, to int64) []period {
	ps := []period{{from, offsetAt(from, loc)}}
	for p := from; p < to; {
		_, end := time.Unix(p, 0).In(loc).ZoneBounds()
		if end.IsZero() {
			break
		}
		e := end.Unix()
		if e <= p {
			// For instants governed by the TZ string of a zone, Go's tzset
			// reports the end of the year as start+365 days, which is before
			// t on 31 December of a leap year. Step an hour instead, and
			// bisect if the offset changed within it.
			e = p + 3600
			if cur := offsetAt(p, loc); offsetAt(e, loc) != cur {
				lo := p
				for e-lo > 1 {
					if mid := lo + (e-lo)/2; offsetAt(mid, loc) == cur {
						lo = mid
					} else {
						e = mid
					}
				}
			}
		}
		if off := offsetAt(e, loc); off != ps[len(ps)-1].off {
			ps = append(ps, period{e, off})
		}
		p = e
	}
	return ps
}

// oracle resolves wall time w from an explicit list of periods: the earliest
// instant showing w, or, in a gap T+a <= w < T+b, the instant w-a.
func oracle(t testing.TB, ps []period, w int64) (int64, bool) {
	t.Helper()
	i := sort.Search(len(ps), func(i int) bool { return ps[i].start > w-secondsPerDay }) - 1
	if i < 0 {
		t.Fatalf("oracle: w=%d before the period list", w)
	}
	j := i
	for ; j < len(ps) && ps[j].start <= w+secondsPerDay; j++ {
		end := int64(math.MaxInt64)
		if j+1 < len(ps) {
			end = ps[j+1].start
		}
		if x := w - ps[j].off; ps[j].start <= x && x < end {
			return x, false // periods are in order: the first hit is the earliest
		}
	}
	for k := i; k+1 < j+1 && k+1 < len(ps); k++ {
		T := ps[k+1].start
		if T+ps[k].off <= w && w < T+ps[k+1].off {
			return w - ps[k].off, true
		}
	}
	t.Fatalf("oracle: no resolution for w=%d", w)
	return 0, false
}

func wallOf(s int64, loc *time.Location) int64 { return s + offsetAt(s, loc) }

func civil(w int64) (int, time.Month, int, int, int, int) {
	u := time.Unix(w, 0).UTC()
	return u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second()
}

// TestAllTransitions checks Local against the oracle around every transition
// of every zone between 1900 and 2100, and StartOfDay against the definition
// "the earliest instant whose local date is that day or later".
func TestAllTransitions(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	from := time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	to := time.Date(2101, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	straddles := 0
	for _, name := range Names() {
		loc := mustLoad(t, name)
		ps := zonePeriods(loc, from, to)
		for k := 1; k < len(ps); k++ {
			T, a, b := ps[k].start, ps[k-1].off, ps[k].off
			if T < from+2*secondsPerDay || T > to-2*secondsPerDay {
				continue
			}
			for _, w := range []int64{T + a - 3600, T + a - 1, T + a, T + a + 1, T + (a+b)/2, T + b - 1, T + b, T + b + 1, T + b + 3600} {
				want, _ := oracle(t, ps, w)
				y, mo, d, hh, mm, ss := civil(w)
				got := Local(y, mo, d, hh, mm, ss, 0, loc)
				if got.Unix() != want {
					t.Fatalf("%s: Local(%d-%02d-%02d %02d:%02d:%02d) = %s, want %s", name, y, mo, d, hh, mm, ss,
						got.Format(time.RFC3339), time.Unix(want, 0).In(loc).Format(time.RFC3339))
				}
			}
			for _, w := range []int64{T + a - secondsPerDay, T + a, T + b, T + b + secondsPerDay} {
				y, mo, d, _, _, _ := civil(w)
				day := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
				got := StartOfDay(y, mo, d, loc)
				if !(wallOf(got.Unix(), loc) >= day.Unix() && wallOf(got.Unix()-1, loc) < day.Unix()) {
					t.Fatalf("%s: StartOfDay(%d-%02d-%02d) = %s is not the first instant of the day", name, y, mo, d, got.Format(time.RFC3339))
				}
				if mid := Local(y, mo, d, 0, 0, 0, 0, loc); !mid.Equal(got) {
					straddles++
					if !mid.After(got) || wallOf(mid.Unix(), loc)-day.Unix() <= 0 {
						t.Fatalf("%s: StartOfDay(%d-%02d-%02d) = %s, Local(00:00) = %s", name, y, mo, d, got.Format(time.RFC3339), mid.Format(time.RFC3339))
					}
				}
			}
		}
	}
	t.Logf("days whose start differs from Local(00:00) (gap across midnight): %d", straddles)
}
