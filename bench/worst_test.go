package bench

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/filter"
)

// worstShapes build requests of n bytes that make filter.Parse work hardest
// per byte (issue: hardening, finding 1): names that are no variable, a
// variable given again and again, names a few edits from a variable (each
// one a did-you-mean search), long values, values that all need decoding,
// commas, and zone names that are no zone.
var worstShapes = []struct {
	name string
	make func(n int) string
}{
	{"unknown-names", func(n int) string { return fill("/files?", "a=&", n) }},
	{"near-names", func(n int) string { return fill("/files?", "agentId=&", n) }},
	{"long-unknown-names", func(n int) string { return fill("/files?", strings.Repeat("agentI", 10)+"=&", n) }},
	{"repeated-names", func(n int) string { return fill("/files?agentID=x&", "agentID=x&", n) }},
	{"repeated-d", func(n int) string { return fill("/files?d=today&", "d=today&", n) }},
	{"long-value", func(n int) string { return fill("/files?agentID=", "x", n) }},
	{"encoded-value", func(n int) string { return fill("/files?agentID=", "%41", n) }},
	{"commas", func(n int) string { return fill("/files?d=", ",", n) }},
	{"bad-zones", func(n int) string { return fill("/files?tz=Amercia/Nwe_Yrok&", "tz=Amercia/Nwe_Yrok&", n) }},
	{"long-zone", func(n int) string { return fill("/files?tz=", "Europe/", n) }},
}

// validOfLength is the valid request of n bytes that worst-case requests
// are compared with: one field with a long plain value.
func validOfLength(n int) string { return fill("/files?agentID=", "x", n) }

// fill repeats unit after head up to n bytes, whole units only.
func fill(head, unit string, n int) string {
	return head + strings.Repeat(unit, max(0, (n-len(head))/len(unit)))
}

var worstSizes = []int{1024, 2048, 4096, 8192}

// BenchmarkParseWorst times filter.Parse on each worst-case shape at each
// size, with its allocations.
func BenchmarkParseWorst(b *testing.B) {
	for _, s := range worstShapes {
		for _, n := range worstSizes {
			target := s.make(n)
			b.Run(fmt.Sprintf("%s/%d", s.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					_, err := filter.Parse("GET", target)
					sinkErr = err
				}
			})
		}
	}
	for _, n := range worstSizes {
		valid := validOfLength(n)
		if _, err := filter.Parse("GET", valid); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("valid/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, err := filter.Parse("GET", valid)
				sinkErr = err
			}
		})
	}
}

// BenchmarkParseWorstRatio compares each worst-case shape with a valid
// request of the same length, side by side: each iteration times a block of
// each of four requests (the shape and the valid one, at 1 KiB and 8 KiB)
// in turn, and the metrics are medians over iterations, which hold on a
// busy machine where absolute times do not:
//
//	ratio-1k, ratio-8k  the shape's time over the valid request's, at 1 and 8 KiB
//	slope-ratio         the shape's cost per added byte over the valid request's
//	fixed-us            what the shape costs beyond slope-ratio × the valid request, at 1 KiB
func BenchmarkParseWorstRatio(b *testing.B) {
	const block = 8
	run := func(t string) float64 {
		t0 := time.Now()
		for range block {
			_, err := filter.Parse("GET", t)
			sinkErr = err
		}
		return float64(time.Since(t0)) / block
	}
	median := func(x []float64) float64 {
		slices.Sort(x)
		return x[len(x)/2]
	}
	for _, s := range worstShapes {
		w1, w8 := s.make(1024), s.make(8192)
		v1, v8 := validOfLength(len(w1)), validOfLength(len(w8))
		b.Run(s.name, func(b *testing.B) {
			var r1, r8, tw1, tw8, tv1, tv8 []float64
			for i := 0; b.Loop(); i++ {
				var a, c, d, e float64
				if i%2 == 0 {
					a, c, d, e = run(w1), run(v1), run(w8), run(v8)
				} else {
					e, d, c, a = run(v8), run(w8), run(v1), run(w1)
				}
				r1, r8 = append(r1, a/c), append(r8, d/e)
				tw1, tv1, tw8, tv8 = append(tw1, a), append(tv1, c), append(tw8, d), append(tv8, e)
			}
			mw1, mv1, mw8, mv8 := median(tw1), median(tv1), median(tw8), median(tv8)
			slope := (mw8 - mw1) / (mv8 - mv1)
			b.ReportMetric(median(r1), "ratio-1k")
			b.ReportMetric(median(r8), "ratio-8k")
			b.ReportMetric(slope, "slope-ratio")
			b.ReportMetric((mw1-slope*mv1)/1000, "fixed-us")
		})
	}
}

var sinkErr error
