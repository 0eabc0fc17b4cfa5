package daterange

import (
	"errors"
	"strings"
	"testing"
)

// The accepted values: every date of the API document, each written form
// docs/LANGUAGE.md §3.1 names, and their canonical forms.
var acceptTests = []struct {
	in, canonical string
	prec          Precision
}{
	// The API document's examples.
	{"2007-08-05", "2007-08-05", Day},
	{"2007-08-05 13:15Z", "2007-08-05T13:15Z", Minute},
	{"2007-08-07 14:30Z", "2007-08-07T14:30Z", Minute},
	{"20070805T1315Z", "2007-08-05T13:15Z", Minute},
	{"20070807T1430Z", "2007-08-07T14:30Z", Minute},
	{"today", "today", Day},
	{"today-1d", "today-1d", Day},
	{"today-7d", "today-7d", Day},
	{"2008-02-14T10:12:13-08:00", "2008-02-14T10:12:13-08:00", Second},
	{"2007-12-19 19:16:58Z", "2007-12-19T19:16:58Z", Second},
	{"2007-12-19T19:16:36-08:00", "2007-12-19T19:16:36-08:00", Second},
	// docs/LANGUAGE.md §3.1 forms.
	{"20070805", "2007-08-05", Day},
	{"2007-08-05T13:15:00Z", "2007-08-05T13:15:00Z", Second},
	{"20070805T131500.250Z", "2007-08-05T13:15:00.250Z", Fraction},
	{"2007-08-05T13:15:00.25-08:00", "2007-08-05T13:15:00.25-08:00", Fraction},
	{"2007-08-05T13:15:58.123456789+05:30", "2007-08-05T13:15:58.123456789+05:30", Fraction},
	{"2007-08-05t13:15z", "2007-08-05T13:15Z", Minute},
	{"2007-08-05T13:15+05", "2007-08-05T13:15+05:00", Minute},
	{"20070805T1315-0800", "2007-08-05T13:15-08:00", Minute},
	{"20070805 131500+0530", "2007-08-05T13:15:00+05:30", Second},
	{"2007-08-05T13:15-00:00", "2007-08-05T13:15Z", Minute},
	{"2007-08-05T13:15+00:00", "2007-08-05T13:15Z", Minute},
	{"2007-08-05T13:15", "2007-08-05T13:15", Minute},
	{"2007-08-05T24:00", "2007-08-06T00:00", Minute},
	{"2007-12-31T24:00:00Z", "2008-01-01T00:00:00Z", Second},
	{"2008-02-28T24:00", "2008-02-29T00:00", Minute},
	{"2008-02-29", "2008-02-29", Day},
	{"2000-02-29", "2000-02-29", Day},
	{"2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z", Second},
	{"2016-12-31T23:59:60.5Z", "2016-12-31T23:59:59.5Z", Fraction},
	{"0000-01-01", "0000-01-01", Day},
	{"9999-12-31T23:59:59.999999999+23:59", "9999-12-31T23:59:59.999999999+23:59", Fraction},
	{"today+0d", "today", Day},
	{"today-0d", "today", Day},
	{"today+100000d", "today+100000d", Day},
	{"today-100000d", "today-100000d", Day},
	{"today-007d", "today-7d", Day},
}

func TestParseValueAccepts(t *testing.T) {
	for _, tt := range acceptTests {
		t.Run(tt.in, func(t *testing.T) {
			v, err := ParseValue(tt.in)
			if err != nil {
				t.Fatalf("ParseValue(%q): %v", tt.in, err)
			}
			if got := v.String(); got != tt.canonical {
				t.Errorf("ParseValue(%q).String() = %q, want %q", tt.in, got, tt.canonical)
			}
			if v.Precision() != tt.prec {
				t.Errorf("ParseValue(%q).Precision() = %v, want %v", tt.in, v.Precision(), tt.prec)
			}
			again, err := ParseValue(v.String())
			if err != nil || again != v {
				t.Errorf("ParseValue(%q) = %#v, %v; want %#v", v.String(), again, err, v)
			}
		})
	}
}

