package expr

import (
	"testing"

	"github.com/recq/recq/record"
)

// The selector tables, written out as data, are record's fields in order
// between the dates and the any-entry selectors.
func TestSelectorsFollowRecord(t *testing.T) {
	for _, c := range []struct {
		sels   []Selector
		fields []string
		any    [2]string
	}{{fileSelectors, record.FileFieldNames, [2]string{SelTCListName, SelTCName}},
		{transcriptSelectors, record.TranscriptFieldNames, [2]string{SelMetaName, SelMetaValue}}} {
		want := []Selector{{SelStartDate, Date, false}, {SelFinishDate, Date, false}}
		for _, f := range c.fields {
			k := Text
			if f == SelDuration {
				k = Integer
			}
			want = append(want, Selector{f, k, false})
		}
		want = append(want, Selector{c.any[0], Text, true}, Selector{c.any[1], Text, true})
		if len(want) != len(c.sels) {
			t.Fatalf("%d selectors, want %d", len(c.sels), len(want))
		}
		for i := range want {
			if want[i] != c.sels[i] {
				t.Errorf("selector %d is %+v, want %+v", i, c.sels[i], want[i])
			}
		}
	}
}

// lookupSelector's table holds each resource's selectors as bits of a
// uint32 by their length: fewer than 32 of them, none 32 bytes long.
func TestSelectorsByLen(t *testing.T) {
	for _, r := range []Resource{Files, Transcripts} {
		sels := Selectors(r)
		if len(sels) >= 32 {
			t.Errorf("%d selectors: the lookup table holds 31", len(sels))
		}
		for i, s := range sels {
			if len(s.Name) >= len(selectorsByLen[0]) {
				t.Errorf("selector %q is too long for the lookup table", s.Name)
			}
			if got := lookupSelector(r, s.Name); got != i {
				t.Errorf("lookupSelector(%v, %q) = %d, want %d", r, s.Name, got, i)
			}
			if got := lookupSelector(r, s.Name[:len(s.Name)-1]+"_"); got != -1 {
				t.Errorf("lookupSelector finds %q", s.Name[:len(s.Name)-1]+"_")
			}
		}
	}
	for _, bad := range []string{"", "x", "startdate", "agentIDx", string(make([]byte, 40))} {
		for _, r := range []Resource{Files, Transcripts, 7} {
			if got := lookupSelector(r, bad); got != -1 {
				t.Errorf("lookupSelector(%v, %q) = %d", r, bad, got)
			}
		}
	}
}
