package filter_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/recq/recq/filter"
)

// A request of many faults reports MaxErrors of them and counts the rest,
// and what it allocates does not grow with its length (issue: hardening,
// finding 1: 2,700 unknown names once took 716 MB).
func TestFaultsAreBounded(t *testing.T) {
	for _, unit := range []string{"a=&", "agentId=&", "agentID=x&", "d=today&", "tz=Amercia/Nwe_Yrok&", strings.Repeat("agentI", 10) + "=&"} {
		t.Run(unit, func(t *testing.T) {
			allocs := func(n int) float64 {
				target := "/files?" + strings.Repeat(unit, n)
				return testing.AllocsPerRun(5, func() { _, _ = filter.Parse("GET", target) })
			}
			short, long := allocs(20), allocs(8000/len(unit))
			if long > short+2 || long > 80 { // +2: a count of 3 digits or more is a string of its own
				t.Errorf("%d allocations for 20 units, %d for 8 KB", int(short), int(long))
			}
			target := "/files?" + strings.Repeat(unit, 8000/len(unit))
			_, err := filter.Parse("GET", target)
			var list filter.ErrorList
			if !errors.As(err, &list) {
				t.Fatal(err)
			}
			last := list[len(list)-1]
			if len(list) != filter.MaxErrors+1 || last.Code != filter.CodeTooManyFaults || last.Span.End != len(target) {
				t.Fatalf("%d faults, the last %v", len(list), last)
			}
			if !strings.Contains(last.Msg, "variables were not read") {
				t.Errorf("the last fault does not count the rest: %v", last)
			}
		})
	}
}
