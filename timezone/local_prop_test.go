package timezone

import (
	"sort"
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"
)

var (
	propFrom = time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	propTo   = time.Date(2101, 12, 31, 0, 0, 0, 0, time.UTC).Unix()

	periodsMu    sync.Mutex
	periodsCache = map[string][]period{}
)

func periodsOf(t fataler, name string) (*time.Location, []period) {
	loc := mustLoad(t, name)
	periodsMu.Lock()
	defer periodsMu.Unlock()
	ps, ok := periodsCache[name]
	if !ok {
		ps = zonePeriods(loc, propFrom, propTo)
		periodsCache[name] = ps
	}
	return loc, ps
}

// solutions returns, in order, every instant whose wall clock shows w.
func solutions(ps []period, w int64) []int64 {
	var out []int64
	for j, p := range ps {
		end := propTo
		if j+1 < len(ps) {
			end = ps[j+1].start
		}
		if x := w - p.off; p.start <= x && x < end {
			out = append(out, x)
		}
	}
	return out
}

// wallGen draws a wall time in 1900..2100 as seconds since the epoch as if
// UTC: either uniformly, or within two hours of a transition of the zone, so
// that gaps and folds are well represented.
func wallGen(ps []period) *rapid.Generator[int64] {
	lo := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2100, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
	uniform := rapid.Int64Range(lo, hi)
	near := rapid.Custom(func(t *rapid.T) int64 {
		if len(ps) < 2 {
			return uniform.Draw(t, "w")
		}
		k := rapid.IntRange(1, len(ps)-1).Draw(t, "transition")
		base := ps[k].start + ps[k-1].off
		if rapid.Bool().Draw(t, "after") {
			base = ps[k].start + ps[k].off
		}
		w := base + rapid.Int64Range(-7200, 7200).Draw(t, "delta")
		return min(max(w, lo), hi)
	})
	return rapid.OneOf(uniform, near)
}

func TestPropLocal(t *testing.T) {
	names := Names()
	rapid.Check(t, func(t *rapid.T) {
		name := rapid.SampledFrom(names).Draw(t, "zone")
		loc, ps := periodsOf(t, name)
		w := wallGen(ps).Draw(t, "wall")
		nsec := rapid.IntRange(0, 999999999).Draw(t, "nsec")
		y, mo, d, hh, mm, ss := civil(w)
		got := Local(y, mo, d, hh, mm, ss, nsec, loc)
		r := got.Unix()
		if got.Location() != loc || got.Nanosecond() != nsec {
			t.Fatalf("Local = %v: wrong location or nanoseconds", got)
		}
		sols := solutions(ps, w)
		if len(sols) > 0 {
			// (a) a wall time that occurs is mapped to its earliest instant.
			if r != sols[0] {
				t.Fatalf("Local(%s) = %s, want earliest of %v", time.Unix(w, 0).UTC(), got.Format(time.RFC3339), sols)
			}
			if len(sols) == 1 {
				// Unambiguous: time.Date is specified here and must agree.
				if td := time.Date(y, mo, d, hh, mm, ss, nsec, loc); !td.Equal(got) {
					t.Fatalf("time.Date = %v, Local = %v", td, got)
				}
			}
			return
		}
		// A skipped wall time moves forward by the length of the gap: it is
		// read with the offset in force before the transition.
		k := sort.Search(len(ps), func(i int) bool { return ps[i].start > r }) - 1
		if k < 1 {
			t.Fatalf("gap result %v before any transition", got)
		}
		T, a, b := ps[k].start, ps[k-1].off, ps[k].off
		if !(T+a <= w && w < T+b) {
			t.Fatalf("Local(%s) = %s: wall time is not in the gap before it", time.Unix(w, 0).UTC(), got.Format(time.RFC3339))
		}
		if r != w-a || wallOf(r, loc) != w+(b-a) {
			t.Fatalf("Local(%s) = %s, want %s", time.Unix(w, 0).UTC(), got.Format(time.RFC3339), time.Unix(w-a, 0).In(loc).Format(time.RFC3339))
		}
	})
}

func TestPropStartOfDay(t *testing.T) {
	names := Names()
	rapid.Check(t, func(t *rapid.T) {
		name := rapid.SampledFrom(names).Draw(t, "zone")
		loc, ps := periodsOf(t, name)
		y, mo, d, _, _, _ := civil(wallGen(ps).Draw(t, "day"))
		midnight := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Unix()
		s := StartOfDay(y, mo, d, loc)
		// (b1) it is the first instant whose local date is d or later.
		if wallOf(s.Unix(), loc) < midnight || wallOf(s.Unix()-1, loc) >= midnight {
			t.Fatalf("StartOfDay(%d-%02d-%02d) = %s is not the first instant of the day", y, mo, d, s.Format(time.RFC3339))
		}
		// (b2) monotone over consecutive days; an empty day starts with the next.
		prev := StartOfDay(y, mo, d-1, loc)
		next := StartOfDay(y, mo, d+1, loc)
		if prev.After(s) || s.After(next) {
			t.Fatalf("StartOfDay not monotone: %v, %v, %v", prev, s, next)
		}
		// (b3) it is Local at 00:00 unless a gap runs across midnight, in
		// which case Local(00:00) lands later, still inside that day's start gap.
		if l := Local(y, mo, d, 0, 0, 0, 0, loc); !l.Equal(s) && !(l.After(s) && len(solutions(ps, midnight)) == 0) {
			t.Fatalf("StartOfDay = %v, Local(00:00) = %v", s, l)
		}
	})
}

// TestPropIgnoresTimeLocal checks (c): results do not depend on time.Local.
func TestPropIgnoresTimeLocal(t *testing.T) {
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	others := []*time.Location{time.UTC, mustLoad(t, "Pacific/Chatham"), mustLoad(t, "America/St_Johns"), mustLoad(t, "Asia/Kathmandu")}
	names := Names()
	rapid.Check(t, func(t *rapid.T) {
		name := rapid.SampledFrom(names).Draw(t, "zone")
		loc, ps := periodsOf(t, name)
		y, mo, d, hh, mm, ss := civil(wallGen(ps).Draw(t, "wall"))
		run := func() (*time.Location, string, string) {
			l, err := Load(name)
			if err != nil {
				t.Fatal(err)
			}
			return l, Local(y, mo, d, hh, mm, ss, 0, l).Format(time.RFC3339), StartOfDay(y, mo, d, l).Format(time.RFC3339)
		}
		time.Local = time.UTC
		l1, a1, b1 := run()
		time.Local = rapid.SampledFrom(others).Draw(t, "time.Local")
		l2, a2, b2 := run()
		time.Local = saved
		if l1 != loc || l2 != loc || a1 != a2 || b1 != b2 {
			t.Fatalf("results depend on time.Local: %s/%s vs %s/%s", a1, b1, a2, b2)
		}
	})
}
