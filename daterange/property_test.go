package daterange

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/fuzz"
)

// instant draws a clock reading between 1900 and 2100.
func instant(t *rapid.T) time.Time {
	return time.Unix(rapid.Int64Range(-2208988800, 4102444800).Draw(t, "now"), 0).UTC()
}

// parse(format(v)) == v, and format(parse(s)) is a fixed point.
func TestPropertyCanonicalRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := fuzz.DateRange().Draw(t, "d")
		r, err := ParseRange(s)
		if err != nil {
			return // reversed ends; the parser's refusals are tested elsewhere
		}
		c := r.String()
		again, err := ParseRange(c)
		if err != nil {
			t.Fatalf("ParseRange(%q) = %v, of canonical form of %q", c, err, s)
		}
		if again != r {
			t.Fatalf("parse(format(%q)) = %#v, want %#v", s, again, r)
		}
		if again.String() != c {
			t.Fatalf("format is not idempotent: %q then %q", c, again.String())
		}
	})
}

func TestPropertyGeneratedValuesParse(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := fuzz.DateValue().Draw(t, "v")
		if _, err := ParseValue(s); err != nil {
			t.Fatalf("ParseValue(%q): %v", s, err)
		}
	})
}

// A resolved range never ends before it starts, and a single value's
// interval begins at its Start.
func TestPropertyResolveOrdered(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r, err := ParseRange(fuzz.DateRange().Draw(t, "d"))
		if err != nil {
			return
		}
		now, loc := instant(t), mustZone(t, fuzz.Zone().Draw(t, "zone"))
		w, err := r.Resolve(now, loc)
		if err != nil {
			if _, ok := r.To(); !ok {
				t.Fatalf("single value %v failed to resolve: %v", r, err)
			}
			return
		}
		if w.To.Before(w.From) {
			t.Fatalf("%v in %v resolves to %v, which ends before it starts", r, loc, w)
		}
		if _, ok := r.To(); ok && !w.To.After(w.From) {
			t.Fatalf("range %v resolves to the empty %v", r, w)
		}
		if !w.From.Equal(r.From().Start(now, loc)) {
			t.Fatalf("%v: window starts at %v, Start gives %v", r, w.From, r.From().Start(now, loc))
		}
	})
}

// today's interval holds the clock reading it was resolved at.
func TestPropertyTodayHoldsNow(t *testing.T) {
	today, _ := Today(0)
	rapid.Check(t, func(t *rapid.T) {
		now, loc := instant(t), mustZone(t, fuzz.Zone().Draw(t, "zone"))
		w := today.Interval(now, loc)
		if now.Before(w.From) || !now.Before(w.To) {
			t.Fatalf("today at %v in %v is %v, which does not hold now", now, loc, w)
		}
	})
}

// Nothing depends on the host's zone: the same query resolves to the same
// instants whatever time.Local is.
func TestPropertyHostZoneIndependent(t *testing.T) {
	saved := time.Local
	defer func() { time.Local = saved }()
	rapid.Check(t, func(t *rapid.T) {
		r, err := ParseRange(fuzz.DateRange().Draw(t, "d"))
		if err != nil {
			return
		}
		now, loc := instant(t), mustZone(t, fuzz.Zone().Draw(t, "zone"))
		time.Local = time.UTC
		w1, err1 := r.Resolve(now, loc)
		time.Local = mustZone(t, fuzz.Zone().Draw(t, "host"))
		w2, err2 := r.Resolve(now, loc)
		if (err1 == nil) != (err2 == nil) || !w1.From.Equal(w2.From) || !w1.To.Equal(w2.To) {
			t.Fatalf("%v depends on the host zone: %v, %v vs %v, %v", r, w1, err1, w2, err2)
		}
	})
}

func TestPropertyDaysFromCivil(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		y, m, d := rapid.IntRange(0, 9999).Draw(t, "y"), rapid.IntRange(1, 12).Draw(t, "m"), rapid.IntRange(1, 28).Draw(t, "d")
		want := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400
		if got := daysFromCivil(y, m, d); got != want {
			t.Fatalf("daysFromCivil(%d, %d, %d) = %d, want %d", y, m, d, got, want)
		}
	})
}
