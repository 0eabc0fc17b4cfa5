package daterange_test

import (
	"fmt"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/timezone"
)

func ExampleParseRange() {
	r, err := daterange.ParseRange("20070805T1315Z,20070807T1430Z")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	// Output: 2007-08-05T13:15Z,2007-08-07T14:30Z
}

func ExampleParseValue_error() {
	_, err := daterange.ParseValue("2007-08-05T1315")
	fmt.Println(err)
	fmt.Println(err.(*daterange.Error).Caret())
	// Output:
	// 13: the extended form (2007-08-05, 13:15) is mixed with the basic form (20070805, 1315); write one form throughout: 2007-08-05T13:15:00 or 20070805T131500
	// 2007-08-05T1315
	//              ^
}

// A fault names its kind, the text at fault in the value and replacements
// for that text.
func ExampleError() {
	s := "2007-08-05T13:15:00,5Z"
	_, err := daterange.ParseValue(s)
	e := err.(*daterange.Error)
	fmt.Printf("%s %q → %q\n", e.Code, s[e.Start:e.End], e.Suggestions)
	// Output: decimal-comma "," → ["."]
}

// A date is its whole day in the zone: on 2018-11-04 São Paulo's clocks went
// from 00:00 to 01:00, so that day began at 01:00.
func ExampleRange_Resolve() {
	r, _ := daterange.ParseRange("2018-11-04")
	loc, _ := timezone.Load("America/Sao_Paulo")
	w, _ := r.Resolve(time.Time{}, loc)
	fmt.Println(w.From.Format(time.RFC3339), w.To.Format(time.RFC3339))
	// Output: 2018-11-04T01:00:00-02:00 2018-11-05T00:00:00-02:00
}

// today is the current date in the query's zone at the clock the caller gives.
func ExampleValue_Interval() {
	v, _ := daterange.ParseValue("today-1d")
	loc, _ := timezone.Load("America/Denver")
	now := time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) // still the 24th in Denver
	w := v.Interval(now, loc)
	fmt.Println(w.From.Format(time.RFC3339), w.To.Format(time.RFC3339))
	// Output: 2026-11-23T00:00:00-07:00 2026-11-24T00:00:00-07:00
}

// A window prints as an ISO 8601 interval, each end with its offset.
func ExampleWindow_String() {
	v, _ := daterange.ParseValue("2007-08-05T13:15:58.25")
	loc, _ := timezone.Load("America/New_York")
	fmt.Println(v.Interval(time.Time{}, loc))
	r, _ := daterange.ParseRange("2007-08-05,2007-08-07")
	w, _ := r.Resolve(time.Time{}, loc)
	fmt.Println(w)
	fmt.Printf("%v\n", []daterange.Window{w})
	// Output:
	// 2007-08-05T13:15:58.25-04:00/2007-08-05T13:15:58.26-04:00
	// 2007-08-05T00:00:00-04:00/2007-08-07T00:00:00-04:00
	// [2007-08-05T00:00:00-04:00/2007-08-07T00:00:00-04:00]
}
