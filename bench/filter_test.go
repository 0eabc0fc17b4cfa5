package bench

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	exprlang "github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/google/cel-go/cel"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
)

// The filter= benchmarks of issue 18 (bench/README.md has the figures).

// filterRequest is a request with a ten-comparison filter, its ';' written
// %3B as a client that uses net/url writes it; filterRequestRaw has them raw.
const (
	filterRequest    = "/files.csv?d=today-7d,today&tz=America/Denver&filter=duration=gt=600%3B(agentID==bill,agentID==ann)%3BstartDate=ge=today-1d%3BqueueName==*phone*%3Bchannel!=x%3BfinishDate=lt=2026-12-07T12:00Z%3Bduration=le=3600%3BtransactionCode.name=in=(a,b)%3BextVar1=out=(q)&n=51"
	filterRequestRaw = "/files.csv?d=today-7d,today&tz=America/Denver&filter=duration=gt=600;(agentID==bill,agentID==ann);startDate=ge=today-1d;queueName==*phone*;channel!=x;finishDate=lt=2026-12-07T12:00Z;duration=le=3600;transactionCode.name=in=(a,b);extVar1=out=(q)&n=51"
)

// BenchmarkFilterParseRatio times filter.ParseInto + Validate + the
// canonical form of the request against net/url's ParseRequestURI +
// ParseQuery of the same text, in alternating blocks; "ratio" is the
// median of recq's time over net/url's (see BenchmarkQueryRatio).
func BenchmarkFilterParseRatio(b *testing.B) {
	const block = 32
	for _, target := range []struct{ name, text string }{{"encoded", filterRequest}, {"raw-semicolons", filterRequestRaw}} {
		b.Run(target.name, func(b *testing.B) {
			var q filter.Query
			buf := make([]byte, 0, 1024)
			recqBlock := func() time.Duration {
				t0 := time.Now()
				for range block {
					if err := filter.ParseInto(&q, "GET", target.text); err != nil {
						b.Fatal(err)
					}
					buf = encode.AppendCanonical(buf[:0], &q) // validates first
				}
				return time.Since(t0)
			}
			stdBlock := func() time.Duration {
				t0 := time.Now()
				for range block {
					u, err := url.ParseRequestURI(filterRequest)
					if err != nil {
						b.Fatal(err)
					}
					v, err := url.ParseQuery(u.RawQuery)
					if err != nil {
						b.Fatal(err)
					}
					sinkValues = v
				}
				return time.Since(t0)
			}
			ratios, r, s := pairedRatio(b, recqBlock, stdBlock)
			if len(buf) == 0 {
				b.Fatal("no canonical form")
			}
			b.ReportMetric(ratios, "ratio")
			b.ReportMetric(r/block, "recq-ns/op")
			b.ReportMetric(s/block, "net-url-ns/op")
			b.ReportMetric(testing.AllocsPerRun(10, func() {
				_ = filter.ParseInto(&q, "GET", target.text)
				buf = encode.AppendCanonical(buf[:0], &q)
			}), "recq-allocs/op")
		})
	}
}

// pairedRatio runs two blocks in alternating order while b.Loop() runs and
// returns the median ratio of the first's time over the second's, and each
// one's mean time in ns.
func pairedRatio(b *testing.B, x, y func() time.Duration) (ratio, meanX, meanY float64) {
	var ratios []float64
	var tx, ty time.Duration
	for i := 0; b.Loop(); i++ {
		var a, c time.Duration
		if i%2 == 0 {
			a, c = x(), y()
		} else {
			c, a = y(), x()
		}
		tx, ty = tx+a, ty+c
		ratios = append(ratios, float64(a)/float64(c))
	}
	slices.Sort(ratios)
	n := float64(len(ratios))
	return ratios[len(ratios)/2], float64(tx.Nanoseconds()) / n, float64(ty.Nanoseconds()) / n
}

// The predicate benchmark: five comparisons (two dates, a duration, a text
// and a wildcard) over the million files of BenchmarkEval.
const predicateFilter = "startDate=ge=2007-03-01;startDate=lt=2007-03-08;duration=gt=100;agentID==bill;filename==S200703*"

