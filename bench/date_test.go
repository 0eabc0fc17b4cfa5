package bench

import (
	"testing"
	"time"

	"github.com/relvacode/iso8601"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/timezone"
)

// The date-times every parser takes: RFC 3339 strings, which are also
// extended ISO 8601 date-times.
var dateTimes = []struct{ name, in string }{
	{"Z", "2007-08-05T13:15:00Z"},
	{"offset", "2008-02-14T10:12:13-08:00"},
	{"fraction", "2007-08-05T13:15:00.250+05:30"},
}

var sinkTime time.Time
var sinkValue daterange.Value
var sinkRange daterange.Range

func BenchmarkDateValue(b *testing.B) {
	for _, in := range dateTimes {
		b.Run("recq/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := daterange.ParseValue(in.in)
				if err != nil {
					b.Fatal(err)
				}
				sinkValue = v
			}
		})
		b.Run("time.Parse/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				t, err := time.Parse(time.RFC3339, in.in)
				if err != nil {
					b.Fatal(err)
				}
				sinkTime = t
			}
		})
		b.Run("iso8601/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				t, err := iso8601.ParseString(in.in)
				if err != nil {
					b.Fatal(err)
				}
				sinkTime = t
			}
		})
	}
}

func BenchmarkDateRange(b *testing.B) {
	for _, in := range []struct{ name, in string }{
		{"times", "2007-08-05 13:15Z,2007-08-07 14:30Z"},
		{"relative", "today-1d,today"},
	} {
		b.Run("recq/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := daterange.ParseRange(in.in)
				if err != nil {
					b.Fatal(err)
				}
				sinkRange = r
			}
		})
	}
}

// BenchmarkDateRangeResolve adds the resolution to instants in a zone with
// DST to the parse, as a server answering a query does.
func BenchmarkDateRangeResolve(b *testing.B) {
	loc, err := timezone.Load("America/Denver")
	if err != nil {
		b.Skip(err)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, in := range []struct{ name, in string }{
		{"times", "2007-08-05 13:15Z,2007-08-07 14:30Z"},
		{"relative", "today-1d,today"},
	} {
		b.Run("recq/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := daterange.ParseRange(in.in)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.Resolve(now, loc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDateValueRatio measures BenchmarkDateValue's pairs side by side,
// as BenchmarkQueryRatio does: each loop iteration times a block of
// daterange.ParseValue and a block of time.Parse(time.RFC3339) on the same
// text, alternating which goes first, and "ratio" is the median of recq's
// time over time.Parse's. Run it with -benchtime 2000x or more.
func BenchmarkDateValueRatio(b *testing.B) {
	const block = 256
	for _, in := range dateTimes {
		b.Run(in.name, func(b *testing.B) {
			recqBlock := func() time.Duration {
				t0 := time.Now()
				for range block {
					v, err := daterange.ParseValue(in.in)
					if err != nil {
						b.Fatal(err)
					}
					sinkValue = v
				}
				return time.Since(t0)
			}
			stdBlock := func() time.Duration {
				t0 := time.Now()
				for range block {
					t, err := time.Parse(time.RFC3339, in.in)
					if err != nil {
						b.Fatal(err)
					}
					sinkTime = t
				}
				return time.Since(t0)
			}
			ratio, r, s := pairedRatio(b, recqBlock, stdBlock)
			b.ReportMetric(ratio, "ratio")
			b.ReportMetric(r/block, "recq-ns/op")
			b.ReportMetric(s/block, "time-ns/op")
		})
	}
}
