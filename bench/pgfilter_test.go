package bench

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/recq/recq/filter"
)

// pgFilterQueries are the filter shapes of issue 19 over the benchmark
// table, each beside the request with the API's own variables that selects
// the same records where there is one ("" where the API cannot say it:
// it has no =in= and no duration range). The clock is 2007-06-16, so that
// today-1d is 2007-06-15; the table's last record may start a minute
// into 2008, so the API form's window ends with 2008.
var pgFilterQueries = []struct{ name, target, api string }{
	{"startDate-ge+agent", "/files?filter=startDate=ge=today-1d%3BagentID==agent7", "/files?d=today-1d,2008-12-31&agentID=agent7"},
	{"agent-in+duration-gt", "/files?filter=agentID=in=(agent1,agent2,agent3)%3Bduration=gt=600", ""},
	{"day+duration-range", "/files?filter=startDate==2007-06-15%3Bduration=ge=600%3Bduration=lt=1200", ""},
	{"agent-or+duration-gt", "/files?filter=(agentID==agent1,agentID==agent2,agentID==agent3)%3Bduration=gt=600", ""},
}

// pgFilterSamePages are pairs of the filters above that select the same
// records, whose pages the benchmark checks are equal: the =in= and the
// OR of == of the same agents, both walked per agent (docs/POSTGRES.md,
// "Lists of agents: one walk per agent").
var pgFilterSamePages = [][2]string{
	{"/files?filter=agentID=in=(agent1,agent2,agent3)%3Bduration=gt=600", "/files?filter=(agentID==agent1,agentID==agent2,agentID==agent3)%3Bduration=gt=600"},
}

// BenchmarkPostgresFilterPage measures one page of each filter, p50 and
// p99 of the PostgreSQL store over loopback, beside the same records asked
// with API variables, and the in-memory store (bench/README.md, "Filters
// in PostgreSQL").
func BenchmarkPostgresFilterPage(b *testing.B) {
	s, mem := table(b)
	now := time.Date(2007, 6, 16, 12, 0, 0, 0, time.UTC)
	run := func(name, target string) {
		q, err := filter.Parse("GET", target)
		if err != nil {
			b.Fatal(err)
		}
		res, err := q.Resolve(now, time.UTC)
		if err != nil {
			b.Fatal(err)
		}
		if plan, err := s.Explain(context.Background(), q, res); err == nil {
			planOnce(name, target, plan)
		} else {
			b.Fatal(err)
		}
		benchPages(b, name, s, mem, q, res, now)
	}
	page := func(target string) []string {
		q, err := filter.Parse("GET", target)
		if err != nil {
			b.Fatal(err)
		}
		res, err := q.Resolve(now, time.UTC)
		if err != nil {
			b.Fatal(err)
		}
		fs, err := s.Files(context.Background(), q, res)
		if err != nil {
			b.Fatal(err)
		}
		var names []string
		for _, f := range fs {
			names = append(names, f.Filename)
		}
		return names
	}
	for _, c := range pgFilterSamePages {
		if x, y := page(c[0]), page(c[1]); !slices.Equal(x, y) || len(x) == 0 {
			b.Fatalf("%s and %s select the same records, but their pages differ (%d and %d files)", c[0], c[1], len(x), len(y))
		}
	}
	for _, c := range pgFilterQueries {
		run(c.name, c.target)
		if c.api == "" {
			continue
		}
		// The two forms must select the same page, so that the figures
		// compare the same work.
		if f, a := page(c.target), page(c.api); !slices.Equal(f, a) || len(f) == 0 {
			b.Fatalf("%s: the filter's page (%d files) is not the API form's (%d)", c.name, len(f), len(a))
		}
		run(c.name+"/api-variables", c.api)
	}
}

var printedPlans sync.Map

// planOnce prints a query's plan (EXPLAIN ANALYZE) once per process, for
// bench/README.md and docs/POSTGRES.md.
func planOnce(name, target, plan string) {
	if _, seen := printedPlans.LoadOrStore(name, true); seen {
		return
	}
	fmt.Printf("# plan of %s: %s\n", name, target)
	for _, l := range strings.Split(strings.TrimRight(plan, "\n"), "\n") {
		fmt.Printf("#   %s\n", l)
	}
}
