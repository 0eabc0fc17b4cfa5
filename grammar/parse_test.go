package grammar

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Helpers building expected trees.
func ext(d DateTime) *DateValue   { return &DateValue{Extended: (*ExtendedDateTime)(&d)} }
func basic(d DateTime) *DateValue { return &DateValue{Basic: (*BasicDateTime)(&d)} }
func rel(sign, days string) *DateValue {
	return &DateValue{Relative: &Relative{Today: true, Sign: sign, Days: days}}
}
func one(v *DateValue) *DateRange    { return &DateRange{From: v} }
func two(a, b *DateValue) *DateRange { return &DateRange{From: a, To: b} }

var acceptCases = []struct {
	name string
	in   string
	want *DateRange
}{
	{"extended date", "2007-08-05", one(ext(DateTime{Year: "2007", Month: "08", Day: "05"}))},
	{"basic date", "20070805", one(basic(DateTime{Year: "2007", Month: "08", Day: "05"}))},
	{"space separator minutes Z", "2007-08-05 13:15Z", one(ext(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: " ", Hour: "13", Minute: "15", OffsetSign: "Z"}))},
	{"extended seconds Z", "2007-08-05T13:15:00Z", one(ext(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "T", Hour: "13", Minute: "15", Second: "00", OffsetSign: "Z"}))},
	{"basic minutes Z", "20070805T1315Z", one(basic(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "T", Hour: "13", Minute: "15", OffsetSign: "Z"}))},
	{"basic fraction Z", "20070805T131500.250Z", one(basic(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "T", Hour: "13", Minute: "15", Second: "00", Fraction: "250", OffsetSign: "Z"}))},
	{"extended fraction offset", "2007-08-05T13:15:00.25-08:00", one(ext(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "T", Hour: "13", Minute: "15", Second: "00", Fraction: "25", OffsetSign: "-", OffsetHour: "08", OffsetMinute: "00"}))},
	{"lower case t and z", "2007-08-05t13:15z", one(ext(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "t", Hour: "13", Minute: "15", OffsetSign: "z"}))},
	{"extended offset hours only", "2007-08-05T13:15+05", one(ext(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "T", Hour: "13", Minute: "15", OffsetSign: "+", OffsetHour: "05"}))},
	{"basic offset hhmm", "20070805T1315-0800", one(basic(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "T", Hour: "13", Minute: "15", OffsetSign: "-", OffsetHour: "08", OffsetMinute: "00"}))},
	{"range of date-times", "2007-08-05 13:15Z,2007-08-07 14:30Z", two(
		ext(DateTime{Year: "2007", Month: "08", Day: "05", Sep: " ", Hour: "13", Minute: "15", OffsetSign: "Z"}),
		ext(DateTime{Year: "2007", Month: "08", Day: "07", Sep: " ", Hour: "14", Minute: "30", OffsetSign: "Z"}))},
	{"yesterday", "today-1d,today", two(rel("-", "1"), rel("", ""))},
	{"range of dates", "2007-08-05,2007-08-07", two(
		ext(DateTime{Year: "2007", Month: "08", Day: "05"}),
		ext(DateTime{Year: "2007", Month: "08", Day: "07"}))},
	{"response form", "2008-02-14T10:12:13-08:00", one(ext(DateTime{Year: "2008", Month: "02", Day: "14",
		Sep: "T", Hour: "10", Minute: "12", Second: "13", OffsetSign: "-", OffsetHour: "08", OffsetMinute: "00"}))},
	{"space separator seconds", "2007-12-19 19:16:58Z", one(ext(DateTime{Year: "2007", Month: "12", Day: "19",
		Sep: " ", Hour: "19", Minute: "16", Second: "58", OffsetSign: "Z"}))},
	{"today", "today", one(rel("", ""))},
	{"today minus", "today-1d", one(rel("-", "1"))},
	{"today plus", "today+7d", one(rel("+", "7"))},
	{"today minus zero", "today-0d", one(rel("-", "0"))},
	{"today leading zeros", "today+000100000d", one(rel("+", "000100000"))},
	{"today huge count", "today-99999999999999999999d", one(rel("-", "99999999999999999999"))},
	{"today then date", "today,2007-08-05", two(rel("", ""), ext(DateTime{Year: "2007", Month: "08", Day: "05"}))},
	{"mixed forms across ends", "20070805,2007-08-07T00:00", two(
		basic(DateTime{Year: "2007", Month: "08", Day: "05"}),
		ext(DateTime{Year: "2007", Month: "08", Day: "07", Sep: "T", Hour: "00", Minute: "00"}))},
	{"basic space separator no offset", "20070805 1315", one(basic(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: " ", Hour: "13", Minute: "15"}))},
	{"basic seconds offset hours", "20070805t131500+05", one(basic(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "t", Hour: "13", Minute: "15", Second: "00", OffsetSign: "+", OffsetHour: "05"}))},
	{"nine digit fraction", "2007-08-05T13:15:00.123456789", one(ext(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "T", Hour: "13", Minute: "15", Second: "00", Fraction: "123456789"}))},
	{"one digit fraction", "20070805T131500.5", one(basic(DateTime{Year: "2007", Month: "08", Day: "05",
		Sep: "T", Hour: "13", Minute: "15", Second: "00", Fraction: "5"}))},
	// Syntax only: calendar and offset limits are the converter's business.
	{"calendar nonsense is syntax", "2007-13-45T25:61:61.0+99:99", one(ext(DateTime{Year: "2007", Month: "13", Day: "45",
		Sep: "T", Hour: "25", Minute: "61", Second: "61", Fraction: "0", OffsetSign: "+", OffsetHour: "99", OffsetMinute: "99"}))},
	{"end of day", "2007-08-05T24:00,2007-08-06T24:00:00", two(
		ext(DateTime{Year: "2007", Month: "08", Day: "05", Sep: "T", Hour: "24", Minute: "00"}),
		ext(DateTime{Year: "2007", Month: "08", Day: "06", Sep: "T", Hour: "24", Minute: "00", Second: "00"}))},
	{"year zero", "0000-01-01", one(ext(DateTime{Year: "0000", Month: "01", Day: "01"}))},
}

