package filter_test

import (
	"errors"
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
	if v := q.Filter.TextOf(&q.Filter.Values[0]); v != "a+b" {
		t.Errorf("%q reads %q, want a+b", fixed, v)
	}
}

// A value that starts with a '+' (a phone number in E.164) arrives as a
// space before the value: one fault, plus-as-space at the '+' with %2B, not
// an empty value first.
func TestFilterPlusStartsValue(t *testing.T) {
	target := "/files?filter=phoneNumber==+4155551234"
	_, err := filter.Parse("GET", target)
	var list filter.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].Code != filter.CodePlusAsSpace || list[0].Span.Start != 27 ||
		len(list[0].Suggestions) != 1 || list[0].Suggestions[0] != "%2B" {
		t.Fatalf("%q: %v, want one plus-as-space at 27 suggesting %%2B", target, err)
	}
	fixed := "/files?filter=phoneNumber==%2B4155551234"
	if q, err := filter.Parse("GET", fixed); err != nil || q.Filter.TextOf(&q.Filter.Values[0]) != "+4155551234" {
		t.Fatalf("%q: %v", fixed, err)
	}
}
