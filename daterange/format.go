package daterange

// AppendText appends the canonical form of v (docs/LANGUAGE.md §8): the extended
// form at the precision written, T before the time, Z or ±hh:mm for an
// offset, and today, today-Nd or today+Nd for relative values.
func (v Value) AppendText(b []byte) ([]byte, error) {
	return v.appendCanonical(b), nil
}

func (v Value) appendCanonical(b []byte) []byte {
	if v.relative() {
		b = append(b, "today"...)
		switch {
		case v.days() < 0:
			b = append(b, '-')
			b = appendInt(b, int(-v.days()))
			b = append(b, 'd')
		case v.days() > 0:
			b = append(b, '+')
			b = appendInt(b, int(v.days()))
			b = append(b, 'd')
		}
		return b
	}
	b = append4(b, int(v.year()))
	b = append(b, '-')
	b = append2(b, int(v.month()))
	b = append(b, '-')
	b = append2(b, int(v.day()))
	if v.prec() == Day {
		return b
	}
	b = append(b, 'T')
	b = append2(b, int(v.hour()))
	b = append(b, ':')
	b = append2(b, int(v.minute()))
	if v.prec() >= Second {
		b = append(b, ':')
		b = append2(b, int(v.second()))
	}
	if v.prec() == Fraction {
		b = append(b, '.')
		f := v.nsec / pow10[9-v.fracDigits()]
		for i := int(v.fracDigits()) - 1; i >= 0; i-- {
			b = append(b, byte('0'+f/pow10[i]%10))
		}
	}
	if v.hasOffset() {
		b = appendOffset(b, int(v.offset()))
	}
	return b
}

// appendOffset writes Z for UTC (also for -00:00, [D-14]) and ±hh:mm otherwise.
func appendOffset(b []byte, off int) []byte {
	if off == 0 {
		return append(b, 'Z')
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	b = append(b, sign)
	b = append2(b, off/3600)
	b = append(b, ':')
	return append2(b, off/60%60)
}

// String returns the canonical form of v.
func (v Value) String() string {
	var buf [40]byte
	return string(v.appendCanonical(buf[:0]))
}

// MarshalText implements encoding.TextMarshaler with the canonical form.
func (v Value) MarshalText() ([]byte, error) { return v.appendCanonical(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseValue].
func (v *Value) UnmarshalText(b []byte) error {
	x, err := ParseValue(string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}

// AppendText appends the canonical form of r: one value, or A,B.
func (r Range) AppendText(b []byte) ([]byte, error) {
	return r.appendCanonical(b), nil
}

func (r Range) appendCanonical(b []byte) []byte {
	b = r.from.appendCanonical(b)
	if r.hasTo {
		b = append(b, ',')
		b = r.to.appendCanonical(b)
	}
	return b
}

// String returns the canonical form of r.
func (r Range) String() string {
	var buf [80]byte
	return string(r.appendCanonical(buf[:0]))
}

// MarshalText implements encoding.TextMarshaler with the canonical form.
func (r Range) MarshalText() ([]byte, error) { return r.appendCanonical(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseRange].
func (r *Range) UnmarshalText(b []byte) error {
	x, err := ParseRange(string(b))
	if err != nil {
		return err
	}
	*r = x
	return nil
}

func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10%10), byte('0'+n%10)) }

func append4(b []byte, n int) []byte {
	return append(b, byte('0'+n/1000%10), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
}

func appendInt(b []byte, n int) []byte {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}
