package expr_test

import (
	"testing"
	"time"

	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

// FuzzCompiledIsReference holds the compiled predicate to the reference
// interpreter on any filter that parses, over records drawn from the
// fuzzer's numbers, in zones with DST changes.
func FuzzCompiledIsReference(f *testing.F) {
	for _, c := range canonicalCases {
		f.Add(c.in, int64(1541300000), 600, "bill", uint8(1))
	}
	f.Add("startDate=in=(2018-11-04,today-1d);finishDate=le=2018-11-04T00:30", int64(1541300000), 0, "b*ll", uint8(2))
	f.Add("transactionCode.name!=Gauffre*,duration=out=(0,27)", int64(1541303000), 27, "a", uint8(3))
	f.Fuzz(func(t *testing.T, text string, unix int64, duration int, agent string, zone uint8) {
		e, err := expr.Parse(text, expr.Files, expr.Options{})
		if err != nil {
			return
		}
		loc, _ := timezone.Load(genZones[int(zone)%len(genZones)])
		now := time.Unix(1541300000, 0)
		start := time.Unix(unix%(400*365*86400), 0).In(loc)
		files := []record.File{
			{StartDate: start, AgentID: agent, Duration: duration & 0xffff},
			{StartDate: start.Add(-90 * time.Minute), AgentID: agent + "x", QueueName: agent, Duration: 27,
				TransactionCodes: []record.TransactionCode{{ListName: agent, Name: "Gauffre 1"}}},
		}
		match := expr.CompileFiles(e, e.Resolve(now, loc))
		for _, r := range files {
			if got, want := match(&r), evalRef(e, 0, &r, now, loc); got != want {
				t.Fatalf("%q over %+v: compiled %v, reference %v", text, r, got, want)
			}
		}
	})
}
