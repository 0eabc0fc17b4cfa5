package daterange

import (
	"time"

	"github.com/recq/recq/internal/rfc3339"
)

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func timeMonth(m int) time.Month { return time.Month(m) }

// weekDateError refuses an ISO week date (2007-W31-7, 2007W317) and, when the
// week and day are valid, names the calendar date it means ([D-14]).
func weekDateError(s string, w int, ext bool) *Error {
	e := fail(s, w, "week dates are not accepted", "write a calendar date such as 2007-08-05").as(CodeUnsupportedDate).span(0, len(s))
	year := num(s, 0, 4)
	i := w + 1
	if !digitsAt(s, i, 2) {
		return e
	}
	week := num(s, i, 2)
	i += 2
	if ext {
		if i >= len(s) || s[i] != '-' {
			return e
		}
		i++
	}
	if !digitsAt(s, i, 1) || i+1 != len(s) {
		return e
	}
	wd := num(s, i, 1)
	jan4 := dayOf(year, time.January, 4)
	week1 := jan4 - day((int(jan4.midnight().Weekday())+6)%7)
	if week < 1 || week > 53 || wd < 1 || wd > 7 {
		return e
	}
	d := week1 + day((week-1)*7+wd-1)
	if y, _ := d.midnight().ISOWeek(); y != year {
		return e
	}
	e.Hint = "write the calendar date " + string(rfc3339.AppendDate(nil, d.midnight()))
	return e.suggest(string(rfc3339.AppendDate(nil, d.midnight())))
}

// ordinalDateError refuses an ordinal date (2007-217, 2007217) and names the
// calendar date it means; it returns nil when s is not one.
func ordinalDateError(s string, ext bool) *Error {
	i := 4
	if ext {
		i = 5
	}
	if !digitsAt(s, i, 3) || i+3 != len(s) {
		return nil
	}
	year, n := num(s, 0, 4), num(s, i, 3)
	e := fail(s, i, "ordinal dates (year and day of the year) are not accepted", "write a calendar date such as 2007-08-05").as(CodeUnsupportedDate).span(0, len(s))
	if n >= 1 && n <= 365 || n == 366 && (year%4 == 0 && year%100 != 0 || year%400 == 0) {
		d := string(rfc3339.AppendDate(nil, (dayOf(year, time.January, 1) + day(n-1)).midnight()))
		e.Hint = "write the calendar date " + d
		e.suggest(d)
	}
	return e
}
