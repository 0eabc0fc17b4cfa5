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
