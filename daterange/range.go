package daterange

import "strings"

// Range is what d= takes: one value, which denotes its own interval ([D-9]),
// or two values A,B, which denote the instants from the start of A up to,
// not including, the start of B ([D-10]). The zero Range is the single day
// 0000-01-01.
type Range struct {
	from, to Value
	hasTo    bool
}

// Single returns the range of one value.
func Single(v Value) Range { return Range{from: v} }

// Between returns the range A,B. It refuses ends whose order is known
// without a clock or a zone to be reversed or equal.
func Between(from, to Value) (Range, error) {
	if reversed(from, to) {
		v := from.String() + "," + to.String()
		return Range{}, &Error{Value: v, Pos: -1, Msg: "the range's end is not after its start", Hint: rangeHint, Code: CodeReversedRange, End: len(v)}
	}
	return Range{from: from, to: to, hasTo: true}, nil
}

const rangeHint = "A,B covers A up to, not including, B: d=2007-08-05,2007-08-07 is the 5th and the 6th"

// From returns the value the range starts with.
func (r Range) From() Value { return r.from }

// To returns the end of an A,B range, and false for a single value.
func (r Range) To() (Value, bool) { return r.to, r.hasTo }

// ParseRange parses a d= value:
//
//	range = value [ "," value ]
//
// with value as in [ParseValue]. Exactly one comma separates the ends; an end
// that is known at parse time not to be after the start is refused here, and
// one that depends on the clock or the zone is refused by [Range.Resolve].
func ParseRange(s string) (Range, error) {
	r, err := parseRange(s)
	if err != nil {
		return Range{}, err
	}
	return r, nil
}

func parseRange(s string) (Range, *Error) {
	comma := strings.IndexByte(s, ',')
	var r Range
	if comma < 0 {
		from, e := parseValue(s)
		if e != nil {
			return Range{}, e
		}
		return Range{from: from}, nil
	}
	if j := strings.IndexByte(s[comma+1:], ','); j >= 0 {
		return Range{}, fail(s, comma+1+j, "a range has exactly one comma", "d=A,B: from A up to, not including, B").as(CodeBadRange)
	}
	if comma == 0 {
		return Range{}, fail(s, 0, "the range's start is missing before ','", rangeHint).as(CodeBadRange)
	}
	if comma == len(s)-1 {
		return Range{}, fail(s, len(s), "the range's end is missing after ','", rangeHint).as(CodeBadRange)
	}
	var e *Error
	if r.from, e = parseValue(s[:comma]); e != nil {
		return Range{}, e.shift(s, 0)
	}
	if r.to, e = parseValue(s[comma+1:]); e != nil {
		if r.from.prec() == Second && !r.from.hasOffset() && fractionAhead(s[comma+1:]) {
			return Range{}, fail(s, comma, "',' is not a decimal sign", "write '.' for a fraction of a second; ',' separates the two ends of a range").as(CodeDecimalComma).suggest(".")
		}
		return Range{}, e.shift(s, comma+1)
	}
	if reversed(r.from, r.to) {
		return Range{}, fail(s, comma+1, "the range's end is not after its start", rangeHint).as(CodeReversedRange).span(comma+1, len(s))
	}
	r.hasTo = true
	return r, nil
}

func allDigits(s string) bool { return s != "" && digitsAt(s, 0, len(s)) }

// fractionAhead reports whether s, the text after a comma that follows a
// time's seconds, reads as a fraction of a second: 1 to 9 digits, then the
// end or an offset (Z, +hh…, -hh…, or a space that was a '+'), as in
// 13:15:00,5Z or 131500,250-08:00 ([D-7], docs/DECISIONS.md).
func fractionAhead(s string) bool {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	if n == 0 || n > 9 {
		return false
	}
	if n == len(s) {
		return true
	}
	switch s[n] {
	case 'Z', 'z':
		return n+1 == len(s)
	case '+', '-', ' ':
		return digitsAt(s, n+1, 2)
	}
	return false
}

// reversed reports whether to is known, without a clock or a zone, to start
// no later than from: both relative, both with an offset, or both without.
// A relative end against an absolute one, or an offset against none, is
// left to Resolve.
func reversed(from, to Value) bool {
	switch {
	case from.relative() && to.relative():
		return to.days() <= from.days()
	case from.relative() || to.relative() || from.hasOffset() != to.hasOffset():
		return false
	}
	if from.offset() != to.offset() { // both with offsets, and different ones
		a, b := from.civilSeconds()-int64(from.offset()), to.civilSeconds()-int64(to.offset())
		return b < a || b == a && to.nsec <= from.nsec
	}
	return to.wallKey() < from.wallKey() || to.wallKey() == from.wallKey() && to.nsec <= from.nsec
}

// wallKey orders absolute values by their date and time of day to the
// second, ignoring offsets: cheaper than unixNano where the offsets agree.
func (v Value) wallKey() uint64 {
	return uint64(v.year())<<40 | uint64(v.month())<<32 | uint64(v.day())<<24 |
		uint64(v.hour())<<16 | uint64(v.minute())<<8 | uint64(v.second())
}
