package grammar

import (
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// languageRE is an independent statement of the language as a regular
// expression (Go's regexp matches by set semantics, not by participle's
// ordered choice), used as an oracle for acceptance.
var languageRE = func() *regexp.Regexp {
	const (
		frac  = `(?:\.[0-9]{1,9})?`
		ext   = `[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}` + frac + `)?(?:[Zz]|[-+][0-9]{2}(?::[0-9]{2})?)?)?`
		basic = `[0-9]{8}(?:[Tt ][0-9]{4}(?:[0-9]{2}` + frac + `)?(?:[Zz]|[-+][0-9]{2}(?:[0-9]{2})?)?)?`
		rel   = `today(?:[-+][0-9]+d)?`
		value = `(?:` + rel + `|` + ext + `|` + basic + `)`
	)
	return regexp.MustCompile(`^` + value + `(?:,` + value + `)?$`)
}()

// sample is a generated valid string with the tree it must parse to.
type sample struct {
	s    string
	want *DateRange
}

func digits(t *rapid.T, n int, label string) string {
	return rapid.StringOfN(rapid.RuneFrom([]rune("0123456789")), n, n, -1).Draw(t, label)
}

// genDateTime draws the fields of a date-time and writes them itself (not
// with the printer under test) in the extended or basic form.
func genDateTime(t *rapid.T, extended bool) (string, DateTime) {
	dash, colon := "", ""
	if extended {
		dash, colon = "-", ":"
	}
	d := DateTime{Year: digits(t, 4, "year"), Month: digits(t, 2, "month"), Day: digits(t, 2, "day")}
	s := d.Year + dash + d.Month + dash + d.Day
	if !rapid.Bool().Draw(t, "time") {
		return s, d
	}
	d.Sep = rapid.SampledFrom([]string{"T", "t", " "}).Draw(t, "sep")
	d.Hour, d.Minute = digits(t, 2, "hour"), digits(t, 2, "minute")
	s += d.Sep + d.Hour + colon + d.Minute
	if rapid.Bool().Draw(t, "seconds") {
		d.Second = digits(t, 2, "second")
		s += colon + d.Second
		if rapid.Bool().Draw(t, "fraction") {
			d.Fraction = digits(t, rapid.IntRange(1, 9).Draw(t, "fraction digits"), "fraction")
			s += "." + d.Fraction
		}
	}
	switch rapid.IntRange(0, 3).Draw(t, "offset") {
	case 1:
		d.OffsetSign = rapid.SampledFrom([]string{"Z", "z"}).Draw(t, "zulu")
		s += d.OffsetSign
	case 2, 3:
		d.OffsetSign = rapid.SampledFrom([]string{"+", "-"}).Draw(t, "offset sign")
		d.OffsetHour = digits(t, 2, "offset hour")
		s += d.OffsetSign + d.OffsetHour
		if rapid.Bool().Draw(t, "offset minutes") {
			d.OffsetMinute = digits(t, 2, "offset minute")
			s += colon + d.OffsetMinute
		}
	}
	return s, d
}

func genValue(t *rapid.T) (string, *DateValue) {
	switch rapid.IntRange(0, 2).Draw(t, "kind") {
	case 0:
		if !rapid.Bool().Draw(t, "signed") {
			return "today", rel("", "")
		}
		sign := rapid.SampledFrom([]string{"+", "-"}).Draw(t, "sign")
		n := digits(t, rapid.IntRange(1, 12).Draw(t, "count digits"), "count")
		return "today" + sign + n + "d", rel(sign, n)
	case 1:
		s, d := genDateTime(t, true)
		return s, ext(d)
	default:
		s, d := genDateTime(t, false)
		return s, basic(d)
	}
}

var validRanges = rapid.Custom(func(t *rapid.T) sample {
	s, from := genValue(t)
	if !rapid.Bool().Draw(t, "range") {
		return sample{s, one(from)}
	}
	s2, to := genValue(t)
	return sample{s + "," + s2, two(from, to)}
})

func TestGeneratedStringsParseAndRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := validRanges.Draw(t, "sample")
		got, err := ParseDateRange(c.s)
		if err != nil {
			t.Fatalf("ParseDateRange(%q): %v", c.s, err)
		}
		if d := cmp.Diff(c.want, got); d != "" {
			t.Fatalf("ParseDateRange(%q) (-want +got):\n%s", c.s, d)
		}
		if got.String() != c.s {
			t.Fatalf("String() = %q, want %q", got.String(), c.s)
		}
		again, err := ParseDateRange(got.String())
		if err != nil {
			t.Fatalf("reparse %q: %v", got.String(), err)
		}
		if d := cmp.Diff(got, again); d != "" {
			t.Fatalf("reparse differs:\n%s", d)
		}
		if !languageRE.MatchString(c.s) {
			t.Fatalf("oracle rejects generated %q", c.s)
		}
		if n := tokenCount(t, c.s); n > 71 {
			t.Fatalf("%q has %d tokens, more than the longest string", c.s, n)
		}
	})
}

