package filter_test

import (
	"testing"

	"github.com/recq/recq/filter"
)

// An escaped '+' in an unquoted filter value is a space once decoded
// (a\+b reads a\ b, the value "a b"): it is plus-as-space like every '+'
// outside quotes (docs/LANGUAGE.md §14.1), and %2B repairs it.
func TestFilterPlusInEscape(t *testing.T) {
	target := `/files?filter=agentID==a\+b`
	e := faultWith(t, "GET", target, filter.CodePlusAsSpace)
	if e == nil {
		return
	}
	if e.Span.Start != 25 || e.Span.End != 26 || len(e.Suggestions) != 1 || e.Suggestions[0] != "%2B" {
		t.Fatalf("%q: %v (span %v, suggestions %q), want the '+' at 25 and %%2B", target, e, e.Span, e.Suggestions)
	}
	fixed := target[:25] + "%2B" + target[26:]
	q, err := filter.Parse("GET", fixed)
	if err != nil {
		t.Fatalf("%q: %v", fixed, err)
	}
	if v := q.Filter.Values[0].Text(); v != "a+b" {
		t.Errorf("%q reads %q, want a+b", fixed, v)
	}
}
