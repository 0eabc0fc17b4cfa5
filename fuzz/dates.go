package fuzz

import (
	"fmt"
	"strings"
	"time"

	"pgregory.net/rapid"
)

// DateValue generates the text of a valid date value: today±Nd, or a date
// with an optional time, fraction and offset, in the extended or the basic
// form, with T, t or a space before the time and Z or z for UTC.
func DateValue() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		if rapid.IntRange(0, 4).Draw(t, "relative") == 0 {
			return relative(t)
		}
		return absolute(t)
	})
}

// DateRange generates the text of a valid d= value: one date value or two
// joined by a comma. The ends are not ordered: a generated range may be
// reversed, which the parser refuses.
func DateRange() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		from := DateValue().Draw(t, "from")
		if rapid.Bool().Draw(t, "single") {
			return from
		}
		return from + "," + DateValue().Draw(t, "to")
	})
}

// OrderedRange generates d= values the parser accepts: one value, or two
// whose order is certain (relative days that grow, or years that do, which
// no offset can reverse), or a relative and an absolute end.
func OrderedRange() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		switch rapid.IntRange(0, 3).Draw(t, "shape") {
		case 0:
			return DateValue().Draw(t, "single")
		case 1:
			a := rapid.IntRange(-MaxDays, MaxDays-1).Draw(t, "fromDays")
			b := rapid.IntRange(a+1, MaxDays).Draw(t, "toDays")
			return signedToday(a) + "," + signedToday(b)
		case 2:
			y := rapid.IntRange(0, 9998).Draw(t, "fromYear")
			return absoluteIn(t, y) + "," + absoluteIn(t, rapid.IntRange(y+1, 9999).Draw(t, "toYear"))
		}
		return absolute(t) + "," + relative(t)
	})
}

// MaxDays is the largest N of today±Nd.
const MaxDays = 100000

func signedToday(n int) string {
	switch {
	case n < 0:
		return fmt.Sprintf("today-%dd", -n)
	case n > 0:
		return fmt.Sprintf("today+%dd", n)
	}
	return "today"
}

func relative(t *rapid.T) string {
	switch rapid.IntRange(0, 2).Draw(t, "sign") {
	case 0:
		return "today"
	case 1:
		return fmt.Sprintf("today-%dd", rapid.IntRange(0, 100000).Draw(t, "days"))
	}
	return fmt.Sprintf("today+%dd", rapid.IntRange(0, 100000).Draw(t, "days"))
}

func absolute(t *rapid.T) string { return absoluteIn(t, rapid.IntRange(0, 9999).Draw(t, "year")) }

// absoluteIn is absolute with the year given.
func absoluteIn(t *rapid.T, year int) string {
	ext := rapid.Bool().Draw(t, "extended")
	month := rapid.IntRange(1, 12).Draw(t, "month")
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	day := rapid.IntRange(1, last).Draw(t, "day")
	var b strings.Builder
	if ext {
		fmt.Fprintf(&b, "%04d-%02d-%02d", year, month, day)
	} else {
		fmt.Fprintf(&b, "%04d%02d%02d", year, month, day)
	}
	if rapid.IntRange(0, 3).Draw(t, "dateOnly") == 0 {
		return b.String()
	}
	b.WriteString(rapid.SampledFrom([]string{"T", "t", " "}).Draw(t, "sep"))
	hour := rapid.IntRange(0, 23).Draw(t, "hour")
	minute := rapid.IntRange(0, 59).Draw(t, "minute")
	colon := ""
	if ext {
		colon = ":"
	}
	fmt.Fprintf(&b, "%02d%s%02d", hour, colon, minute)
	if rapid.Bool().Draw(t, "seconds") {
		fmt.Fprintf(&b, "%s%02d", colon, rapid.IntRange(0, 60).Draw(t, "second"))
		if rapid.Bool().Draw(t, "fraction") {
			b.WriteByte('.')
			n := rapid.IntRange(1, 9).Draw(t, "fractionDigits")
			for i := 0; i < n; i++ {
				b.WriteByte(byte('0' + rapid.IntRange(0, 9).Draw(t, "digit")))
			}
		}
	}
	switch rapid.IntRange(0, 4).Draw(t, "offset") {
	case 0:
		b.WriteString(rapid.SampledFrom([]string{"Z", "z"}).Draw(t, "utc"))
	case 1:
		fmt.Fprintf(&b, "%s%02d", sign(t), rapid.IntRange(0, 23).Draw(t, "offsetHours"))
	case 2:
		fmt.Fprintf(&b, "%s%02d%s%02d", sign(t), rapid.IntRange(0, 23).Draw(t, "offsetHours"), colon, rapid.IntRange(0, 59).Draw(t, "offsetMinutes"))
	}
	return b.String()
}

func sign(t *rapid.T) string { return rapid.SampledFrom([]string{"+", "-"}).Draw(t, "sign") }

// Zone generates an IANA zone name from a fixed list that covers the cases
// dates get wrong: DST gaps and folds at midnight, a skipped day, half-hour
// offsets, zones without DST, links and Etc zones.
func Zone() *rapid.Generator[string] {
	return rapid.SampledFrom(Zones)
}

// Zones are the zones Zone draws from.
var Zones = []string{
	"UTC", "America/New_York", "America/Sao_Paulo", "America/Havana", "Pacific/Apia",
	"Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Kathmandu", "Europe/London",
	"Europe/Berlin", "America/Denver", "America/St_Johns", "Pacific/Chatham", "US/Eastern",
	"Etc/GMT+5", "Etc/GMT-14", "Africa/Casablanca", "America/Santiago", "Antarctica/Troll",
}

// Mutated generates strings a few edits away from those of g: bytes deleted,
// inserted or replaced with pieces of the date language, so that the near
// misses a user types (and the parsers must agree on) are drawn often.
func Mutated(g *rapid.Generator[string]) *rapid.Generator[string] {
	pieces := []string{"0", "1", "2", "5", "9", "-", "+", ":", ".", ",", "T", "t", "Z", "z", " ", "d", "today", "W", "\x00", "\xff", "00", "24", "60"}
	return rapid.Custom(func(t *rapid.T) string {
		s := g.Draw(t, "valid")
		for n := rapid.IntRange(0, 3).Draw(t, "edits"); n > 0; n-- {
			i := rapid.IntRange(0, len(s)).Draw(t, "at")
			switch rapid.IntRange(0, 2).Draw(t, "edit") {
			case 0:
				if i < len(s) {
					s = s[:i] + s[i+1:]
				}
			case 1:
				s = s[:i] + rapid.SampledFrom(pieces).Draw(t, "insert") + s[i:]
			default:
				if i < len(s) {
					s = s[:i] + rapid.SampledFrom(pieces).Draw(t, "replace") + s[i+1:]
				}
			}
		}
		return s
	})
}
