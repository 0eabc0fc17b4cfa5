package querybuilder

import (
	"encoding/json"
	"testing"

	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
)

// validListQuery draws a valid query of /files or /transcripts.
func validListQuery(t *rapid.T) *filter.Query {
	for {
		r := fuzz.ValidRequest().Draw(t, "request")
		q, err := filter.Parse(r.Method, r.Target)
		if err != nil {
			t.Fatalf("%s %q refused: %v", r.Method, r.Target, err)
		}
		if q.Resource == filter.Files || q.Resource == filter.Transcripts {
			return q
		}
	}
}

// Query → rule group → Query is the identity, for every valid query; the
// group survives its JSON form (what the UI stores and sends back).
func TestPropertyRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := validListQuery(t)
		b, err := json.Marshal(FromQuery(q))
		if err != nil {
			t.Fatal(err)
		}
		var g RuleGroup
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		back, err := ToQuery(&g, q.Resource, q.Format)
		if err != nil {
			t.Fatalf("%s: %s refused: %v", encode.Canonical(q), b, err)
		}
		// Warnings are about the text a query was read from (a finish-date
		// that was dropped), not part of the query: the group never holds one.
		q.Warnings = nil
		want, _ := json.Marshal(q)
		got, _ := json.Marshal(back)
		if string(got) != string(want) {
			t.Fatalf("%s\nback as %s\nwant    %s", b, got, want)
		}
	})
}

// For any rule group the API can express, the canonical form is the same
// from either side: the group's query, and the request written from the
// group's rules by hand.
func TestPropertyCanonicalEitherSide(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := validListQuery(t)
		g := FromQuery(q)
		// Shuffle the rules and nest some in groups: the API's variables
		// have no order and and-groups are flat.
		rules := rapid.Permutation(g.Rules).Draw(t, "order")
		if len(rules) > 1 && rapid.Bool().Draw(t, "nest") {
			k := rapid.IntRange(1, len(rules)-1).Draw(t, "split")
			rules = append(rules[:k:k], Rule{Group: &RuleGroup{Combinator: "and", Rules: rules[k:]}})
		}
		g.Rules = rules
		fromGroup, err := ToQuery(g, q.Resource, q.Format)
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		if got, want := encode.Canonical(fromGroup), encode.Canonical(q); got != want {
			t.Fatalf("canonical %s from the group, %s from the query", got, want)
		}
	})
}
