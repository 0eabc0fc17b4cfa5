// Package rfc3339 writes instants as time.RFC3339Nano writes them, without
// time's layout interpreter: the browser module links neither Format nor
// AppendFormat, 18 KB of WebAssembly that only these few writes needed
// (docs/BROWSER.md, "Size"). rfc3339_test.go holds every write to time's.
package rfc3339

import (
	"strconv"
	"time"
)

// Append appends t as t.AppendFormat(b, time.RFC3339Nano) does: the date,
// 'T', the clock, a fraction of a second without trailing zeros when there
// is one, and 'Z' or the offset in hours and minutes (its seconds dropped).
// Years outside 0000–9999 are written as time writes them (-0001, 10000),
// for the messages that say an instant is out of range.
func Append(b []byte, t time.Time) []byte {
	b = AppendDate(b, t)
	hh, mm, ss := t.Clock()
	b = append(b, 'T')
	b = append2(b, hh)
	b = append(b, ':')
	b = append2(b, mm)
	b = append(b, ':')
	b = append2(b, ss)
	if ns := t.Nanosecond(); ns != 0 {
		var frac [10]byte
		frac[0] = '.'
		for i := 9; i >= 1; i-- {
			frac[i] = byte('0' + ns%10)
			ns /= 10
		}
		n := 10
		for frac[n-1] == '0' {
			n--
		}
		b = append(b, frac[:n]...)
	}
	_, offset := t.Zone()
	if offset == 0 {
		return append(b, 'Z')
	}
	zone := offset / 60 // minutes, truncated toward zero as time does
	if zone < 0 {
		b = append(b, '-')
		zone = -zone
	} else {
		b = append(b, '+')
	}
	b = append2(b, zone/60)
	b = append(b, ':')
	return append2(b, zone%60)
}

// String returns Append's text.
func String(t time.Time) string {
	var buf [40]byte
	return string(Append(buf[:0], t))
}

// AppendDate appends t's date as t.AppendFormat(b, "2006-01-02") does.
func AppendDate(b []byte, t time.Time) []byte {
	year, month, day := t.Date()
	if year < 0 {
		b = append(b, '-')
		year = -year
	}
	switch {
	case year < 10:
		b = append(b, '0', '0', '0')
	case year < 100:
		b = append(b, '0', '0')
	case year < 1000:
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(year), 10)
	b = append(b, '-')
	b = append2(b, int(month))
	b = append(b, '-')
	return append2(b, day)
}

func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