func TestParseValueFields(t *testing.T) {
	v, err := ParseValue("2007-08-05T13:15:00.25-08:00")
	if err != nil {
		t.Fatal(err)
	}
	y, m, d := v.Date()
	h, mi, s, ns := v.Clock()
	off, ok := v.Offset()
	if y != 2007 || m != 8 || d != 5 || h != 13 || mi != 15 || s != 0 || ns != 250000000 || off != -8*3600 || !ok || v.FractionDigits() != 2 {
		t.Errorf("fields of %v: %d-%d-%d %d:%d:%d.%d offset %d %v digits %d", v, y, m, d, h, mi, s, ns, off, ok, v.FractionDigits())
	}
	r, err := ParseValue("today-7d")
	if err != nil || !r.IsRelative() || r.RelativeDays() != -7 {
		t.Errorf("today-7d: %#v, %v", r, err)
	}
	if _, ok := v.Offset(); !ok {
		t.Error("offset lost")
	}
}

// The rejected values: each with the byte position of the fault and a piece
// of the message or hint that a user needs to read.
var rejectTests = []struct {
	name, in string
	pos      int
	want     string // a substring of Error()
}{
	{"empty", "", 0, "empty date"},
	{"mixed extended date basic time", "2007-08-05T1315", 13, "mixed with the basic form"},
	{"mixed basic date extended time", "20070805T13:15", 11, "mixed with the extended form"},
	{"mixed extended seconds", "2007-08-05T13:1500", 16, "mixed"},
	{"mixed basic offset", "20070805T1315+05:30", 16, "mixed"},
	{"mixed extended offset", "2007-08-05T13:15+0530", 19, "mixed"},
	{"Feb 30", "2007-02-30", 8, "day 30 is out of range: February 2007 has 28 days"},
	{"Feb 29 not leap", "1900-02-29", 8, "February 1900 has 28 days"},
	{"month 13", "2007-13-01", 5, "month 13 is out of range"},
	{"month 00", "20070001", 4, "month 00"},
	{"day 00", "2007-08-00", 8, "day 00"},
	{"hour 25", "2007-08-05T25:00", 11, "hour 25 is out of range 00–24"},
	{"minute 60", "2007-08-05T13:60", 14, "minute 60"},
	{"second 61", "2007-08-05T13:15:61", 17, "second 61"},
	{"24:01", "2007-08-05T24:01", 11, "only as 24:00"},
	{"24:00 last day", "9999-12-31T24:00", 11, "past the last date"},
	{"decimal comma", "2007-08-05T13:15:00,5", 19, "write '.'"},
	{"comma in one date", "2007-08-05,2007-08-06", 10, "only d takes a range"},
	{"fraction without seconds", "2007-08-05T13:15.5", 16, "needs the seconds"},
	{"fraction of 10 digits", "2007-08-05T13:15:00.1234567890", 29, "at most 9 digits"},
	{"empty fraction", "2007-08-05T13:15:00.", 20, "digits of the fraction"},
	{"offset hour 24", "2007-08-05T13:15+24:00", 17, "offset hours 24"},
	{"offset minute 60", "2007-08-05T13:15+00:60", 20, "offset minutes 60"},
	{"offset on a date", "2007-08-05Z", 10, "offset needs a time"},
	{"plus as space offset", "2007-08-05T13:15 05:30", 16, "write %2B for +"},
	{"plus as space today", "today 1d", 5, "write %2B for +"},
	{"today without d", "today-1", 7, "expected 'd'"},
	{"today in weeks", "today-1w", 7, "whole days"},
	{"today upper case", "Today", 0, "lower case"},
	{"today too far", "today-100001d", 6, "out of range 0–100000"},
	{"today very far", "today-99999999999999999999999d", 6, "out of range"},
	{"yesterday", "yesterday", 0, "today-1d"},
	{"week date", "2007-W31-7", 5, "calendar date 2007-08-05"},
	{"basic week date", "2007W317", 4, "calendar date 2007-08-05"},
	{"ordinal date", "2007-217", 5, "calendar date 2007-08-05"},
	{"basic ordinal date", "2007217", 4, "calendar date 2007-08-05"},
	{"signed year", "+2007-08-05", 0, "four digits"},
	{"five-digit year", "12007-08-05", 4, "a year has exactly four digits"},
	{"two-digit year", "07-08-05", 2, "four-digit year"},
	{"leading space", " 2007-08-05", 0, "expected a date"},
	{"trailing space", "2007-08-05 ", 11, "hour"},
	{"trailing junk", "2007-08-05T13:15Zx", 17, "unexpected 'x'"},
	{"separator", "2007-08-05_13:15", 10, "expected 'T' or a space"},
	{"ISO interval", "2007-08-05/2007-08-07", 10, "written with a comma"},
	{"nul byte", "2007-08-05\x00", 10, "NUL"},
	{"invalid utf-8", "2007-08-\xff5", 8, "0xff"},
	{"words", "last week", 0, "expected a date"},
}

