package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/record"
)

// TestInstantsRoundTrip loads files at instants from year 1 to 9999, before
// and after 1970 and 2000 (pgx's and PostgreSQL's epochs), with every
// sub-microsecond part, and reads each back to the nanosecond, with its
// offset.
func TestInstantsRoundTrip(t *testing.T) {
	s := pgtest.Store(t)
	ctx := context.Background()
	var fs []record.File
	for i, text := range []string{"0001-01-01T00:00:00.000000001Z", "0001-01-01T00:00:00.999999999-14:00",
		"1899-12-31T23:59:59.999999999-05:00", "1969-12-31T23:59:59.999999500Z", "1970-01-01T00:00:00.000000999Z",
		"1999-12-31T23:59:59.999999001+05:30", "2000-01-01T00:00:00.000001Z", "9999-12-31T23:59:59.123456789Z"} {
		start, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, record.File{StartDate: start, Duration: 5 * i, Filename: fmt.Sprintf("S/R%d.wav", i)})
	}
	if err := s.Load(ctx, fs, nil, nil); err != nil {
		t.Fatal(err)
	}
	q, _ := filter.Parse("GET", "/files")
	got, err := s.Files(ctx, q, filter.Resolved{Zone: time.UTC})
	if err != nil || len(got) != len(fs) {
		t.Fatalf("%d files, %v", len(got), err)
	}
	for i := range fs {
		_, wantOff := fs[i].StartDate.Zone()
		_, gotOff := got[i].StartDate.Zone()
		if !got[i].StartDate.Equal(fs[i].StartDate) || gotOff != wantOff {
			t.Errorf("%s read back as %s", fs[i].StartDate.Format(time.RFC3339Nano), got[i].StartDate.Format(time.RFC3339Nano))
		}
	}
}
