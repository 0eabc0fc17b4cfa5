package rfc3339

import (
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"
)

var zones = func() []*time.Location {
	var out []*time.Location
	for _, name := range []string{"UTC", "America/Denver", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "Africa/Monrovia", "Pacific/Chatham", "Europe/Amsterdam"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			panic(err)
		}
		out = append(out, loc)
	}
	return append(out, time.FixedZone("x", -(4*3600+56*60+2)), time.FixedZone("y", 59), time.FixedZone("z", 14*3600))
}()

// Append writes what time.RFC3339Nano writes, for instants from the year
// -2000 to 12000 in zones with offsets of odd minutes and of seconds
// (local mean time), with and without fractions of a second.
func TestAppendIsTimes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sec := rapid.Int64Range(-125_000_000_000, 320_000_000_000).Draw(t, "sec")
		ns := rapid.SampledFrom([]int64{0, 0, 1, 500_000_000, 120_000, 999_999_999}).Draw(t, "ns")
		loc := rapid.SampledFrom(zones).Draw(t, "zone")
		tm := time.Unix(sec, ns).In(loc)
		if got, want := String(tm), tm.Format(time.RFC3339Nano); got != want {
			t.Fatalf("String %q, time %q", got, want)
		}
		if got, want := string(AppendDate([]byte("x"), tm)), "x"+tm.Format("2006-01-02"); got != want {
			t.Fatalf("AppendDate %q, time %q", got, want)
		}
	})
}

func TestAppendEdges(t *testing.T) {
	for _, tm := range []time.Time{
		{}, time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 12, 31, 23, 59, 59, 1, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2018, 11, 4, 0, 0, 0, 0, zones[1]), time.Date(1900, 1, 1, 0, 0, 0, 0, zones[5]),
	} {
		if got, want := String(tm), tm.Format(time.RFC3339Nano); got != want {
			t.Errorf("String %q, time %q", got, want)
		}
	}
}

func ExampleAppend() {
	denver, _ := time.LoadLocation("America/Denver")
	fmt.Println(string(Append(nil, time.Date(2007, 8, 5, 13, 15, 0, 250_000_000, denver))))
	fmt.Println(String(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)))
	// Output:
	// 2007-08-05T13:15:00.25-06:00
	// 2026-12-07T00:00:00Z
}
