package daterange

import (
	"strconv"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/grammar"
)

// fromGrammar converts a tree of the grammar of record into a Value with
// checks written independently of the fast parser (calendar validity by
// time.Date's normalization), so that the two can be compared.
func fromGrammar(dv *grammar.DateValue) (Value, bool) {
	if r := dv.Relative; r != nil {
		if r.Sign == "" {
			return pack(parts{relative: true}), true
		}
		n, err := strconv.Atoi(r.Days)
		if err != nil || n > MaxRelativeDays {
			return Value{}, false
		}
		if r.Sign == "-" {
			n = -n
		}
		return pack(parts{relative: true, days: int32(n)}), true
	}
	dt, _, _ := dv.DateTime()
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	y, m, d := atoi(dt.Year), atoi(dt.Month), atoi(dt.Day)
	if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); m < 1 || m > 12 || t.Day() != d || t.Month() != time.Month(m) {
		return Value{}, false
	}
	v := parts{year: uint16(y), month: uint8(m), day: uint8(d), prec: Day}
	if dt.Sep == "" {
		return pack(v), true
	}
	h, mi, s := atoi(dt.Hour), atoi(dt.Minute), atoi(dt.Second)
	v.prec = Minute
	if dt.Second != "" {
		v.prec = Second
	}
	if dt.Fraction != "" {
		v.prec, v.fracDigits = Fraction, uint8(len(dt.Fraction))
		f := dt.Fraction + "000000000"
		v.nsec = uint32(atoi(f[:9]))
	}
	if h > 24 || mi > 59 || s > 60 || h == 24 && (mi != 0 || s != 0 || v.nsec != 0) {
		return Value{}, false
	}
	s = min(s, 59)
	v.hour, v.minute, v.second = uint8(h), uint8(mi), uint8(s)
	switch dt.OffsetSign {
	case "Z", "z":
		v.hasOffset = true
	case "+", "-":
		oh, om := atoi(dt.OffsetHour), atoi(dt.OffsetMinute)
		if oh > 23 || om > 59 {
			return Value{}, false
		}
		v.hasOffset, v.offset = true, int32(oh*3600+om*60)
		if dt.OffsetSign == "-" {
			v.offset = -v.offset
		}
	}
	if h == 24 {
		next := time.Date(y, time.Month(m), d+1, 0, 0, 0, 0, time.UTC)
		if next.Year() > 9999 {
			return Value{}, false
		}
		v.year, v.month, v.day, v.hour = uint16(next.Year()), uint8(next.Month()), uint8(next.Day()), 0
	}
	return pack(v), true
}

// reversedByTime is reversed written with time.Time, as an oracle: two ends
// whose order is known without a clock or a zone, and to not after from.
func reversedByTime(from, to Value) bool {
	switch {
	case from.relative() && to.relative():
		return to.days() <= from.days()
	case from.relative() || to.relative() || from.hasOffset() != to.hasOffset():
		return false
	}
	at := func(v Value) time.Time {
		return time.Date(int(v.year()), time.Month(v.month()), int(v.day()), int(v.hour()), int(v.minute()), int(v.second()), int(v.nsec), time.FixedZone("", int(v.offset())))
	}
	return !at(to).After(at(from))
}

// The fast parser and the grammar of record accept the same values and
// agree on what they mean.
func TestPropertyFastPathEqualsGrammar(t *testing.T) {
	strs := rapid.OneOf(fuzz.DateValue(), fuzz.Mutated(fuzz.DateValue()))
	rapid.Check(t, func(t *rapid.T) {
		s := strs.Draw(t, "s")
		fast, fastErr := ParseValue(s)
		tree, gramErr := grammar.ParseDateValue(s)
		var want Value
		ok := gramErr == nil
		if ok {
			want, ok = fromGrammar(tree)
		}
		switch {
		case ok && fastErr != nil:
			t.Fatalf("%q: the grammar accepts it as %v, the fast parser refuses it: %v", s, want, fastErr)
		case !ok && fastErr == nil:
			t.Fatalf("%q: the fast parser accepts it as %v, the grammar refuses it (%v)", s, fast, gramErr)
		case ok && fast != want:
			t.Fatalf("%q: the fast parser reads %#v, the grammar %#v", s, fast, want)
		}
	})
}

