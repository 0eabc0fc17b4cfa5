package filter_test

import (
	"encoding/json"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/record"
)

// The laws of docs/LANGUAGE.md §8 with filters (§14.5): the canonical form
// is a fixed point, the JSON form round-trips, and a request and its
// canonical form select the same records.
func TestPropertyFilterLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := fuzz.ValidFilterRequest().Draw(t, "request")
		q, err := filter.Parse(r.Method, r.Target)
		if err != nil {
			t.Fatalf("%q refused: %v", r.Target, err)
		}
		c := encode.Canonical(q)
		if c == "" {
			t.Fatalf("%q has no canonical form", r.Target)
		}
		q2, err := filter.Parse(q.Method, c)
		if err != nil {
			t.Fatalf("canonical %q of %q refused: %v", c, r.Target, err)
		}
		if c2 := encode.Canonical(q2); c2 != c {
			t.Fatalf("%q: canonical %q, then %q", r.Target, c, c2)
		}
		b, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		var back filter.Query
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if got := encode.Canonical(&back); got != c {
			t.Fatalf("%s round-trips to %s, want %s", b, got, c)
		}
		now := fuzz.Instant().Draw(t, "now")
		tenant := time.FixedZone("tenant", -5*3600)
		p1, err1 := filter.Compile(q, now, tenant)
		p2, err2 := filter.Compile(q2, now, tenant)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("%q resolves (%v), its canonical form %q (%v)", r.Target, err1, c, err2)
		}
		if err1 != nil {
			return
		}
		for _, f := range rapid.SliceOfN(fuzz.AnyFile(), 0, 8).Draw(t, "files") {
			if p1.File(&f) != p2.File(&f) {
				t.Fatalf("%q and %q differ on %+v", r.Target, c, f)
			}
		}
		for _, tr := range rapid.SliceOfN(fuzz.AnyTranscript(), 0, 4).Draw(t, "transcripts") {
			if p1.Transcript(&tr) != p2.Transcript(&tr) {
				t.Fatalf("%q and %q differ on %+v", r.Target, c, tr)
			}
		}
	})
}

var _ = record.File{}
