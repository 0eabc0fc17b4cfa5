package timezone

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func loadErr(t *testing.T, name string) *Error {
	t.Helper()
	_, err := Load(name)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Load(%q) error = %v, want *Error", name, err)
	}
	return e
}

func TestSuggestions(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // exact suggestions
		hint string
	}{
		{"case-insensitive match", "america/new_york", []string{"America/New_York"},
			"time zone names are case-sensitive: write America/New_York"},
		{"upper case", "AMERICA/NEW_YORK", []string{"America/New_York"},
			"time zone names are case-sensitive: write America/New_York"},
		{"utc", "utc", []string{"UTC"}, "time zone names are case-sensitive: write UTC"},
		{"backward link case", "us/eastern", []string{"US/Eastern"}, "time zone names are case-sensitive: write US/Eastern"},
		{"transposition", "Amercia/New_York", []string{"America/New_York"}, "did you mean America/New_York?"},
		{"last segment", "New_York", []string{"America/New_York"}, "did you mean America/New_York?"},
		{"last segment lower", "new_york", []string{"America/New_York"}, "did you mean America/New_York?"},
		{"city typo", "Sidney", []string{"Australia/Sydney"}, "did you mean Australia/Sydney?"},
		{"space for underscore", "America/New York", []string{"America/New_York"}, "did you mean America/New_York?"},
		{"several", "Eastern", []string{"Canada/Eastern", "US/Eastern", "Pacific/Easter"},
			"did you mean Canada/Eastern, US/Eastern or Pacific/Easter?"},
		{"garbage", "garbage", nil, ""},
		{"empty", "", nil, ""},
		{"Local", "Local", nil, ""},
		{"plus decoded to space", "Etc/GMT 5", []string{"Etc/GMT+5"},
			`a "+" in a URL query decodes to a space (write %2B): write Etc/GMT+5`},
		{"offset east", "+05:00", []string{"Etc/GMT-5"},
			"time zones are IANA names, not UTC offsets: for UTC+05:00 write Etc/GMT-5 (the sign of Etc/GMT zones is inverted)"},
		{"offset west", "-08:00", []string{"Etc/GMT+8"},
			"time zones are IANA names, not UTC offsets: for UTC-08:00 write Etc/GMT+8 (the sign of Etc/GMT zones is inverted)"},
		{"offset basic", "-0800", []string{"Etc/GMT+8"},
			"time zones are IANA names, not UTC offsets: for UTC-08:00 write Etc/GMT+8 (the sign of Etc/GMT zones is inverted)"},
		{"GMT+5", "GMT+5", []string{"Etc/GMT-5"},
			"time zones are IANA names, not UTC offsets: for UTC+05:00 write Etc/GMT-5 (the sign of Etc/GMT zones is inverted)"},
		{"UTC-3", "UTC-3", []string{"Etc/GMT+3"},
			"time zones are IANA names, not UTC offsets: for UTC-03:00 write Etc/GMT+3 (the sign of Etc/GMT zones is inverted)"},
		{"utc+14", "utc+14", []string{"Etc/GMT-14"},
			"time zones are IANA names, not UTC offsets: for UTC+14:00 write Etc/GMT-14 (the sign of Etc/GMT zones is inverted)"},
		{"zero offset", "+00:00", []string{"UTC"}, "time zones are IANA names, not UTC offsets: for UTC+00:00 write UTC"},
		{"Z", "Z", []string{"UTC"}, "time zones are IANA names, not UTC offsets: for UTC+00:00 write UTC"},
		{"half hour", "+05:30", nil,
			"time zones are IANA names, not UTC offsets: no IANA zone has the fixed offset UTC+05:30; give the offset with the time instead"},
		{"beyond Etc", "-13:00", nil,
			"time zones are IANA names, not UTC offsets: no IANA zone has the fixed offset UTC-13:00; give the offset with the time instead"},
		{"plus decoded to space in offset", " 05:30", nil,
			`time zones are IANA names, not UTC offsets: no IANA zone has the fixed offset UTC+05:30; give the offset with the time instead (a "+" in a URL query decodes to a space: write %2B)`},
		{"GMT space 5", "GMT 5", []string{"Etc/GMT-5"},
			`time zones are IANA names, not UTC offsets: for UTC+05:00 write Etc/GMT-5 (the sign of Etc/GMT zones is inverted) (a "+" in a URL query decodes to a space: write %2B)`},
		{"hour 24 is not an offset", "+24:00", nil, ""},
		{"long input no edit distance", strings.Repeat("a", 65), nil, ""},
		{"long case-insensitive", strings.Repeat("x", 300), nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := loadErr(t, tc.in)
			if diff := cmp.Diff(tc.want, e.Suggestions); diff != "" {
				t.Errorf("Suggestions (-want +got):\n%s", diff)
			}
			if got := e.Hint(); got != tc.hint {
				t.Errorf("Hint() = %q\n want %q", got, tc.hint)
			}
			for _, s := range e.Suggestions {
				if _, err := Load(s); err != nil {
					t.Errorf("suggestion %q does not load: %v", s, err)
				}
			}
		})
	}
}