func TestParseDateRangeAccepts(t *testing.T) {
	for _, c := range acceptCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseDateRange(c.in)
			if err != nil {
				t.Fatalf("ParseDateRange(%q): %v", c.in, err)
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("ParseDateRange(%q) tree (-want +got):\n%s", c.in, d)
			}
			if s := got.String(); s != c.in {
				t.Errorf("String() = %q, want %q", s, c.in)
			}
			again, err := ParseDateRange(got.String())
			if err != nil {
				t.Fatalf("reparse %q: %v", got.String(), err)
			}
			if d := cmp.Diff(got, again); d != "" {
				t.Errorf("reparse differs (-first +second):\n%s", d)
			}
		})
	}
}

var rejectCases = []struct{ name, in string }{
	{"empty", ""},
	{"space only", " "},
	{"leading space", " 2007-08-05"},
	{"trailing space", "2007-08-05 "},
	{"trailing space after time", "2007-08-05T13:15Z "},
	{"leading tab", "\t2007-08-05"},
	{"trailing newline", "2007-08-05\n"},
	{"extended date basic time", "2007-08-05T1315"},
	{"basic date extended time", "20070805T13:15"},
	{"extended date basic month", "2007-0805"},
	{"basic year then dash", "200708-05"},
	{"extended with basic offset", "2007-08-05T13:15+0800"},
	{"extended seconds with basic offset", "2007-08-05T13:15:00.25-0800"},
	{"basic with extended offset", "20070805T1315+08:00"},
	{"basic with extended seconds", "20070805T1315:00"},
	{"empty end", "2007-08-05,"},
	{"empty start", ",2007-08-05"},
	{"comma only", ","},
	{"two commas", "2007-08-05,,2007-08-07"},
	{"three ends", "2007-08-05,2007-08-06,2007-08-07"},
	{"three relative ends", "today,today,today"},
	{"today empty end", "today,"},
	{"offset without time", "2007-08-05Z"},
	{"basic offset without time", "20070805Z"},
	{"numeric offset without time", "2007-08-05+01:00"},
	{"fraction of ten digits", "2007-08-05T13:15:00.1234567890Z"},
	{"basic fraction of ten digits", "20070805T131500.1234567890"},
	{"empty fraction", "2007-08-05T13:15:00."},
	{"empty fraction before offset", "2007-08-05T13:15:00.Z"},
	{"fraction without seconds", "2007-08-05T13:15.5"},
	{"basic fraction without seconds", "20070805T1315.5"},
	{"comma decimal sign", "2007-08-05T13:15:00,5"},
	{"week date", "2007-W31-7"},
	{"basic week date", "2007W317"},
	{"ordinal date", "2007-217"},
	{"basic ordinal date", "2007217"},
	{"capital Today", "Today"},
	{"upper case TODAY", "TODAY"},
	{"today without unit", "today-1"},
	{"today plus decoded as space", "today 1d"},
	{"today without sign", "today1d"},
	{"today without count", "today-d"},
	{"today capital unit", "today-1D"},
	{"today two signs", "today+-1d"},
	{"today twice", "todaytoday"},
	{"today week unit", "today-1w"},
	{"today count then digits", "today-1d2"},
	{"today trailing space", "today "},
	{"today prefix", "tod"},
	{"offset plus decoded as space", "2007-08-05T13:15 05:30"},
	{"signed year", "+2007-08-05"},
	{"negative year", "-2007-08-05"},
	{"five digit year", "12007-08-05"},
	{"three digit year", "207-08-05"},
	{"one digit month and day", "2007-8-5"},
	{"basic nine digits", "200708051"},
	{"basic seven digits", "2007085"},
	{"separator without time", "2007-08-05T"},
	{"hour only", "2007-08-05T13"},
	{"basic hour only", "20070805T13"},
	{"one digit second", "2007-08-05T13:15:0"},
	{"basic odd time digits", "20070805T13150"},
	{"one digit offset", "2007-08-05T13:15+5"},
	{"one digit offset minute", "2007-08-05T13:15+05:3"},
	{"offset colon without minutes", "2007-08-05T13:15+05:"},
	{"basic three digit offset", "20070805T1315+080"},
	{"offset with seconds", "2007-08-05T13:15:00-08:00:00"},
	{"Z then offset", "2007-08-05T13:15Z+01"},
	{"ZZ", "2007-08-05T13:15:00Zz"},
	{"two separators", "2007-08-05  13:15"},
	{"separator T and space", "2007-08-05T 13:15"},
	{"other separator", "2007-08-05_13:15"},
	{"two fractions", "2007-08-05T13:15:00.5.5"},
	{"UTC word", "2007-08-05T13:15UTC"},
	{"slash date", "2007/08/05"},
	{"full-width digits", "２００７-08-05"},
	{"arabic-indic digits", "٢٠٠٧-08-05"},
	{"invalid UTF-8", "\xff"},
	{"invalid UTF-8 inside", "2007-08-\xff05"},
	{"NUL", "\x00"},
	{"trailing NUL", "2007-08-05\x00"},
	{"relative and date glued", "today2007-08-05"},
}

