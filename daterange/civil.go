package daterange

// daysFromCivil returns the number of days from 1970-01-01 to the proleptic
// Gregorian date y-m-d (Howard Hinnant's days_from_civil). It is exact for
// every date this package holds and, unlike time.Date, costs a few integer
// operations, which keeps range parsing and resolution cheap.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// civilSeconds returns the value's date and time of day as seconds from
// 1970-01-01T00:00 on the same wall clock, ignoring any offset.
func (v Value) civilSeconds() int64 {
	return daysFromCivil(int(v.year()), int(v.month()), int(v.day()))*86400 +
		int64(v.hour())*3600 + int64(v.minute())*60 + int64(v.second())
}
