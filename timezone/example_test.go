package timezone_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/recq/recq/timezone"
)

func ExampleLoad() {
	loc, err := timezone.Load("US/Eastern")
	if err != nil {
		panic(err)
	}
	fmt.Println(time.Date(2008, 2, 14, 18, 12, 13, 0, time.UTC).In(loc).Format(time.RFC3339))

	_, err = timezone.Load("america/new_york")
	fmt.Println(err)
	var e *timezone.Error
	if errors.As(err, &e) {
		fmt.Println(e.Suggestions, "-", e.Hint())
	}
	_, err = timezone.Load("+05:00")
	fmt.Println(err)
	// Output:
	// 2008-02-14T13:12:13-05:00
	// unknown time zone "america/new_york"; time zone names are case-sensitive: write America/New_York
	// [America/New_York] - time zone names are case-sensitive: write America/New_York
	// unknown time zone "+05:00"; time zones are IANA names, not UTC offsets: for UTC+05:00 write Etc/GMT-5 (the sign of Etc/GMT zones is inverted)
}

func ExampleLocal() {
	ny, _ := timezone.Load("America/New_York")
	// 02:30 does not exist on 2007-03-11: it moves forward by the one-hour gap.
	fmt.Println(timezone.Local(2007, time.March, 11, 2, 30, 0, 0, ny).Format(time.RFC3339))
	// 01:30 occurs twice on 2007-11-04: the earlier instant (EDT) is taken.
	fmt.Println(timezone.Local(2007, time.November, 4, 1, 30, 0, 0, ny).UTC().Format(time.RFC3339))
	// Output:
	// 2007-03-11T03:30:00-04:00
	// 2007-11-04T05:30:00Z
}

func ExampleStartOfDay() {
	sp, _ := timezone.Load("America/Sao_Paulo")
	// Clocks went from 00:00 straight to 01:00 on 2018-11-04.
	fmt.Println(timezone.StartOfDay(2018, time.November, 4, sp).Format(time.RFC3339))

	apia, _ := timezone.Load("Pacific/Apia")
	// Samoa skipped 2011-12-30 entirely: that day is empty.
	fmt.Println(timezone.StartOfDay(2011, time.December, 30, apia).Format(time.RFC3339))
	fmt.Println(timezone.StartOfDay(2011, time.December, 31, apia).Format(time.RFC3339))
	// Output:
	// 2018-11-04T01:00:00-02:00
	// 2011-12-31T00:00:00+14:00
	// 2011-12-31T00:00:00+14:00
}
