package filter

import (
	"time"

	"github.com/recq/recq/daterange"
)

// checkYears refuses a resolved window whose ends, written in loc, fall
// outside the years 0000 to 9999 (docs/LANGUAGE.md §3.6, [L-3]):
// an offset or 24:00 on the first or last day of that span, or the end of
// the day 9999-12-31, would otherwise give an instant that no RFC 3339
// reader takes (-0001-12-31T23:59:00Z, 10000-01-01T00:00:00Z).
func checkYears(l *ErrorList, variable string, w *daterange.Window, loc *time.Location) {
	if w == nil {
		return
	}
	for _, t := range [2]time.Time{w.From, w.To} {
		if y := t.In(loc).Year(); y < 0 || y > 9999 {
			*l = append(*l, &Error{Variable: variable, Pos: -1, Code: CodeBadDatePart,
				Msg:  "resolves to " + t.In(loc).Format(time.RFC3339Nano) + " in " + loc.String() + ", outside the years 0000 to 9999",
				Hint: "the instants a query names, and the ends of its windows, lie from 0000-01-01T00:00:00 to 9999-12-31T23:59:59 in the query's zone"})
			return
		}
	}
}
