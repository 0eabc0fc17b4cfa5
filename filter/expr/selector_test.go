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

// lookupSelector finds every selector of each resource, and nothing else;
// each name has a slot of its own, so a lookup compares one name.
func TestSelectorSlots(t *testing.T) {
	for _, r := range []Resource{Files, Transcripts} {
		sels := Selectors(r)
		if len(sels) > len(selectorSlots[0])/2 {
			t.Errorf("%d selectors: the table of %d slots is more than half full", len(sels), len(selectorSlots[0]))
		}
		seen := map[int]string{}
		for i, s := range sels {
			if got := lookupSelector(r, s.Name); got != i {
				t.Errorf("lookupSelector(%v, %q) = %d, want %d", r, s.Name, got, i)
			}
			if got := lookupSelector(r, s.Name[:len(s.Name)-1]+"_"); got != -1 {
				t.Errorf("lookupSelector finds %q", s.Name[:len(s.Name)-1]+"_")
			}
			if other, ok := seen[selectorHash(s.Name)]; ok {
				t.Errorf("%v: %q and %q hash alike: a lookup compares two names", r, s.Name, other)
			}
			seen[selectorHash(s.Name)] = s.Name
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