func TestParseDateRangeRejects(t *testing.T) {
	for _, c := range rejectCases {
		t.Run(c.name, func(t *testing.T) {
			if got, err := ParseDateRange(c.in); err == nil {
				t.Errorf("ParseDateRange(%q) = %v, want an error", c.in, got)
			}
		})
	}
}

func TestParseDateValue(t *testing.T) {
	for _, c := range acceptCases {
		if c.want.To != nil {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseDateValue(c.in)
			if err != nil {
				t.Fatalf("ParseDateValue(%q): %v", c.in, err)
			}
			if d := cmp.Diff(c.want.From, got); d != "" {
				t.Errorf("ParseDateValue(%q) (-want +got):\n%s", c.in, d)
			}
		})
	}
	for _, in := range []string{"2007-08-05,2007-08-07", "today-1d,today", "today,", ""} {
		t.Run("rejects "+strings.ReplaceAll(in, ",", " comma "), func(t *testing.T) {
			if _, err := ParseDateValue(in); err == nil {
				t.Errorf("ParseDateValue(%q) accepted a range", in)
			}
		})
	}
}

func TestDateValueDateTime(t *testing.T) {
	r, err := ParseDateRange("20070805T1315-0800,2007-08-05T13:15-08:00")
	if err != nil {
		t.Fatal(err)
	}
	b, bext, bok := r.From.DateTime()
	e, eext, eok := r.To.DateTime()
	if !bok || !eok || bext || !eext {
		t.Fatalf("ok/extended = %v/%v and %v/%v", bok, bext, eok, eext)
	}
	if b != e {
		t.Errorf("basic and extended views differ: %+v vs %+v", b, e)
	}
	if _, _, ok := rel("-", "1").DateTime(); ok {
		t.Error("relative value has a DateTime")
	}
}

func TestNilStringers(t *testing.T) {
	var (
		r *DateRange
		v *DateValue
		l *Relative
		e *ExtendedDateTime
		b *BasicDateTime
	)
	for _, s := range []string{r.String(), v.String(), l.String(), e.String(), b.String(), (&DateValue{}).String()} {
		if s != "" {
			t.Errorf("nil String() = %q", s)
		}
	}
}