// The same, for whole ranges: the grammar decides the syntax, and a range
// the grammar accepts is refused by the fast parser only for a bad end or
// ends known to be reversed.
func TestPropertyFastRangeEqualsGrammar(t *testing.T) {
	strs := rapid.OneOf(fuzz.DateRange(), fuzz.Mutated(fuzz.DateRange()))
	rapid.Check(t, func(t *rapid.T) {
		s := strs.Draw(t, "s")
		fast, fastErr := ParseRange(s)
		tree, gramErr := grammar.ParseDateRange(s)
		ok := gramErr == nil
		var from, to Value
		if ok {
			from, ok = fromGrammar(tree.From)
		}
		if ok && tree.To != nil {
			var okTo bool
			to, okTo = fromGrammar(tree.To)
			ok = okTo && !reversedByTime(from, to)
		}
		switch {
		case ok && fastErr != nil:
			t.Fatalf("%q: the grammar accepts it, the fast parser refuses it: %v", s, fastErr)
		case !ok && fastErr == nil:
			t.Fatalf("%q: the fast parser accepts it as %v, the grammar refuses it (%v)", s, fast, gramErr)
		case ok && (fast.from != from || fast.to != to || fast.hasTo != (tree.To != nil)):
			t.Fatalf("%q: the fast parser reads %#v, the grammar %#v,%#v", s, fast, from, to)
		}
	})
}

// The fast path of the extended form reads exactly what the general parser
// reads, and declines only what it does not handle: generated values, their
// mutations and bytes near the form's shape alike.
func TestPropertyExtendedFastPath(t *testing.T) {
	near := rapid.Custom(func(t *rapid.T) string {
		b := []byte(rapid.SampledFrom([]string{"2007-08-05", "2007-08-05T13:15", "2007-08-05T13:15:00Z", "2008-02-29 23:59:59-08:00", "0000-02-29t00:00+00:00"}).Draw(t, "base"))
		for range rapid.IntRange(0, 3).Draw(t, "edits") {
			i := rapid.IntRange(0, len(b)-1).Draw(t, "at")
			b[i] = rapid.SampledFrom([]byte("0123456789-:+Zz T./,")).Draw(t, "byte")
		}
		return string(b)
	})
	for _, s := range []string{"2007-08-05", "2007-08-05T13:15", "2007-08-05 13:15:00z", "2007-08-05T13:15:00Z", "2008-02-14t10:12:13-08:00", "2000-02-29T23:59+14:00"} {
		if _, ok := parseExtended(s); !ok {
			t.Errorf("%q: the fast path declines it", s)
		}
	}
	strs := rapid.OneOf(fuzz.DateValue(), fuzz.Mutated(fuzz.DateValue()), near)
	rapid.Check(t, func(t *rapid.T) {
		s := strs.Draw(t, "s")
		fast, ok := parseExtended(s)
		var p parts
		err := parseGeneral(s, &p)
		slow := pack(p)
		switch {
		case ok && err != nil:
			t.Fatalf("%q: the fast path reads %#v, the general parser refuses it: %v", s, fast, err)
		case ok && fast != slow:
			t.Fatalf("%q: the fast path reads %#v, the general parser %#v", s, fast, slow)
		}
	})
}

// Every month length of the fast path is the calendar's.
func TestDaysIn(t *testing.T) {
	for _, y := range []int{0, 1, 4, 100, 400, 1900, 2000, 2007, 2008, 9999} {
		for m := 1; m <= 12; m++ {
			want := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			if got := daysIn(y, m); got != want {
				t.Errorf("daysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}