// BenchmarkFilterPredicate reports ns/record of the compiled filter, of a
// hand-written Go closure of the same logic, of expr-lang and of cel-go,
// each compiled once and run over every record.
func BenchmarkFilterPredicate(b *testing.B) {
	files := millionFiles()
	count := func(b *testing.B, match func(*record.File) bool) {
		for b.Loop() {
			n := 0
			for i := range files {
				if match(&files[i]) {
					n++
				}
			}
			sinkCount = n
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/record")
	}
	want := -1
	check := func(b *testing.B, match func(*record.File) bool) {
		n := 0
		for i := range files {
			if match(&files[i]) {
				n++
			}
		}
		if want >= 0 && n != want {
			b.Fatalf("%d matches, the closure has %d", n, want)
		}
	}
	closure := func(f *record.File) bool {
		return !f.StartDate.Before(evalFrom) && f.StartDate.Before(evalTo) && f.Duration > 100 &&
			f.AgentID == "bill" && strings.HasPrefix(f.Filename, "S200703")
	}
	want = 0
	for i := range files {
		if closure(&files[i]) {
			want++
		}
	}
	b.Run("recq", func(b *testing.B) {
		e, err := expr.Parse(predicateFilter, expr.Files, expr.Options{})
		if err != nil {
			b.Fatal(err)
		}
		match := expr.CompileFiles(e, e.Resolve(evalFrom, time.UTC))
		check(b, match)
		count(b, match)
	})
	b.Run("closure", func(b *testing.B) { count(b, closure) })
	b.Run("expr", func(b *testing.B) {
		type env struct {
			F        *record.File
			From, To time.Time
		}
		prog, err := exprlang.Compile(`F.StartDate >= From && F.StartDate < To && F.Duration > 100 && F.AgentID == "bill" && F.Filename startsWith "S200703"`, exprlang.Env(env{}))
		if err != nil {
			b.Fatal(err)
		}
		var machine vm.VM
		e := env{From: evalFrom, To: evalTo}
		match := func(f *record.File) bool {
			e.F = f
			out, err := machine.Run(prog, e)
			if err != nil {
				b.Fatal(err)
			}
			return out.(bool)
		}
		check(b, match)
		count(b, match)
	})
	b.Run("cel", func(b *testing.B) {
		celEnv, err := cel.NewEnv(
			cel.Variable("startDate", cel.TimestampType), cel.Variable("duration", cel.IntType),
			cel.Variable("agentID", cel.StringType), cel.Variable("filename", cel.StringType),
			cel.Variable("from", cel.TimestampType), cel.Variable("to", cel.TimestampType))
		if err != nil {
			b.Fatal(err)
		}
		ast, iss := celEnv.Compile(`startDate >= from && startDate < to && duration > 100 && agentID == "bill" && filename.startsWith("S200703")`)
		if iss.Err() != nil {
			b.Fatal(iss.Err())
		}
		prg, err := celEnv.Program(ast)
		if err != nil {
			b.Fatal(err)
		}
		vars := map[string]any{"from": evalFrom, "to": evalTo}
		match := func(f *record.File) bool {
			vars["startDate"], vars["duration"], vars["agentID"], vars["filename"] = f.StartDate, f.Duration, f.AgentID, f.Filename
			out, _, err := prg.Eval(vars)
			if err != nil {
				b.Fatal(err)
			}
			return out.Value().(bool)
		}
		check(b, match)
		count(b, match)
	})
}

// BenchmarkFilterPredicateRatio runs the compiled filter and the
// hand-written closure of BenchmarkFilterPredicate over the same 100,000
// files in alternating blocks; "ratio" is the median of recq's time over
// the closure's (see BenchmarkQueryRatio), which holds on a busy machine
// where ns/record does not.
func BenchmarkFilterPredicateRatio(b *testing.B) {
	files := millionFiles()[80_000:180_000] // around the week of the filter
	e, err := expr.Parse(predicateFilter, expr.Files, expr.Options{})
	if err != nil {
		b.Fatal(err)
	}
	match := expr.CompileFiles(e, e.Resolve(evalFrom, time.UTC))
	closure := func(f *record.File) bool {
		return !f.StartDate.Before(evalFrom) && f.StartDate.Before(evalTo) && f.Duration > 100 &&
			f.AgentID == "bill" && strings.HasPrefix(f.Filename, "S200703")
	}
	block := func(m func(*record.File) bool) func() time.Duration {
		return func() time.Duration {
			t0 := time.Now()
			n := 0
			for i := range files {
				if m(&files[i]) {
					n++
				}
			}
			sinkCount = n
			return time.Since(t0)
		}
	}
	ratio, r, c := pairedRatio(b, block(match), block(closure))
	b.ReportMetric(ratio, "ratio")
	b.ReportMetric(r/float64(len(files)), "recq-ns/record")
	b.ReportMetric(c/float64(len(files)), "closure-ns/record")
}

// BenchmarkFilterPage answers one page of startDate=ge=today-1d;agentID==bill
// over the million files, and of the d= request it stands beside: the
// filter's startDate bound narrows the scan through the store's time index.
func BenchmarkFilterPage(b *testing.B) {
	store := record.NewStore(millionFiles(), nil)
	now := time.Date(2007, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, target := range []string{
		"/files?filter=startDate=ge=today-1d;agentID==bill",
		"/files?d=today-1d,today&agentID=bill",
		"/files?filter=agentID==bill;duration=gt=250&n=1001",
	} {
		b.Run(strings.TrimPrefix(target, "/files?"), func(b *testing.B) {
			q, err := filter.Parse("GET", target)
			if err != nil {
				b.Fatal(err)
			}
			p, err := filter.Compile(q, now, time.UTC)
			if err != nil {
				b.Fatal(err)
			}
			if len(p.Files(store)) != filter.DefaultPageSize {
				b.Fatal("not a full page")
			}
			for b.Loop() {
				sinkCount = len(p.Files(store))
			}
		})
	}
}

// worstFilters build filters of n bytes that make the filter parser work
// hardest per byte: deep nesting at the bound, misspelt selectors (each a
// did-you-mean search, bounded), many faults, an unclosed quote, escapes,
// long lists, dates, and wildcards.
var worstFilters = []struct {
	name string
	make func(n int) string
}{
	{"nesting", func(n int) string {
		unit := strings.Repeat("(", 32) + "agentID==a" + strings.Repeat(")", 32) + ";"
		return fillFilter(unit, n)
	}},
	{"near-selectors", func(n int) string { return fillFilter("agentId==a;", n) }},
	{"unknown-selectors", func(n int) string { return fillFilter("x==a;", n) }},
	{"operator-type", func(n int) string { return fillFilter("agentID=gt=a;", n) }},
	{"bad-values", func(n int) string { return fillFilter("duration==10m;", n) }},
	{"unclosed-quote", func(n int) string { return "/files?filter=agentID=='" + strings.Repeat("x", max(0, n-25)) }},
	{"escapes", func(n int) string { return "/files?filter=agentID==" + strings.Repeat(`\*`, max(0, n-23)/2) }},
	{"long-list", func(n int) string {
		return "/files?filter=agentID=in=(" + strings.Repeat("a,", max(0, n-28)/2) + "a)"
	}},
	{"dates", func(n int) string { return fillFilter("startDate=ge=2007-08-05T13:15:00.250-08:00;", n) }},
	{"wildcards", func(n int) string { return fillFilter("agentID==*a*b*;", n) }},
}

// fillFilter repeats unit, a comparison and its ';', into a filter of a
// request of about n bytes.
func fillFilter(unit string, n int) string {
	s := "/files?filter=" + strings.Repeat(unit, max(1, (n-14)/len(unit)))
	return strings.TrimSuffix(s, ";")
}

// validFilter is the valid request of n bytes that the worst filters are
// compared with: comparisons of a text field.
func validFilter(n int) string { return fillFilter("agentID==bill;", n) }

// BenchmarkFilterWorstRatio compares each worst filter with a valid one of
// the same length, per byte, at 8 KiB, in alternating blocks; "ratio" is
// the median of the worst's time over the valid one's.
func BenchmarkFilterWorstRatio(b *testing.B) {
	const block = 8
	run := func(t string) func() time.Duration {
		return func() time.Duration {
			t0 := time.Now()
			for range block {
				_, err := filter.Parse("GET", t)
				sinkErr = err
			}
			return time.Since(t0)
		}
	}
	for _, w := range worstFilters {
		worst := w.make(8000)
		valid := validFilter(len(worst))
		if _, err := filter.Parse("GET", valid); err != nil {
			b.Fatal(err)
		}
		b.Run(w.name, func(b *testing.B) {
			ratio, tw, tv := pairedRatio(b, run(worst), run(valid))
			b.ReportMetric(ratio, "ratio")
			b.ReportMetric(tw/block/float64(len(worst)), "worst-ns/byte")
			b.ReportMetric(tv/block/float64(len(valid)), "valid-ns/byte")
			b.ReportMetric(float64(len(worst)), "bytes")
		})
	}
}

var _ = fmt.Sprint
