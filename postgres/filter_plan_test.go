package postgres_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/record"
)

// planFiles are 20,000 files over a year (2010), 100 agents, durations up
// to an hour: enough rows that the planner weighs its indexes as on a
// real table, and 200 rows per agent, more than a page, as bench/'s 1,000
// agents hold at 1,000,000 files (1,000 each), where the planner walked
// the page order for agentID=in=(agent1,agent2,agent3) before each
// agent's rows were walked on their own.
func planFiles() []record.File {
	base := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	fs := make([]record.File, 20_000)
	for i := range fs {
		start := base.Add(time.Duration(i) * (365 * 24 * time.Hour / time.Duration(len(fs))))
		fs[i] = record.File{
			StartDate: start,
			AgentID:   "agent" + strconv.Itoa(i*7919%100),
			Channel:   "8005557780",
			Duration:  i * 104729 % 3600,
			Filename:  fmt.Sprintf("S%s/R%06d.wav", start.Format("20060102"), i),
			QueueID:   "queue" + strconv.Itoa(i%50),
		}
	}
	return fs
}

// indexUsed lists the indexes a plan scans, in the order it prints them.
var indexUsed = regexp.MustCompile(`(?:Index Scan|Index Only Scan) using (\w+)|Bitmap Index Scan on (\w+)`)

// TestFilterPlansUseIndexes reads the plans (EXPLAIN ANALYZE) of the
// common shapes of docs/POSTGRES.md ("Filters"), after VACUUM ANALYZE as
// a load leaves the tables, and says which index each uses: a startDate
// bound with an agent walks the agent's index from the bound; =in= on
// agentID, and an OR of agentID==, walk the same index in page order once
// per agent (walks: the loops of an ordered scan, never a bitmap of every
// row of the agents, nor the page order filtered, which the planner took
// for them before at 1,000,000 files); a duration range inside a day walks
// the day in page order. No plan scans the whole table.
func TestFilterPlansUseIndexes(t *testing.T) {
	s := pgtest.Store(t)
	ctx := context.Background()
	if err := s.Load(ctx, planFiles(), nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Analyze(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2010, 6, 15, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		target, index string
		walks         int // the ordered walks of the index, one per agent, merged; 0: one walk
	}{
		{"/files?filter=startDate=ge=today-1d%3BagentID==agent7", "recq_files_agent_page", 0},
		{"/files?filter=agentID==agent7%3BstartDate=ge=today-1d", "recq_files_agent_page", 0},
		{"/files?filter=agentID=in=(agent1,agent2,agent3)%3Bduration=gt=600", "recq_files_agent_page", 3},
		{"/files?filter=agentID=in=(agent1,agent2,agent3,agent2)", "recq_files_agent_page", 3},
		{"/files?filter=(agentID==agent1,agentID==agent2)%3Bduration=gt=600", "recq_files_agent_page", 2},
		{"/files?filter=startDate=ge=today-30d%3BagentID=in=(agent1,agent2,agent3)&n=11", "recq_files_agent_page", 3},
		{"/files?filter=startDate==2010-06-14%3Bduration=ge=600%3Bduration=lt=1200", "recq_files_page", 0},
		{"/files?d=2010-06-14&filter=duration=gt=600", "recq_files_page", 0},
	} {
		q, err := filter.Parse("GET", c.target)
		if err != nil {
			t.Fatalf("%s: %v", c.target, err)
		}
		res, err := q.Resolve(now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := s.Explain(ctx, q, res)
		if err != nil {
			t.Fatalf("%s: %v", c.target, err)
		}
		m := indexUsed.FindStringSubmatch(plan)
		if m == nil {
			t.Errorf("%s: the plan uses no index:\n%s", c.target, plan)
			continue
		}
		got := m[1] + m[2]
		if got != c.index {
			t.Errorf("%s: the rows are found through %s, want %s:\n%s", c.target, got, c.index, plan)
		}
		if c.walks > 0 {
			walk := regexp.MustCompile(`(?m)^ *->  Index (?:Only )?Scan using ` + c.index + ` .* loops=(\d+)\)$`).FindStringSubmatch(plan)
			if walk == nil || walk[1] != strconv.Itoa(c.walks) || strings.Contains(plan, "Bitmap") {
				t.Errorf("%s: want %d ordered walks of %s, one per agent:\n%s", c.target, c.walks, c.index, plan)
			}
		}
		if regexp.MustCompile(`Seq Scan on recq_files\b`).MatchString(plan) {
			t.Errorf("%s: the plan scans the whole table:\n%s", c.target, plan)
		}
		t.Logf("%s: %s\n%s", c.target, got, plan)
	}
}
