package daterange

import (
	"errors"
	"testing"
	"time"

	"github.com/recq/recq/timezone"
)

// fatalf is what testing.TB and *rapid.T have in common.
type fatalf interface {
	Helper()
	Fatal(args ...any)
}

func mustZone(t fatalf, name string) *time.Location {
	t.Helper()
	loc, err := timezone.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func mustTime(t fatalf, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// The resolved windows, [From, To), of d= values: the document's examples,
// then days and times around DST changes where a plain time.Date or
// date/v2's MidnightIn give 23:00 of the day before.
var resolveTests = []struct {
	name, d, zone, now, from, to string
}{
	{"document day in New York", "2007-08-05", "America/New_York", "2026-11-25T12:00:00Z", "2007-08-05T00:00:00-04:00", "2007-08-06T00:00:00-04:00"},
	{"document range in the tenant zone", "2007-08-05,2007-08-07", "America/Los_Angeles", "2026-11-25T12:00:00Z", "2007-08-05T00:00:00-07:00", "2007-08-07T00:00:00-07:00"},
	{"document range with times", "2007-08-05 13:15Z,2007-08-07 14:30Z", "America/Los_Angeles", "2026-11-25T12:00:00Z", "2007-08-05T06:15:00-07:00", "2007-08-07T07:30:00-07:00"},
	{"document basic range", "20070805T1315Z,20070807T1430Z", "UTC", "2026-11-25T12:00:00Z", "2007-08-05T13:15:00Z", "2007-08-07T14:30:00Z"},
	{"document yesterday in Denver", "today-1d,today", "America/Denver", "2026-11-25T12:00:00Z", "2026-11-24T00:00:00-07:00", "2026-11-25T00:00:00-07:00"},
	{"today just after midnight UTC is yesterday in Denver", "today", "America/Denver", "2026-11-25T03:00:00Z", "2026-11-24T00:00:00-07:00", "2026-11-25T00:00:00-07:00"},
	{"today-7d", "today-7d", "UTC", "2026-11-25T23:59:59Z", "2026-11-18T00:00:00Z", "2026-11-19T00:00:00Z"},
	{"a minute", "2007-08-05T13:15", "America/New_York", "2026-11-25T12:00:00Z", "2007-08-05T13:15:00-04:00", "2007-08-05T13:16:00-04:00"},
	{"a second", "2007-08-05T13:15:58Z", "UTC", "2026-11-25T12:00:00Z", "2007-08-05T13:15:58Z", "2007-08-05T13:15:59Z"},
	{"a fraction of two digits", "2007-08-05T13:15:58.25Z", "UTC", "2026-11-25T12:00:00Z", "2007-08-05T13:15:58.25Z", "2007-08-05T13:15:58.26Z"},
	{"24:00 is the next day", "2007-08-05T24:00Z", "UTC", "2026-11-25T12:00:00Z", "2007-08-06T00:00:00Z", "2007-08-06T00:01:00Z"},
	{"offset shown in the query zone", "2007-08-05T13:15+05:30", "Asia/Tokyo", "2026-11-25T12:00:00Z", "2007-08-05T16:45:00+09:00", "2007-08-05T16:46:00+09:00"},
	// Sao Paulo: DST began at midnight 2018-11-04, so the day starts at 01:00 (golang/go#24551).
	{"Sao Paulo gap at midnight", "2018-11-04", "America/Sao_Paulo", "2026-11-25T12:00:00Z", "2018-11-04T01:00:00-02:00", "2018-11-05T00:00:00-02:00"},
	{"Sao Paulo day before the gap", "2018-11-03", "America/Sao_Paulo", "2026-11-25T12:00:00Z", "2018-11-03T00:00:00-03:00", "2018-11-04T01:00:00-02:00"},
	{"Sao Paulo fold", "2019-02-16", "America/Sao_Paulo", "2026-11-25T12:00:00Z", "2019-02-16T00:00:00-02:00", "2019-02-17T00:00:00-03:00"},
	// Havana changes its clocks at midnight, both ways.
	{"Havana gap at midnight", "2019-03-10", "America/Havana", "2026-11-25T12:00:00Z", "2019-03-10T01:00:00-04:00", "2019-03-11T00:00:00-04:00"},
	{"Havana fold at midnight takes the earlier midnight", "2019-11-03", "America/Havana", "2026-11-25T12:00:00Z", "2019-11-03T00:00:00-04:00", "2019-11-04T00:00:00-05:00"},
	// New York changes at 02:00.
	{"New York short day", "2007-03-11", "America/New_York", "2026-11-25T12:00:00Z", "2007-03-11T00:00:00-05:00", "2007-03-12T00:00:00-04:00"},
	{"New York time in the gap moves forward", "2007-03-11T02:30", "America/New_York", "2026-11-25T12:00:00Z", "2007-03-11T03:30:00-04:00", "2007-03-11T03:31:00-04:00"},
	{"New York time in the fold takes the earlier", "2007-11-04T01:30", "America/New_York", "2026-11-25T12:00:00Z", "2007-11-04T01:30:00-04:00", "2007-11-04T01:31:00-04:00"},
	{"New York long day", "2007-11-04", "America/New_York", "2026-11-25T12:00:00Z", "2007-11-04T00:00:00-04:00", "2007-11-05T00:00:00-05:00"},
	// Apia skipped 2011-12-30 altogether.
	{"Apia skipped day is empty", "2011-12-30", "Pacific/Apia", "2026-11-25T12:00:00Z", "2011-12-31T00:00:00+14:00", "2011-12-31T00:00:00+14:00"},
	{"Apia day before the skip", "2011-12-29", "Pacific/Apia", "2026-11-25T12:00:00Z", "2011-12-29T00:00:00-10:00", "2011-12-31T00:00:00+14:00"},
	{"Apia range over the skip", "2011-12-29,2011-12-31", "Pacific/Apia", "2026-11-25T12:00:00Z", "2011-12-29T00:00:00-10:00", "2011-12-31T00:00:00+14:00"},
	// Sydney: DST began 2023-10-01 at 02:00; date/v2's MidnightIn gives 23:00 the day before.
	{"Sydney DST day", "2023-10-01", "Australia/Sydney", "2026-11-25T12:00:00Z", "2023-10-01T00:00:00+10:00", "2023-10-02T00:00:00+11:00"},
	{"today on Sao Paulo's gap day", "today", "America/Sao_Paulo", "2018-11-04T12:00:00Z", "2018-11-04T01:00:00-02:00", "2018-11-05T00:00:00-02:00"},
}

func TestResolve(t *testing.T) {
	for _, tt := range resolveTests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseRange(tt.d)
			if err != nil {
				t.Fatal(err)
			}
			loc := mustZone(t, tt.zone)
			w, err := r.Resolve(mustTime(t, tt.now), loc)
			if err != nil {
				t.Fatal(err)
			}
			if got := w.From.Format(time.RFC3339Nano); got != tt.from {
				t.Errorf("from = %s, want %s", got, tt.from)
			}
			if got := w.To.Format(time.RFC3339Nano); got != tt.to {
				t.Errorf("to = %s, want %s", got, tt.to)
			}
		})
	}
}

