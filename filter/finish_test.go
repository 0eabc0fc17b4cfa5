package filter_test

import (
	"testing"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// TestFinishDateHugeDuration: a record whose duration passes what
// time.Duration holds (built by a program; the readers refuse it) never
// matches a finish-date before its start (issue 14, finding 8).
func TestFinishDateHugeDuration(t *testing.T) {
	now := time.Date(2007, 12, 21, 12, 0, 0, 0, time.UTC)
	q, err := filter.Parse("GET", "/files?d=2007-12-19&finish-date=2007-12-19T18:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	p, err := filter.Compile(q, now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	f := record.File{StartDate: time.Date(2007, 12, 19, 19, 0, 0, 0, time.UTC), Duration: 36028797018960368} // times 1e9 ns wraps to -1 h
	if p.File(&f) {
		t.Errorf("a record of %d s matches a finish-date an hour before it starts", f.Duration)
	}
}
