package daterange

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rickb777/date/v2/gregorian"
)

// ParseValue parses one date value, as start-date= and finish-date= take it:
//
//	value    = relative | extended | basic
//	relative = "today" [ ( "+" | "-" ) digit { digit } "d" ]
//	extended = YYYY "-" MM "-" DD [ sep hh ":" mm [ ":" ss [ "." frac ] ] [ offset ] ]
//	basic    = YYYYMMDD [ sep hhmm [ ss [ "." frac ] ] [ offset ] ]
//	sep      = "T" | "t" | " "
//	offset   = "Z" | "z" | ( "+" | "-" ) hh [ [ ":" ] mm ]   (":" in the extended form only)
//
// frac is 1 to 9 digits. The grammar of record is package grammar; this
// parser accepts the same strings and allocates only when it rejects one.
func ParseValue(s string) (Value, error) {
	v, err := parseValue(s)
	if err != nil {
		return Value{}, err
	}
	return v, nil
}

// parseValue is ParseValue with a concrete error type for callers inside
// the package that adjust the error's position.
func parseValue(s string) (Value, *Error) {
	if v, ok := parseExtended(s); ok {
		return v, nil // the common form, read in one straight pass
	}
	if s != "" && !isDigit(s[0]) {
		days, e := parseOther(s) // today, today±Nd
		if e != nil {
			return Value{}, e
		}
		return Value{c: relativeBit, n: days}, nil
	}
	var p parts
	if e := parseGeneral(s, &p); e != nil {
		return Value{}, e
	}
	return pack(p), nil
}

// parseGeneral is parseValue without the fast path: every form, and the
// error of every fault. v is garbage when it fails.
func parseGeneral(s string, v *parts) *Error {
	if len(s) == 0 {
		return fail(s, 0, "empty date", "write a date such as 2007-08-05, a date and time such as 2007-08-05T13:15Z, or today")
	}
	if isDigit(s[0]) {
		return parseAbsolute(s, v)
	}
	days, e := parseOther(s)
	*v = parts{relative: true, days: days}
	return e
}

// parseAbsolute parses a calendar date with an optional time and offset,
// in the extended or the basic form ([D-6]: never a mix of the two).
func parseAbsolute(s string, v *parts) *Error {
	century, ok1 := two(s, 0)
	yy, ok2 := two(s, 2)
	if !ok1 || !ok2 {
		return fail(s, nonDigit(s, 0, 4), "expected a four-digit year, found "+describe(s, nonDigit(s, 0, 4)), "dates look like 2007-08-05 or 20070805")
	}
	*v = parts{year: uint16(century*100 + yy)}
	i := 4
	ext := i < len(s) && s[i] == '-'
	if ext {
		i++
	}
	if i < len(s) && (s[i] == 'W' || s[i] == 'w') {
		return weekDateError(s, i, ext)
	}
	month, ok := two(s, i)
	if !ok {
		switch {
		case !ext && len(s) > 4 && !isDigit(s[4]):
			return fail(s, 4, "expected '-' or the month after the year, found "+describe(s, 4), "dates look like 2007-08-05 or 20070805")
		case !ext && strings.IndexByte(s[:min(len(s), 7)], '-') > 4:
			return fail(s, 4, "a year has exactly four digits", "years are 0000–9999: dates look like 2007-08-05")
		}
		return fail(s, nonDigit(s, i, 2), "expected a two-digit month, found "+describe(s, nonDigit(s, i, 2)), "")
	}
	monthPos := i
	i += 2
	if ext {
		if i >= len(s) || s[i] != '-' {
			if e := ordinalDateError(s, ext); e != nil {
				return e
			}
			return fail(s, i, "expected '-' before the day, found "+describe(s, i), "")
		}
		i++
	}
	day, ok := two(s, i)
	if !ok {
		if e := ordinalDateError(s, ext); e != nil {
			return e
		}
		return fail(s, nonDigit(s, i, 2), "expected a two-digit day, found "+describe(s, nonDigit(s, i, 2)), "")
	}
	dayPos := i
	i += 2
	if month < 1 || month > 12 {
		return fail(s, monthPos, "month "+s[monthPos:monthPos+2]+" is out of range 01–12", "").part(2)
	}
	if n := gregorian.DaysIn(int(v.year), timeMonth(month)); day < 1 || day > n {
		return dayOutOfRange(s, dayPos, monthNames[month-1]+" "+s[0:4], day, n)
	}
	v.month, v.day, v.prec = uint8(month), uint8(day), Day
	if i == len(s) {
		return nil
	}
	switch c := s[i]; {
	case c == 'T' || c == 't' || c == ' ':
		i++
	case c == ',':
		return fail(s, i, "a single date holds no comma", "only d takes a range A,B; start-date and finish-date take one date")
	case c == '/':
		return fail(s, i, "an ISO 8601 interval A/B is not accepted", "a range is written with a comma: d=2007-08-05,2007-08-07").as(CodeUnsupportedDate).suggest(",")
	case c == 'Z' || c == 'z' || c == '+' || c == '-':
		return fail(s, i, "an offset needs a time of day", "write "+s[:i]+"T00:00"+s[i:]).suggest("T00:00" + s[i:i+1])
	default:
		return fail(s, i, "expected 'T' or a space before the time, or the end of the date, found "+describe(s, i), "")
	}
	return parseTime(s, i, ext, v)
}

