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
// size, with its allocations, and reports beside them "ratio": the median
// over iterations of its time over a valid request of the same length,
// measured in alternating blocks (see BenchmarkQueryRatio).
func BenchmarkParseWorst(b *testing.B) {
	for _, s := range worstShapes {
		for _, n := range worstSizes {
			target := s.make(n)
			valid := validOfLength(len(target))
			if _, err := filter.Parse("GET", valid); err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%d", s.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					_, err := filter.Parse("GET", target)
					sinkErr = err
				}
			})
			b.Run(fmt.Sprintf("%s/%d/ratio", s.name, n), func(b *testing.B) {
				const block = 8
				var ratios []float64
				run := func(t string) time.Duration {
					t0 := time.Now()
					for range block {
						_, err := filter.Parse("GET", t)
						sinkErr = err
					}
					return time.Since(t0)
				}
				for i := 0; b.Loop(); i++ {
					var w, v time.Duration
					if i%2 == 0 {
						w, v = run(target), run(valid)
					} else {
						v, w = run(valid), run(target)
					}
					ratios = append(ratios, float64(w)/float64(v))
				}
				slices.Sort(ratios)
				b.ReportMetric(ratios[len(ratios)/2], "ratio")
			})
		}
	}
	for _, n := range worstSizes {
		valid := validOfLength(n)
		b.Run(fmt.Sprintf("valid/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, err := filter.Parse("GET", valid)
				sinkErr = err
			}
		})
	}
}

var sinkErr error