func TestNear(t *testing.T) {
	tests := []struct{ v, zone, from, to string }{
		{"2007-12-19 19:16:58Z", "America/Los_Angeles", "2007-12-19T11:16:53-08:00", "2007-12-19T11:17:03-08:00"},
		{"2007-12-19", "UTC", "2007-12-18T23:59:55Z", "2007-12-19T00:00:05Z"},
		{"2018-11-04", "America/Sao_Paulo", "2018-11-03T23:59:55-03:00", "2018-11-04T01:00:05-02:00"},
	}
	for _, tt := range tests {
		t.Run(tt.v+" "+tt.zone, func(t *testing.T) {
			v, err := ParseValue(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			w := v.Near(time.Time{}, mustZone(t, tt.zone))
			if got := w.From.Format(time.RFC3339Nano); got != tt.from {
				t.Errorf("from = %s, want %s", got, tt.from)
			}
			if got := w.To.Format(time.RFC3339Nano); got != tt.to {
				t.Errorf("to = %s, want %s", got, tt.to)
			}
		})
	}
}

func TestResolveRefusesReversedAfterResolution(t *testing.T) {
	tests := []struct{ d, zone, now string }{
		{"2026-11-25,today", "UTC", "2026-11-25T12:00:00Z"},
		{"today,2026-11-24T23:00Z", "UTC", "2026-11-25T12:00:00Z"},
		{"2007-08-05T13:15,2007-08-05T13:15Z", "UTC", "2026-11-25T12:00:00Z"},
		// Apia: 2011-12-30 and 2011-12-31 begin at the same instant.
		{"today-1d,today", "Pacific/Apia", "2011-12-31T12:00:00+14:00"},
	}
	for _, tt := range tests {
		t.Run(tt.d, func(t *testing.T) {
			r, err := ParseRange(tt.d)
			if err != nil {
				t.Fatal(err)
			}
			w, err := r.Resolve(mustTime(t, tt.now), mustZone(t, tt.zone))
			var e *Error
			if !errors.As(err, &e) || e.Pos != -1 {
				t.Fatalf("Resolve = %v, %v; want an *Error at -1", w, err)
			}
		})
	}
}

func TestResolveNilZoneIsUTC(t *testing.T) {
	r, _ := ParseRange("2007-08-05")
	w, err := r.Resolve(time.Time{}, nil)
	if err != nil || !w.From.Equal(time.Date(2007, 8, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Resolve(nil zone) = %v, %v", w, err)
	}
}