// parseTime parses the time of day and the offset that follow the separator
// at s[i-1], in the form (extended or basic) that the date used.
func parseTime(s string, i int, ext bool, v *parts) *Error {
	hour, ok := two(s, i)
	if !ok {
		return fail(s, nonDigit(s, i, 2), "expected a two-digit hour, found "+describe(s, nonDigit(s, i, 2)), "")
	}
	hourPos := i
	i += 2
	if ext {
		if i >= len(s) || s[i] != ':' {
			if i < len(s) && isDigit(s[i]) {
				return mixedError(s, i, ext)
			}
			return fail(s, i, "expected ':' and the minutes, found "+describe(s, i), "")
		}
		i++
	} else if i < len(s) && s[i] == ':' {
		return mixedError(s, i, ext)
	}
	minute, ok := two(s, i)
	if !ok {
		return fail(s, nonDigit(s, i, 2), "expected two-digit minutes, found "+describe(s, nonDigit(s, i, 2)), "")
	}
	minPos := i
	i += 2
	secPos, second := -1, 0
	v.prec = Minute
	switch {
	case i >= len(s):
	case ext && s[i] == ':', !ext && isDigit(s[i]):
		if ext {
			i++
		}
		if second, ok = two(s, i); !ok {
			return fail(s, nonDigit(s, i, 2), "expected two-digit seconds, found "+describe(s, nonDigit(s, i, 2)), "")
		}
		secPos = i
		i += 2
		v.prec = Second
	case ext && isDigit(s[i]), !ext && s[i] == ':':
		return mixedError(s, i, ext)
	}
	if i < len(s) && s[i] == ',' {
		if v.prec == Second && i+1 < len(s) && isDigit(s[i+1]) {
			return fail(s, i, "',' is not a decimal sign", "write '.' for a fraction of a second; ',' separates the two ends of a range").as(CodeDecimalComma).suggest(".")
		}
		return fail(s, i, "a single date holds no comma", "only d takes a range A,B; start-date and finish-date take one date")
	}
	if i < len(s) && s[i] == '.' {
		if v.prec != Second {
			sec := ":00."
			if !ext {
				sec = "00."
			}
			return fail(s, i, "a fraction of a second needs the seconds", "write "+s[hourPos:i]+sec+s[i+1:]).suggest(sec)
		}
		i++
		start := i
		for i < len(s) && isDigit(s[i]) && i-start < 10 {
			i++
		}
		switch n := i - start; {
		case n == 0:
			return fail(s, i, "expected the digits of the fraction after '.', found "+describe(s, i), "")
		case n > 9:
			return fail(s, start+9, "a fraction of a second has at most 9 digits", "")
		default:
			v.nsec = uint32(num(s, start, n)) * pow10[9-n]
			v.fracDigits = uint8(n)
			v.prec = Fraction
		}
	}
	switch {
	case hour > 24:
		return fail(s, hourPos, "hour "+s[hourPos:hourPos+2]+" is out of range 00–24", "").part(2)
	case minute > 59:
		return fail(s, minPos, "minute "+s[minPos:minPos+2]+" is out of range 00–59", "").part(2)
	case second > 60:
		return fail(s, secPos, "second "+s[secPos:secPos+2]+" is out of range 00–59", "").part(2)
	case hour == 24 && (minute != 0 || second != 0 || v.nsec != 0):
		return fail(s, hourPos, "hour 24 is allowed only as 24:00, the end of the day", "write the next day's 00:"+s[minPos:minPos+2]).part(2)
	}
	if second == 60 { // a leap second is read as the second before it ([D-14])
		second = 59
	}
	v.hour, v.minute, v.second = uint8(hour), uint8(minute), uint8(second)
	if i < len(s) {
		var e *Error
		if i, e = parseOffset(s, i, ext, v); e != nil {
			return e
		}
	}
	if i < len(s) {
		return fail(s, i, "unexpected "+describe(s, i)+" after the date and time", "")
	}
	if hour == 24 {
		return nextDay(s, hourPos, v)
	}
	return nil
}

// parseOffset parses Z, ±hh, ±hh:mm (extended) or ±hhmm (basic) at s[i]
// into v and returns the index after it.
func parseOffset(s string, i int, ext bool, v *parts) (int, *Error) {
	c := s[i]
	switch c {
	case 'Z', 'z':
		v.hasOffset = true
		return i + 1, nil
	case '+', '-':
	case ' ':
		return i, fail(s, i, "a space where the offset's sign belongs", "a '+' in a query string decodes to a space: write %2B for +").as(CodePlusAsSpace).suggest("+")
	default:
		return i, fail(s, i, "expected an offset (Z, +hh:mm or -hh:mm) or the end of the value, found "+describe(s, i), "")
	}
	i++
	oh, ok := two(s, i)
	if !ok {
		return i, fail(s, nonDigit(s, i, 2), "expected the offset's two-digit hours, found "+describe(s, nonDigit(s, i, 2)), "offsets look like +05:30, -08:00 or Z")
	}
	hourPos, minPos, om := i, -1, 0
	i += 2
	switch {
	case i >= len(s):
	case ext && s[i] == ':', !ext && isDigit(s[i]):
		if ext {
			i++
		}
		if om, ok = two(s, i); !ok {
			return i, fail(s, nonDigit(s, i, 2), "expected the offset's two-digit minutes, found "+describe(s, nonDigit(s, i, 2)), "")
		}
		minPos = i
		i += 2
	case ext && isDigit(s[i]), !ext && s[i] == ':':
		return i, mixedOffsetError(s, hourPos-1, ext)
	}
	if oh > 23 {
		return i, fail(s, hourPos, "offset hours "+s[hourPos:hourPos+2]+" are out of range 00–23", "").part(2)
	}
	if om > 59 {
		return i, fail(s, minPos, "offset minutes "+s[minPos:minPos+2]+" are out of range 00–59", "").part(2)
	}
	off := int32(oh*3600 + om*60)
	if c == '-' {
		off = -off
	}
	v.hasOffset, v.offset = true, off
	return i, nil
}

