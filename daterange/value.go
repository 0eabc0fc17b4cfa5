package daterange

import (
	"strconv"
	"time"
)

// Precision is how finely a value is written, and so how long an interval it
// denotes ([D-9]): a whole day, a minute, a second, or a fraction of a second
// whose digit count is given by [Value.FractionDigits].
type Precision uint8

// The precisions, coarsest first.
const (
	Day Precision = iota
	Minute
	Second
	Fraction
)

var precisionNames = [...]string{"day", "minute", "second", "fraction"}

// String returns the precision's name: day, minute, second or fraction.
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "precision(" + strconv.Itoa(int(p)) + ")"
}

// MaxRelativeDays bounds N in today-Nd and today+Nd.
const MaxRelativeDays = 100000

// Value is one date as the API takes it: a calendar date with an optional
// time of day and offset, or a relative constant (today±Nd). The zero Value
// is 0000-01-01. Values are comparable with ==; two values are equal exactly
// when their canonical strings are.
type Value struct {
	// c packs the calendar fields (see parts): three fields of at most a
	// word each make a Value one that Go keeps in registers and returns in
	// them. With a field per byte it was copied through memory, and on AMD
	// EPYC (family 23) each copy of those bytes by wider moves stalled, so
	// that copies cost more than the parse (bench/README.md, issue 22 item 7).
	c    uint64
	nsec uint32 // nanoseconds of the second
	n    int32  // today+n days when relative, else the offset in seconds east of UTC (a whole number of minutes)
}

// parts is a Value's fields one by one, as the parser fills them in.
type parts struct {
	days       int32
	nsec       uint32
	offset     int32
	year       uint16
	month      uint8
	day        uint8
	hour       uint8
	minute     uint8
	second     uint8
	prec       Precision
	fracDigits uint8
	relative   bool
	hasOffset  bool
}

// The bits of Value.c: year 0–15, month 16–23, day 24–31, hour 32–39,
// minute 40–47, second 48–55, precision 56–57, fraction digits 58–61,
// relative 62, offset written 63.
const (
	relativeBit  = 1 << 62
	hasOffsetBit = 1 << 63
)

// pack returns the Value of p.
func pack(p parts) Value {
	c := uint64(p.year) | uint64(p.month)<<16 | uint64(p.day)<<24 | uint64(p.hour)<<32 |
		uint64(p.minute)<<40 | uint64(p.second)<<48 | uint64(p.prec&3)<<56 | uint64(p.fracDigits&15)<<58
	if p.relative {
		c |= relativeBit
	}
	if p.hasOffset {
		c |= hasOffsetBit
	}
	n := p.offset
	if p.relative {
		n = p.days
	}
	return Value{c: c, nsec: p.nsec, n: n}
}

// days is N of today+Nd, 0 for an absolute value.
func (v Value) days() int32 {
	if v.relative() {
		return v.n
	}
	return 0
}

// offset is the offset written, in seconds east of UTC; 0 for a relative value.
func (v Value) offset() int32 {
	if v.relative() {
		return 0
	}
	return v.n
}

func (v Value) year() uint16      { return uint16(v.c) }
func (v Value) month() uint8      { return uint8(v.c >> 16) }
func (v Value) day() uint8        { return uint8(v.c >> 24) }
func (v Value) hour() uint8       { return uint8(v.c >> 32) }
func (v Value) minute() uint8     { return uint8(v.c >> 40) }
func (v Value) second() uint8     { return uint8(v.c >> 48) }
func (v Value) prec() Precision   { return Precision(v.c>>56) & 3 }
func (v Value) fracDigits() uint8 { return uint8(v.c>>58) & 15 }
func (v Value) relative() bool    { return v.c&relativeBit != 0 }
func (v Value) hasOffset() bool   { return v.c&hasOffsetBit != 0 }

// Today returns the relative constant today+days (days may be negative:
// Today(-1) is today-1d). It reports false when |days| exceeds MaxRelativeDays.
func Today(days int) (Value, bool) {
	if days < -MaxRelativeDays || days > MaxRelativeDays {
		return Value{}, false
	}
	return pack(parts{relative: true, days: int32(days), prec: Day}), true
}

// IsRelative reports whether v is today or today±Nd.
func (v Value) IsRelative() bool { return v.relative() }

// RelativeDays returns N of today+Nd (negative for today-Nd), 0 for absolute values.
func (v Value) RelativeDays() int { return int(v.days()) }

// Date returns the calendar date of an absolute value.
func (v Value) Date() (year int, month time.Month, day int) {
	return int(v.year()), time.Month(v.month()), int(v.day())
}

// Clock returns the time of day of an absolute value (zeros for a date).
func (v Value) Clock() (hour, min, sec, nsec int) {
	return int(v.hour()), int(v.minute()), int(v.second()), int(v.nsec)
}

// Precision returns how finely the value is written; relative values are days.
func (v Value) Precision() Precision { return v.prec() }

// FractionDigits returns the number of digits written after the decimal
// sign (1–9) for Fraction precision, else 0.
func (v Value) FractionDigits() int { return int(v.fracDigits()) }

// Offset returns the UTC offset written in the value, in seconds east of UTC,
// and whether one was written. Values without one take the query's zone.
func (v Value) Offset() (seconds int, ok bool) { return int(v.offset()), v.hasOffset() }

// length is the duration of the interval of a sub-day precision.
func (v Value) length() time.Duration {
	switch v.prec() {
	case Minute:
		return time.Minute
	case Second:
		return time.Second
	case Fraction:
		return time.Duration(pow10[9-v.fracDigits()])
	}
	return 0
}

var pow10 = [...]uint32{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000}