func TestSuggestionsInclude(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Amercia/New_York", "America/New_York"},
		{"America/NewYork", "America/New_York"},
		{"Europe/Pairs", "Europe/Paris"},
		{"Paris", "Europe/Paris"},
		{"Tokio", "Asia/Tokyo"},
		{"Asia/Calcuta", "Asia/Calcutta"},
		{"Europe/London ", "Europe/London"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			e := loadErr(t, tc.in)
			if !slices.Contains(e.Suggestions, tc.want) {
				t.Errorf("Suggestions = %q, want to include %q", e.Suggestions, tc.want)
			}
			if len(e.Suggestions) > maxSuggestions {
				t.Errorf("%d suggestions", len(e.Suggestions))
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"case", loadErr(t, "america/new_york"),
			`unknown time zone "america/new_york"; time zone names are case-sensitive: write America/New_York`},
		{"did you mean", loadErr(t, "Amercia/New_York"),
			`unknown time zone "Amercia/New_York"; did you mean America/New_York?`},
		{"no hint", loadErr(t, "garbage"), `unknown time zone "garbage"`},
		{"empty", loadErr(t, ""), `unknown time zone ""`},
		{"control bytes quoted", loadErr(t, "a\x00\n\xff"), `unknown time zone "a\x00\n\xff"`},
		{"long name shortened", loadErr(t, strings.Repeat("x", 1<<20)),
			`unknown time zone "` + strings.Repeat("x", 64) + `..."`},
		{"hand-built", &Error{Name: "X", Msg: "bad zone", Suggestions: []string{"A", "B"}},
			`bad zone "X"; did you mean A or B?`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("Error() = %q\n want %q", got, tc.want)
			}
		})
	}
}

func TestShorten(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{strings.Repeat("a", 64), strings.Repeat("a", 64)},
		{strings.Repeat("a", 65), strings.Repeat("a", 64) + "..."},
		// "é" is 2 bytes: a cut at 64 would split it, so back off to 63.
		{strings.Repeat("a", 63) + "éé", strings.Repeat("a", 63) + "..."},
		{strings.Repeat("\xff", 70), strings.Repeat("\xff", 64) + "..."},
	}
	for _, tc := range tests {
		if got := shorten(tc.in); got != tc.want {
			t.Errorf("shorten(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseOffset(t *testing.T) {
	tests := []struct {
		in     string
		secs   int
		spaced bool
		ok     bool
	}{
		{"+05:30", 19800, false, true},
		{"-08:00", -28800, false, true},
		{"+0530", 19800, false, true},
		{"+530", 19800, false, true},
		{"+5", 18000, false, true},
		{"-5:30", -19800, false, true},
		{"GMT+5", 18000, false, true},
		{"gmt-05", -18000, false, true},
		{"UTC+23:59", 86340, false, true},
		{" 05:30", 19800, true, true},
		{"UTC 1", 3600, true, true},
		{"Z", 0, false, true},
		{"+24", 0, false, false},
		{"+05:60", 0, false, false},
		{"+05:3", 0, false, false},
		{"+", 0, false, false},
		{"UTC", 0, false, false},
		{"UTC+", 0, false, false},
		{"05:30", 0, false, false},
		{"+12345", 0, false, false},
		{"+0x5", 0, false, false},
		{"+05:30:00", 0, false, false},
		{"EST5EDT", 0, false, false},
		{"+" + strings.Repeat("0", 20), 0, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			o, ok := parseOffset(tc.in)
			if ok != tc.ok || ok && (o.secs != tc.secs || o.spaced != tc.spaced) {
				t.Errorf("parseOffset = %+v, %v; want secs %d spaced %v ok %v", o, ok, tc.secs, tc.spaced, tc.ok)
			}
		})
	}
}
