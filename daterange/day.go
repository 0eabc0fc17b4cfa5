package daterange

import "time"

// day is a calendar date as a count of days since 1970-01-01: the little
// date arithmetic this package needs. rickb777/date/v2's Date did it before,
// but that package brings regexp and math/big (through its period and
// decimal types) into the browser module (docs/BROWSER.md); its gregorian
// package, which brings neither, is still used for month lengths.
type day int64

// dayOf is the day y-m-d of the proleptic Gregorian calendar.
func dayOf(y int, m time.Month, d int) day {
	// Midnight UTC is a whole number of days from 1970: the division is exact.
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayAt is the date of t on its own location's calendar.
func dayAt(t time.Time) day {
	y, m, d := t.Date()
	return dayOf(y, m, d)
}

// midnight is the day's first instant in UTC, for its calendar fields.
func (d day) midnight() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }
