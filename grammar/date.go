package grammar

import "strings"

// DateRange is a whole d= value: one value, or two joined by a comma.
type DateRange struct {
	From *DateValue `parser:"@@"`
	To   *DateValue `parser:"( ',' @@ )?"` // nil when there is no comma
}

// DateValue is one end of a range. Exactly one field is non-nil.
type DateValue struct {
	Relative *Relative         `parser:"  @@"`
	Extended *ExtendedDateTime `parser:"| @@"`
	Basic    *BasicDateTime    `parser:"| @@"`
}

// Relative is "today", optionally followed by a signed whole number of days,
// as in "today-1d" or "today+007d".
type Relative struct {
	Today bool   `parser:"@'today'"`
	Sign  string `parser:"( @('+' | '-')"`  // "+", "-", or "" for plain "today"
	Days  string `parser:"  @Count 'd' )?"` // the digits as written (one or more, leading zeros kept)
}

// ExtendedDateTime is a date, optionally with a time and offset, in the
// extended form: 2007-08-05, 2007-08-05T13:15:00.25-08:00.
//
// Every field holds the text as written; absent parts are "". The digit
// fields have fixed lengths (Year 4, the others 2) except Fraction (1 to 9).
// Sep is "T", "t" or " " and is "" exactly when there is no time; Second is
// present only with a time, Fraction only with Second. OffsetSign is "Z", "z",
// "+", "-" or ""; OffsetHour is set exactly when OffsetSign is "+" or "-", and
// OffsetMinute is optional after it.
type ExtendedDateTime struct {
	Year         string `parser:"@Digit @Digit @Digit @Digit '-'"`
	Month        string `parser:"@Digit @Digit '-'"`
	Day          string `parser:"@Digit @Digit"`
	Sep          string `parser:"( @('T' | 't' | ' ')"`
	Hour         string `parser:"  @Digit @Digit ':'"`
	Minute       string `parser:"  @Digit @Digit"`
	Second       string `parser:"  ( ':' @Digit @Digit"`
	Fraction     string `parser:"    ( '.' @Digit @Digit? @Digit? @Digit? @Digit? @Digit? @Digit? @Digit? @Digit? )? )?"`
	OffsetSign   string `parser:"  ( @('Z' | 'z') | @('+' | '-')"`
	OffsetHour   string `parser:"    @Digit @Digit"`
	OffsetMinute string `parser:"    ( ':' @Digit @Digit )? )? )?"`
}

// BasicDateTime is a date, optionally with a time and offset, in the basic
// form: 20070805, 20070805T131500.250Z, 20070805T1315-0800. Its fields mean
// what they mean in ExtendedDateTime.
type BasicDateTime struct {
	Year         string `parser:"@Digit @Digit @Digit @Digit"`
	Month        string `parser:"@Digit @Digit"`
	Day          string `parser:"@Digit @Digit"`
	Sep          string `parser:"( @('T' | 't' | ' ')"`
	Hour         string `parser:"  @Digit @Digit"`
	Minute       string `parser:"  @Digit @Digit"`
	Second       string `parser:"  ( @Digit @Digit"`
	Fraction     string `parser:"    ( '.' @Digit @Digit? @Digit? @Digit? @Digit? @Digit? @Digit? @Digit? @Digit? )? )?"`
	OffsetSign   string `parser:"  ( @('Z' | 'z') | @('+' | '-')"`
	OffsetHour   string `parser:"    @Digit @Digit"`
	OffsetMinute string `parser:"    ( @Digit @Digit )? )? )?"`
}

// DateTime is the form-independent view of ExtendedDateTime and
// BasicDateTime: the same fields, without the grammar.
type DateTime struct {
	Year, Month, Day                     string
	Sep, Hour, Minute, Second, Fraction  string
	OffsetSign, OffsetHour, OffsetMinute string
}

// DateTime returns the fields of e.
func (e *ExtendedDateTime) DateTime() DateTime { return DateTime(*e) }

// DateTime returns the fields of b.
func (b *BasicDateTime) DateTime() DateTime { return DateTime(*b) }

// DateTime returns the date-time of v and whether it is written in the
// extended form; ok is false when v is relative.
func (v *DateValue) DateTime() (dt DateTime, extended, ok bool) {
	switch {
	case v == nil:
		return DateTime{}, false, false
	case v.Extended != nil:
		return v.Extended.DateTime(), true, true
	case v.Basic != nil:
		return v.Basic.DateTime(), false, true
	}
	return DateTime{}, false, false
}

// String returns the range as written.
func (r *DateRange) String() string {
	if r == nil {
		return ""
	}
	if r.To == nil {
		return r.From.String()
	}
	return r.From.String() + "," + r.To.String()
}

// String returns the value as written.
func (v *DateValue) String() string {
	switch {
	case v == nil:
		return ""
	case v.Relative != nil:
		return v.Relative.String()
	case v.Extended != nil:
		return v.Extended.String()
	case v.Basic != nil:
		return v.Basic.String()
	}
	return ""
}

// String returns the relative value as written.
func (r *Relative) String() string {
	if r == nil {
		return ""
	}
	if r.Sign == "" {
		return "today"
	}
	return "today" + r.Sign + r.Days + "d"
}

// String returns the date-time as written.
func (e *ExtendedDateTime) String() string {
	if e == nil {
		return ""
	}
	return e.DateTime().format(true)
}

// String returns the date-time as written.
func (b *BasicDateTime) String() string {
	if b == nil {
		return ""
	}
	return b.DateTime().format(false)
}

// format writes d in the extended or the basic form.
func (d DateTime) format(extended bool) string {
	dash, colon := "", ""
	if extended {
		dash, colon = "-", ":"
	}
	var b strings.Builder
	b.WriteString(d.Year + dash + d.Month + dash + d.Day)
	if d.Sep == "" {
		return b.String()
	}
	b.WriteString(d.Sep + d.Hour + colon + d.Minute)
	if d.Second != "" {
		b.WriteString(colon + d.Second)
		if d.Fraction != "" {
			b.WriteString("." + d.Fraction)
		}
	}
	b.WriteString(d.OffsetSign)
	if d.OffsetHour != "" {
		b.WriteString(d.OffsetHour)
		if d.OffsetMinute != "" {
			b.WriteString(colon + d.OffsetMinute)
		}
	}
	return b.String()
}
