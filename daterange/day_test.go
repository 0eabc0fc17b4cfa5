package daterange

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

// TestDayMatchesDateV2 checks the package's day arithmetic against
// rickb777/date/v2, which it replaces: the same days from 1970-01-01, the same
// calendar fields, weekday, ISO week and text, over the years a request can
// name and the relative days it can add.
func TestDayMatchesDateV2(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		y := rapid.IntRange(-300, 10300).Draw(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		d := rapid.IntRange(1, 31).Draw(t, "day") // 31 in a short month rolls over, in both
		n := rapid.IntRange(-200000, 200000).Draw(t, "days")
		ours, theirs := dayOf(y, m, d)+day(n), date.New(y, m, d)+date.Date(n)
		// date/v2 counts from 0001-01-01, day from 1970-01-01.
		if int64(ours-dayOf(1970, 1, 1)) != int64(theirs-date.New(1970, 1, 1)) {
			t.Fatalf("%d-%d-%d%+dd: day %d, date/v2 %d", y, m, d, n, ours, theirs)
		}
		gy, gm, gd := ours.midnight().Date()
		wy, wm, wd := theirs.Date()
		if gy != wy || gm != wm || gd != wd {
			t.Fatalf("day %d: %d-%d-%d, date/v2 %d-%d-%d", ours, gy, gm, gd, wy, wm, wd)
		}
		if ours.midnight().Weekday() != theirs.Weekday() {
			t.Fatalf("day %d: weekday %v, date/v2 %v", ours, ours.midnight().Weekday(), theirs.Weekday())
		}
		gwy, gw := ours.midnight().ISOWeek()
		wwy, ww := theirs.ISOWeek()
		if gwy != wwy || gw != ww {
			t.Fatalf("day %d: ISO week %d-%d, date/v2 %d-%d", ours, gwy, gw, wwy, ww)
		}
		if y >= 0 && y <= 9999 && ours.midnight().Format(dateLayout) != theirs.Format(dateLayout) {
			t.Fatalf("day %d: %s, date/v2 %s", ours, ours.midnight().Format(dateLayout), theirs.Format(dateLayout))
		}
		at := time.Date(y, m, d, rapid.IntRange(0, 23).Draw(t, "hour"), 0, 0, 0, time.FixedZone("", rapid.IntRange(-14, 14).Draw(t, "offset")*3600))
		if int64(dayAt(at)-dayOf(1970, 1, 1)) != int64(date.NewAt(at)-date.New(1970, 1, 1)) {
			t.Fatalf("%v: day %d, date/v2 %d", at, dayAt(at), date.NewAt(at))
		}
	})
}

// dateLayout is time's layout of a calendar date.
const dateLayout = "2006-01-02"