func TestParseValueRejects(t *testing.T) {
	for _, tt := range rejectTests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ParseValue(tt.in)
			if err == nil {
				t.Fatalf("ParseValue(%q) = %v, want an error", tt.in, v)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseValue(%q) error %T is not *Error", tt.in, err)
			}
			if e.Pos != tt.pos {
				t.Errorf("ParseValue(%q) error at %d, want %d: %v", tt.in, e.Pos, tt.pos, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseValue(%q) = %q, want it to say %q", tt.in, err, tt.want)
			}
			if e.Value != tt.in {
				t.Errorf("error value %q, want %q", e.Value, tt.in)
			}
		})
	}
}

func TestParseRange(t *testing.T) {
	tests := []struct{ in, canonical string }{
		{"2007-08-05,2007-08-07", "2007-08-05,2007-08-07"},
		{"2007-08-05 13:15Z,2007-08-07 14:30Z", "2007-08-05T13:15Z,2007-08-07T14:30Z"},
		{"20070805T1315Z,20070807T1430Z", "2007-08-05T13:15Z,2007-08-07T14:30Z"},
		{"today-1d,today", "today-1d,today"},
		{"today-7d,today+1d", "today-7d,today+1d"},
		{"2007-08-05", "2007-08-05"},
		{"2007-08-05,today", "2007-08-05,today"},
		{"2007-08-05T13:15Z,2007-08-05T10:00-05:00", "2007-08-05T13:15Z,2007-08-05T10:00-05:00"},
		{"2007-08-05T13:15:00.5,2007-08-05T13:15:00.50001", "2007-08-05T13:15:00.5,2007-08-05T13:15:00.50001"},
		// Years outside int64 nanoseconds (1678–2262) compare by seconds.
		{"02510101T0000+01,05090101T0000Z", "0251-01-01T00:00+01:00,0509-01-01T00:00Z"},
		{"9000-01-01T00:00+01,9000-01-01T00:00:00.5Z", "9000-01-01T00:00+01:00,9000-01-01T00:00:00.5Z"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			r, err := ParseRange(tt.in)
			if err != nil {
				t.Fatalf("ParseRange(%q): %v", tt.in, err)
			}
			if got := r.String(); got != tt.canonical {
				t.Errorf("ParseRange(%q).String() = %q, want %q", tt.in, got, tt.canonical)
			}
		})
	}
}