// nextDay turns a 24:00 into 00:00 of the following day ([D-8]).
func nextDay(s string, hourPos int, v *parts) *Error {
	v.hour = 0
	if int(v.day) < gregorian.DaysIn(int(v.year), timeMonth(int(v.month))) {
		v.day++
		return nil
	}
	v.day = 1
	if v.month < 12 {
		v.month++
		return nil
	}
	if v.year == 9999 {
		return fail(s, hourPos, "24:00 of 9999-12-31 is past the last date (years are 0000–9999)", "").part(2)
	}
	v.month = 1
	v.year++
	return nil
}

// parseOther parses what does not start with a digit: today and today±Nd,
// or explains what was written instead. It returns N of today+Nd.
func parseOther(s string) (days int32, e *Error) {
	if !strings.HasPrefix(s, "today") {
		return 0, notADate(s)
	}
	i := len("today")
	if i == len(s) {
		return 0, nil
	}
	switch s[i] {
	case '+', '-':
	case ' ':
		return 0, fail(s, i, "a space where '+' or '-' belongs", "a '+' in a query string decodes to a space: write %2B for +, as in today%2B1d").as(CodePlusAsSpace).suggest("+")
	default:
		return 0, fail(s, i, "expected '+' or '-' and a number of days after today, found "+describe(s, i), "as in today-1d or today+7d")
	}
	neg := s[i] == '-'
	i++
	start, n := i, 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		if n <= MaxRelativeDays {
			n = n*10 + int(s[i]-'0')
		}
	}
	switch {
	case i == start:
		return 0, fail(s, i, "expected a number of days, found "+describe(s, i), "as in today-1d")
	case n > MaxRelativeDays:
		return 0, fail(s, start, "the number of days is out of range 0–100000", "").part(i - start)
	case i == len(s):
		return 0, fail(s, i, "expected 'd' after the number of days", "relative dates count whole days: today"+s[start-1:i]+"d").suggest("d")
	case s[i] == 'D' && i+1 == len(s):
		return 0, fail(s, i, "expected 'd' after the number of days, found 'D'", "relative dates are written in lower case: today"+s[start-1:i]+"d").suggest("d")
	case s[i] != 'd':
		return 0, fail(s, i, "expected 'd' after the number of days, found "+describe(s, i), "relative dates count whole days: today-1d")
	case i+1 < len(s):
		return 0, fail(s, i+1, "unexpected "+describe(s, i+1)+" after the relative date", "")
	}
	if neg {
		n = -n
	}
	return int32(n), nil
}

// notADate explains a value that is neither a date nor today: words a user
// might try, a relative constant in the wrong case, a signed or short year.
func notADate(s string) *Error {
	switch lower := strings.ToLower(s[:min(len(s), 9)]); {
	case strings.HasPrefix(lower, "today"):
		return fail(s, 0, "relative dates are written in lower case", "write today"+s[5:]).span(0, 5).suggest("today")
	case lower == "yesterday" && len(s) == 9:
		return fail(s, 0, "yesterday is not a date constant", "write today-1d, or d=today-1d,today for all of yesterday").span(0, 9).suggest("today-1d")
	case lower == "tomorrow" && len(s) == 8:
		return fail(s, 0, "tomorrow is not a date constant", "write today+1d").span(0, 8).suggest("today+1d")
	case lower == "now" && len(s) == 3:
		return fail(s, 0, "now is not a date constant", "write today, or a date and time such as 2007-08-05T13:15Z").span(0, 3).suggest("today")
	case s[0] == '+' || s[0] == '-':
		return fail(s, 0, "years are written with exactly four digits and no sign", "dates look like 2007-08-05")
	}
	return fail(s, 0, "expected a date such as 2007-08-05, found "+describe(s, 0), "write a date (2007-08-05), a date and time (2007-08-05T13:15Z), or today, today-1d")
}

