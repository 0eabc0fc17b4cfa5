package client

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/timezone"
)

// The key walk's law: narrowing d at a startDate s seen in the window
// gives exactly the instants of the query's window from s (or from the
// window's start, when s is its second) on, resolved as the server
// resolves them, whatever the form of d, its zone and the clock.
func TestPropNarrowKeepsTheWindowsEnd(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := fuzz.OrderedRange().Draw(t, "d")
		target := "/files?d=" + url.QueryEscape(d)
		if rapid.Bool().Draw(t, "tz") {
			target += "&tz=" + url.QueryEscape(fuzz.Zone().Draw(t, "zone"))
		}
		tenant, err := timezone.Load(fuzz.Zone().Draw(t, "tenant"))
		if err != nil {
			t.Fatal(err)
		}
		now := time.Unix(rapid.Int64Range(946684800, 1924992000).Draw(t, "now"), 0)
		q, err := filter.Parse("GET", target)
		if err != nil {
			t.Skip("refused:", err)
		}
		res, err := q.Resolve(now, tenant)
		if err != nil || !res.Date.To.After(res.Date.From) {
			t.Skip("empty or reversed window")
		}
		nw, why := newNarrower(q, q.Zone)
		if why != "" {
			// Only the tenant's unknown zone and the edges of what a value
			// can write deny a key walk.
			edge := strings.Contains(why, "cannot be written") || strings.Contains(why, "last day") || strings.Contains(why, "relative days can reach")
			if !edge && (q.Zone != nil || !strings.Contains(why, "tenant's zone")) {
				t.Fatalf("%s: no key walk (%s)", target, why)
			}
			return
		}
		span := res.Date.To.Sub(res.Date.From)
		at := res.Date.From
		if span > 0 {
			at = at.Add(time.Duration(rapid.Int64Range(0, int64(span)-1).Draw(t, "at")))
		}
		// A response writes s in the query's zone, to the second; an
		// instant whose year has not four digits there is never written.
		s := floorSecond(at).In(q.Location(tenant))
		if s.Year() < 0 || s.Year() > 9999 {
			t.Skip("no response can write", s)
		}
		r, err := nw.at(s)
		if err != nil {
			t.Fatalf("%s at %v: %v", target, s, err)
		}
		q2 := *q
		q2.Date = r
		res2, err := q2.Resolve(now, tenant)
		if err != nil {
			t.Fatalf("%s narrowed to %v: %v", target, r, err)
		}
		from := s
		if from.Before(res.Date.From) {
			from = res.Date.From
		}
		if !res2.Date.From.Equal(from) || !res2.Date.To.Equal(res.Date.To) {
			t.Fatalf("%s at %v: narrowed %v is [%v, %v), want [%v, %v)", target, s, r, res2.Date.From, res2.Date.To, from, res.Date.To)
		}
	})
}

func TestNarrowerRefuses(t *testing.T) {
	cases := []struct{ query, why string }{
		{"d=2007-08-05T13:15:00.25", "d starts at a fraction of a second in the tenant's zone"},
		{"d=2007-08-05T13:15", "d is one time of day in the tenant's zone"},
		{"d=9999-12-31", "d is the last day the API can write"},
		{"d=today%2B100000d", "d is a relative day at the end of the range relative days can reach"},
	}
	for _, tc := range cases {
		q, err := filter.Parse("GET", "/files?"+tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if _, why := newNarrower(q, q.Zone); why != tc.why {
			t.Errorf("%s: %q, want %q", tc.query, why, tc.why)
		}
	}
	for _, ok := range []string{"", "d=today-1d,today", "d=2007-08-05", "d=2007-08-05T13:15Z", "d=2007-08-05T13:15:00.25,today&tz=UTC", "d=2007-08-05T13:15&tz=UTC"} {
		q, err := filter.Parse("GET", "/files?"+ok)
		if err != nil {
			t.Fatal(err)
		}
		if _, why := newNarrower(q, q.Zone); why != "" {
			t.Errorf("%s: no key walk: %s", ok, why)
		}
	}
}
