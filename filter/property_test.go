package filter_test

import (
	"encoding/json"
	"errors"
	"testing"

	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
)

// canonical(parse(canonical(q))) = canonical(q), for every request the API accepts.
func TestPropertyCanonicalFixedPoint(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := fuzz.ValidRequest().Draw(t, "request")
		q, err := filter.Parse(r.Method, r.Target)
		if err != nil {
			t.Fatalf("%s %q refused: %v", r.Method, r.Target, err)
		}
		c := encode.Canonical(q)
		q2, err := filter.Parse(q.Method, c)
		if err != nil {
			t.Fatalf("canonical %q of %q refused: %v", c, r.Target, err)
		}
		if c2 := encode.Canonical(q2); c2 != c {
			t.Fatalf("%q: canonical %q, then %q", r.Target, c, c2)
		}
	})
}

// The JSON form round-trips: marshal, unmarshal, and the same canonical query.
func TestPropertyJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := fuzz.ValidRequest().Draw(t, "request")
		q, err := filter.Parse(r.Method, r.Target)
		if err != nil {
			t.Fatalf("%q refused: %v", r.Target, err)
		}
		b, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		var back filter.Query
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if got, want := encode.Canonical(&back), encode.Canonical(q); got != want {
			t.Fatalf("%s round-trips to %s, want %s", b, got, want)
		}
	})
}

// Anything yields either a query or faults that each name a place.
func TestPropertyJunkIsQueryOrPlacedFault(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := fuzz.AnyRequest().Draw(t, "request")
		q, err := filter.Parse(r.Method, r.Target)
		if err == nil {
			if q == nil {
				t.Fatal("nil query and nil error")
			}
			_ = encode.Canonical(q)
			return
		}
		var list filter.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("%q: %T %v is not an ErrorList", r.Target, err, err)
		}
		for _, e := range list {
			if e.Variable == "" || e.Pos < -1 || e.Msg == "" {
				t.Fatalf("%q: fault without a place: %+v", r.Target, e)
			}
		}
	})
}