// mixedError rejects a value that mixes the extended and the basic form ([D-6]).
func mixedError(s string, i int, ext bool) *Error {
	if ext {
		return fail(s, i, "the extended form (2007-08-05, 13:15) is mixed with the basic form (20070805, 1315)", "write one form throughout: 2007-08-05T13:15:00 or 20070805T131500").as(CodeMixedForms)
	}
	return fail(s, i, "the basic form (20070805, 1315) is mixed with the extended form (2007-08-05, 13:15)", "write one form throughout: 20070805T131500 or 2007-08-05T13:15:00").as(CodeMixedForms)
}

// mixedOffsetError rejects an offset written in the other form than the
// date and time before it ([D-6]): 13:15+0530 or 1315+05:30. sign is the
// offset's first byte; the offset's hours are two digits after it.
func mixedOffsetError(s string, sign int, ext bool) *Error {
	end := sign + 3
	for end < len(s) && (isDigit(s[end]) || s[end] == ':') {
		end++
	}
	off := s[sign:end]
	digits := strings.ReplaceAll(off[1:], ":", "")
	if ext {
		e := fail(s, sign+3, "the offset "+off+" is in the basic form, mixed with a date and time in the extended form", "write the offset as "+off[:3]+":"+digits[2:]+", or the whole value in the basic form").as(CodeMixedForms).span(sign, end)
		if len(digits) == 4 {
			e.suggest(off[:3] + ":" + digits[2:])
		}
		return e
	}
	e := fail(s, sign+3, "the offset "+off+" is in the extended form, mixed with a date and time in the basic form", "write the offset as "+off[:1]+digits+", or the whole value in the extended form").as(CodeMixedForms).span(sign, end)
	if len(digits) == 4 {
		e.suggest(off[:1] + digits)
	}
	return e
}

// fail reports a fault of the date grammar at s[pos]: the text at fault is
// the character there, or nothing at the end of s.
func fail(s string, pos int, msg, hint string) *Error {
	end := pos
	if pos < len(s) {
		_, n := utf8.DecodeRuneInString(s[pos:])
		end += n
	}
	return &Error{Value: s, Pos: pos, Msg: msg, Hint: hint, Code: CodeBadDate, Start: pos, End: end}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitsAt reports whether s[i:i+n] exists and is all ASCII digits.
func digitsAt(s string, i, n int) bool {
	if i+n > len(s) {
		return false
	}
	for _, c := range []byte(s[i : i+n]) {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// nonDigit returns the index of the first byte in s[i:i+n] that is not a
// digit, or len(s) when s ends first.
func nonDigit(s string, i, n int) int {
	for j := i; j < i+n; j++ {
		if j >= len(s) || !isDigit(s[j]) {
			return min(j, len(s))
		}
	}
	return i + n
}

// two reads the two digits at s[i:], reporting false if either is missing or
// not a digit. It is the parser's inner step: no loop, one bounds check.
func two(s string, i int) (int, bool) {
	if uint(i+1) >= uint(len(s)) {
		return 0, false
	}
	a, b := s[i]-'0', s[i+1]-'0'
	return int(a)*10 + int(b), a <= 9 && b <= 9
}

// num reads the n digits at s[i:], which the caller has checked.
func num(s string, i, n int) int {
	x := 0
	for _, c := range []byte(s[i : i+n]) {
		x = x*10 + int(c-'0')
	}
	return x
}

// dayOutOfRange is the fault of a day the month does not have (the two
// digits at s[at:]), with the fix a person means: the month's last day for
// a day past it (2007-02-30 → 28), its first for day 00.
func dayOutOfRange(s string, at int, month string, day, n int) *Error {
	e := fail(s, at, "day "+s[at:at+2]+" is out of range: "+month+" has "+strconv.Itoa(n)+" days", "").part(2)
	if day < 1 {
		e.Hint = "days count from 01"
		return e.suggest("01")
	}
	last := strconv.Itoa(n) // 28 to 31
	suffix := "th"
	if n == 31 {
		suffix = "st"
	}
	e.Hint = "the last day of " + month + " is the " + last + suffix
	return e.suggest(last)
}
