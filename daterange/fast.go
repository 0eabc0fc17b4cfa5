package daterange

// parseExtended reads the values that requests hold most often, in one
// straight pass with no loop: the extended form YYYY-MM-DD, optionally
// followed by T, t or a space, hh:mm, optionally :ss, and optionally Z, z or
// ±hh:mm. It reports false for anything else (the
// basic form, a fraction, hour 24, a leap second, a relative date, every
// fault), which parseGeneral then reads; where it reports true, its Value
// is what parseGeneral reads (TestPropertyExtendedFastPath). The Value is
// built in registers, its fields packed as pack packs them. It is what makes a
// date-time with Z cheaper than time.Parse(time.RFC3339) (bench/README.md).
func parseExtended(s string) (Value, bool) {
	n := len(s)
	if n < 10 || n > 25 || s[4] != '-' || s[7] != '-' {
		return Value{}, false
	}
	// A byte minus '0' above 9 (as a byte) is no digit.
	c0, c1, c2, c3 := s[0]-'0', s[1]-'0', s[2]-'0', s[3]-'0'
	m0, m1, d0, d1 := s[5]-'0', s[6]-'0', s[8]-'0', s[9]-'0'
	if c0 > 9 || c1 > 9 || c2 > 9 || c3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9 {
		return Value{}, false
	}
	year := int(c0)*1000 + int(c1)*100 + int(c2)*10 + int(c3)
	month, day := int(m0)*10+int(m1), int(d0)*10+int(d1)
	if month < 1 || month > 12 || day < 1 || day > 28 && day > daysIn(year, month) {
		return Value{}, false
	}
	c := uint64(year) | uint64(month)<<16 | uint64(day)<<24 // precision Day is 0
	if n == 10 {
		return Value{c: c}, true
	}
	if n < 16 || s[10] != 'T' && s[10] != 't' && s[10] != ' ' || s[13] != ':' {
		return Value{}, false
	}
	h0, h1, n0, n1 := s[11]-'0', s[12]-'0', s[14]-'0', s[15]-'0'
	if h0 > 9 || h1 > 9 || n0 > 9 || n1 > 9 {
		return Value{}, false
	}
	hour, minute := int(h0)*10+int(h1), int(n0)*10+int(n1)
	if hour > 23 || minute > 59 {
		return Value{}, false
	}
	c |= uint64(hour)<<32 | uint64(minute)<<40 | uint64(Minute)<<56
	i := 16
	if i < n && s[i] == ':' {
		if n < 19 {
			return Value{}, false
		}
		s0, s1 := s[17]-'0', s[18]-'0'
		if s0 > 9 || s1 > 9 || int(s0)*10+int(s1) > 59 {
			return Value{}, false
		}
		c = c&^(3<<56) | uint64(int(s0)*10+int(s1))<<48 | uint64(Second)<<56
		i = 19
	}
	var off int32
	switch {
	case i == n:
	case i+1 == n && (s[i] == 'Z' || s[i] == 'z'):
		c |= hasOffsetBit
	case i+6 == n && (s[i] == '+' || s[i] == '-') && s[i+3] == ':':
		a0, a1, b0, b1 := s[i+1]-'0', s[i+2]-'0', s[i+4]-'0', s[i+5]-'0'
		if a0 > 9 || a1 > 9 || b0 > 9 || b1 > 9 {
			return Value{}, false
		}
		oh, om := int(a0)*10+int(a1), int(b0)*10+int(b1)
		if oh > 23 || om > 59 {
			return Value{}, false
		}
		off = int32(oh*3600 + om*60)
		if s[i] == '-' {
			off = -off
		}
		c |= hasOffsetBit
	default:
		return Value{}, false
	}
	return Value{c: c, n: off}, true
}

// daysIn is the length of a month of the proleptic Gregorian calendar.
func daysIn(year, month int) int {
	if month == 2 {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 30 + (month+month>>3)&1
}