func TestParseRangeRejects(t *testing.T) {
	tests := []struct {
		name, in string
		pos      int
		want     string
	}{
		{"empty end", "2007-08-05,", 11, "end is missing"},
		{"empty start", ",2007-08-05", 0, "start is missing"},
		{"three ends", "2007-08-05,2007-08-06,2007-08-07", 21, "exactly one comma"},
		{"reversed", "2007-08-07,2007-08-05", 11, "not after its start"},
		{"equal", "2007-08-05,2007-08-05", 11, "not after its start"},
		{"reversed relative", "today,today-1d", 6, "not after its start"},
		{"reversed with offsets", "2007-08-05T13:15Z,2007-08-05T14:00+01:00", 18, "not after its start"},
		{"decimal comma", "2007-08-05T13:15:00,5", 19, "write '.'"},
		{"fault in the end", "2007-08-05,2007-02-30", 19, "day 30"},
		{"fault in the start", "2007-13-05,2007-02-03", 5, "month 13"},
		{"plus as space", "today-1d,today 1d", 14, "%2B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseRange(tt.in)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseRange(%q) = %v, %v; want an *Error", tt.in, r, err)
			}
			if e.Pos != tt.pos || !strings.Contains(e.Error(), tt.want) || e.Value != tt.in {
				t.Errorf("ParseRange(%q) error at %d in %q: %v; want at %d, saying %q", tt.in, e.Pos, e.Value, e, tt.pos, tt.want)
			}
		})
	}
}

func TestErrorCaret(t *testing.T) {
	_, err := ParseValue("2007-08-05T25:00")
	var e *Error
	errors.As(err, &e)
	e.Variable = "d"
	if got, want := e.Error(), "d: 11: hour 25 is out of range 00–24"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := e.Caret(), "2007-08-05T25:00\n           ^"; got != want {
		t.Errorf("Caret() =\n%s\nwant\n%s", got, want)
	}
	long := strings.Repeat("9", 1<<20)
	_, err = ParseValue("2007-08-05T13:15" + long)
	errors.As(err, &e)
	if c := e.Caret(); len(c) > 200 {
		t.Errorf("caret of a 1 MiB value is %d bytes long", len(c))
	}
}

func TestParseAllocations(t *testing.T) {
	for _, in := range []string{"2007-08-05T13:15:00.25-08:00", "20070805T1315Z", "today-1d"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseValue(in) }); n != 0 {
			t.Errorf("ParseValue(%q) allocates %v times", in, n)
		}
	}
	for _, in := range []string{"2007-08-05 13:15Z,2007-08-07 14:30Z", "today-1d,today"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseRange(in) }); n != 0 {
			t.Errorf("ParseRange(%q) allocates %v times", in, n)
		}
	}
	v, _ := ParseValue("2007-08-05T13:15:00.25-08:00")
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf, _ = v.AppendText(buf[:0]) }); n != 0 {
		t.Errorf("AppendText allocates %v times", n)
	}
}

// A day the month does not have is fixed by the month's last day (its
// first for day 00): the suggestion replaces the two digits, and the hint
// says which day that is.
func TestDayOutOfRangeFix(t *testing.T) {
	for _, tt := range []struct{ in, sugg, hint string }{
		{"2007-02-30", "28", "the last day of February 2007 is the 28th"},
		{"2008-02-30", "29", "the last day of February 2008 is the 29th"},
		{"2007-04-31", "30", "the last day of April 2007 is the 30th"},
		{"2007-01-32", "31", "the last day of January 2007 is the 31st"},
		{"20070230T1315Z", "28", "the last day of February 2007 is the 28th"},
		{"2007-08-00", "01", "days count from 01"},
	} {
		_, err := ParseValue(tt.in)
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeBadDatePart {
			t.Errorf("%s: %v, want a bad-date-part", tt.in, err)
			continue
		}
		if len(e.Suggestions) != 1 || e.Suggestions[0] != tt.sugg || e.Hint != tt.hint {
			t.Errorf("%s: suggestions %q, hint %q; want %q, %q", tt.in, e.Suggestions, e.Hint, tt.sugg, tt.hint)
		}
		fixed := tt.in[:e.Start] + e.Suggestions[0] + tt.in[e.End:]
		if _, err := ParseValue(fixed); err != nil {
			t.Errorf("%s fixed as %s: %v", tt.in, fixed, err)
		}
	}
}