// nearMiss draws strings close to the language: valid strings with a few
// edits, and strings glued from the language's own pieces.
var nearMiss = rapid.Custom(func(t *rapid.T) string {
	pieces := []string{"0", "1", "9", "00", "0000", "-", "+", ":", ".", ",", "T", "t", "Z", "z", " ",
		"d", "today", "D", "W", "\x00", "\xff", "é", "１"}
	if rapid.IntRange(0, 3).Draw(t, "how") == 0 {
		var b strings.Builder
		for range rapid.IntRange(0, 40).Draw(t, "pieces") {
			b.WriteString(rapid.SampledFrom(pieces).Draw(t, "piece"))
		}
		return b.String()
	}
	s := validRanges.Draw(t, "base").s
	for range rapid.IntRange(1, 3).Draw(t, "edits") {
		i := rapid.IntRange(0, len(s)).Draw(t, "at")
		switch rapid.IntRange(0, 3).Draw(t, "edit") {
		case 0: // insert
			s = s[:i] + rapid.SampledFrom(pieces).Draw(t, "insert") + s[i:]
		case 1: // delete
			if i < len(s) {
				s = s[:i] + s[i+1:]
			}
		case 2: // replace
			if i < len(s) {
				s = s[:i] + rapid.SampledFrom(pieces).Draw(t, "replace") + s[i+1:]
			}
		case 3: // duplicate a span
			j := rapid.IntRange(i, len(s)).Draw(t, "to")
			s = s[:j] + s[i:j] + s[j:]
		}
	}
	return s
})

// checkAgainstOracle is the acceptance property shared by the rapid and fuzz
// tests: the grammar accepts exactly what the oracle accepts, an accepted
// string prints back unchanged, and ParseDateValue agrees on single values.
func checkAgainstOracle(t tb, s string) {
	t.Helper()
	got, err := ParseDateRange(s)
	if want := languageRE.MatchString(s); want != (err == nil) {
		t.Fatalf("ParseDateRange(%q): err = %v, oracle accepts = %v", s, err, want)
	}
	if err != nil {
		return
	}
	if got.String() != s {
		t.Fatalf("String() = %q, want %q", got.String(), s)
	}
	v, verr := ParseDateValue(s)
	if (verr == nil) != (got.To == nil) {
		t.Fatalf("ParseDateValue(%q): err = %v, but range has To = %v", s, verr, got.To)
	}
	if verr == nil {
		if d := cmp.Diff(got.From, v); d != "" {
			t.Fatalf("ParseDateValue(%q) differs from the range's From:\n%s", s, d)
		}
	}
}

func TestAcceptsExactlyTheOracleLanguage(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkAgainstOracle(t, nearMiss.Draw(t, "s"))
	})
}

// With unbounded lookahead participle may backtrack anywhere; it must accept
// the same strings with the same trees, so lookahead = 4 loses nothing.
func TestLookaheadIsEnough(t *testing.T) {
	unbounded := participle.MustBuild[DateRange](participle.Lexer(dateLexer), participle.UseLookahead(participle.MaxLookahead))
	rapid.Check(t, func(t *rapid.T) {
		s := nearMiss.Draw(t, "s")
		if rapid.Bool().Draw(t, "valid") {
			s = validRanges.Draw(t, "valid").s
		}
		got, err := ParseDateRange(s)
		want, werr := unbounded.ParseString("", s)
		if (err == nil) != (werr == nil) {
			t.Fatalf("%q: lookahead %d err = %v, unbounded err = %v", s, lookahead, err, werr)
		}
		if err == nil {
			if d := cmp.Diff(want, got); d != "" {
				t.Fatalf("%q: trees differ:\n%s", s, d)
			}
		}
	})
}

// And lookahead 3 is not enough: basic values would be lost.
func TestLookaheadThreeLosesBasicForm(t *testing.T) {
	short := participle.MustBuild[DateRange](participle.Lexer(dateLexer), participle.UseLookahead(3))
	if _, err := short.ParseString("", "20070805"); err == nil {
		t.Skip("participle backtracks further than its lookahead; lookahead no longer matters")
	}
	if _, err := ParseDateRange("20070805"); err != nil {
		t.Fatal(err)
	}
}

// Every single-character edit of every accepted example: the grammar and the
// oracle must agree on each one.
func TestSingleEditsAgreeWithOracle(t *testing.T) {
	const alphabet = "05-+:.,TtZzdD W\x00"
	seen := map[string]bool{}
	for _, c := range acceptCases {
		s := c.in
		var edits []string
		for i := 0; i <= len(s); i++ {
			if i < len(s) {
				edits = append(edits, s[:i]+s[i+1:])
			}
			for _, r := range alphabet {
				edits = append(edits, s[:i]+string(r)+s[i:])
				if i < len(s) {
					edits = append(edits, s[:i]+string(r)+s[i+1:])
				}
			}
		}
		for _, e := range edits {
			if !seen[e] {
				seen[e] = true
				checkAgainstOracle(t, e)
			}
		}
	}
	t.Logf("%d distinct edits checked", len(seen))
}
