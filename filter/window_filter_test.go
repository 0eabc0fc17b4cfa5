package filter

import (
	"testing"
	"time"
)

// The in-memory store scans only the startDate span that a filter's
// top-level conjunction proves, as it does for d= (docs/LANGUAGE.md §14.6).
func TestFilterNarrowsTheScan(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2026, 12, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		target   string
		from, to time.Time
	}{
		{"/files?filter=startDate=ge=today-1d;agentID==bill", day(6), time.Time{}},
		{"/files?filter=agentID==bill;startDate=lt=today", time.Time{}, day(7)},
		{"/files?filter=startDate=gt=today-2d;startDate=le=today-1d", day(6), day(7)},
		{"/files?filter=startDate==2026-12-03", day(3), day(4)},
		{"/files?filter=startDate=in=(2026-12-03,2026-12-01)", day(1), day(4)},
		{"/files?d=2026-12-01,2026-12-05&filter=startDate=ge=2026-12-03", day(3), day(5)},
		{"/files?filter=startDate=ge=today-1d,agentID==bill", time.Time{}, time.Time{}}, // an or proves nothing
		{"/files?filter=startDate!=today", time.Time{}, time.Time{}},
		{"/files?filter=startDate=ge=2026-12-05;startDate=lt=2026-12-03", day(5), day(5)}, // empty
	} {
		q, err := Parse("GET", c.target)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Compile(q, now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		from, to := p.window()
		if !from.Equal(c.from) || !to.Equal(c.to) {
			t.Errorf("%s: window [%v, %v), want [%v, %v)", c.target, from, to, c.from, c.to)
		}
	}
}
