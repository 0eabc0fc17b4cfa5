package bench

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/google/cel-go/cel"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// The evaluation benchmark: 1,000,000 generated files, one a minute from
// 2007-01-01, and the predicate agentID=bill, a d= window of one week and
// metaData_fieldName=olo, compiled once by each engine.
const evalRequest = "/files?d=2007-03-01,2007-03-08&agentID=bill&metaData_fieldName=olo"

var (
	evalFrom = time.Date(2007, 3, 1, 0, 0, 0, 0, time.UTC)
	evalTo   = time.Date(2007, 3, 8, 0, 0, 0, 0, time.UTC)
)

var millionFiles = sync.OnceValue(func() []record.File {
	agents := []string{"bill", "jo", "ann", "li"}
	names := []string{"Color", "Fruit", "Pholo", "Number of alphabets"}
	start := time.Date(2007, 1, 1, 0, 0, 0, 0, time.UTC)
	files := make([]record.File, 1_000_000)
	for i := range files {
		files[i] = record.File{
			StartDate: start.Add(time.Duration(i) * time.Minute),
			AgentID:   agents[i%len(agents)],
			Duration:  i % 300,
			Filename:  fmt.Sprintf("S%s/R%d.wav", start.Add(time.Duration(i)*time.Minute).Format("20060102"), i),
			MetaData:  []record.MetaData{{FieldName: names[i%len(names)], FieldValue: "x"}},
		}
	}
	return files
})

var sinkCount int

// BenchmarkEval reports the cost of the predicate per record, over every
// record: the store's date index is measured by BenchmarkStoreWindow.
func BenchmarkEval(b *testing.B) {
	files := millionFiles()
	b.Run("recq", func(b *testing.B) {
		q, err := filter.Parse("GET", evalRequest)
		if err != nil {
			b.Fatal(err)
		}
		p, err := filter.Compile(q, evalFrom, time.UTC)
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for b.Loop() {
			n := 0
			for i := range files {
				if p.File(&files[i]) {
					n++
				}
			}
			sinkCount = n
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/record")
	})
	b.Run("native", func(b *testing.B) {
		for b.Loop() {
			n := 0
			for i := range files {
				f := &files[i]
				if f.StartDate.Before(evalFrom) || !f.StartDate.Before(evalTo) || f.AgentID != "bill" {
					continue
				}
				for _, m := range f.MetaData {
					if strings.Contains(m.FieldName, "olo") {
						n++
						break
					}
				}
			}
			sinkCount = n
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/record")
	})
	b.Run("expr", func(b *testing.B) {
		type env struct {
			F        *record.File
			From, To time.Time
		}
		prog, err := expr.Compile(`F.StartDate >= From && F.StartDate < To && F.AgentID == "bill" && any(F.MetaData, {.FieldName contains "olo"})`, expr.Env(env{}))
		if err != nil {
			b.Fatal(err)
		}
		var machine vm.VM
		e := env{From: evalFrom, To: evalTo}
		for b.Loop() {
			n := 0
			for i := range files {
				e.F = &files[i]
				out, err := machine.Run(prog, e)
				if err != nil {
					b.Fatal(err)
				}
				if out.(bool) {
					n++
				}
			}
			sinkCount = n
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/record")
	})
	b.Run("cel", func(b *testing.B) {
		celEnv, err := cel.NewEnv(
			cel.Variable("startDate", cel.TimestampType),
			cel.Variable("agentID", cel.StringType),
			cel.Variable("metaNames", cel.ListType(cel.StringType)),
			cel.Variable("from", cel.TimestampType),
			cel.Variable("to", cel.TimestampType),
		)
		if err != nil {
			b.Fatal(err)
		}
		ast, iss := celEnv.Compile(`startDate >= from && startDate < to && agentID == "bill" && metaNames.exists(n, n.contains("olo"))`)
		if iss.Err() != nil {
			b.Fatal(iss.Err())
		}
		prg, err := celEnv.Program(ast)
		if err != nil {
			b.Fatal(err)
		}
		vars := map[string]any{"from": evalFrom, "to": evalTo}
		names := make([]string, 0, 4)
		for b.Loop() {
			n := 0
			for i := range files {
				f := &files[i]
				names = names[:0]
				for _, m := range f.MetaData {
					names = append(names, m.FieldName)
				}
				vars["startDate"], vars["agentID"], vars["metaNames"] = f.StartDate, f.AgentID, names
				out, _, err := prg.Eval(vars)
				if err != nil {
					b.Fatal(err)
				}
				if out.Value().(bool) {
					n++
				}
			}
			sinkCount = n
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/record")
	})
}

// BenchmarkStoreWindow answers a one-day d= over the million records: the
// index finds the day by binary search, then the predicate runs on it alone.
func BenchmarkStoreWindow(b *testing.B) {
	s := record.NewStore(millionFiles(), nil)
	q, err := filter.Parse("GET", "/files?d=2007-06-15&agentID=bill")
	if err != nil {
		b.Fatal(err)
	}
	p, err := filter.Compile(q, evalFrom, time.UTC)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		sinkCount = len(p.Files(s))
	}
}

// BenchmarkStoreDelete deletes files one by one from the million records,
// the work of a DELETE under the store's exclusive lock: one index lookup,
// not a scan and a move of the records after it.
func BenchmarkStoreDelete(b *testing.B) {
	files := millionFiles()
	s := record.NewStore(files, nil)
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if !s.DeleteFile(files[i%len(files)].Filename) && i < len(files) {
			b.Fatal("not found")
		}
		i++
	}
}
