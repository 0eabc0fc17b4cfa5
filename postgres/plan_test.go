package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/record"
)

// TestPlansUseKeys holds the plans docs/POSTGRES.md shows for the page
// order and agentID to the indexes on the keys of long texts ("Long
// texts"): an ordinary value still walks the page index, a deep offset
// skipped index-only, with no sort but the page's 50 rows; and a long
// agentID uses the agents' index too, checked whole on the rows of its key.
func TestPlansUseKeys(t *testing.T) {
	s := pgtest.Store(t)
	ctx := context.Background()
	long := strings.Repeat("é", 300)
	var fs []record.File
	for i := range 5000 {
		agent := fmt.Sprintf("agent%d", i%50)
		if i%1000 == 0 {
			agent = long + fmt.Sprint(i)
		}
		f := file(fmt.Sprintf("S20071220/R%05d.wav", i), agent)
		f.StartDate = day.Add(time.Duration(i) * time.Minute)
		fs = append(fs, f)
	}
	if err := s.Load(ctx, fs, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Analyze(ctx); err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]string{
		"/files?n=4000":                   "Index Only Scan using recq_files_page on recq_files",
		"/files?agentID=agent7":           "Index Only Scan using recq_files_agent_page on recq_files",
		"/files?agentID=" + long + "1000": " on recq_files_agent_page",
	} {
		q, err := filter.Parse("GET", target)
		if err != nil {
			t.Fatal(err)
		}
		res, err := q.Resolve(now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := s.Explain(ctx, q, res)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(plan, want) {
			t.Errorf("%.40s: no %q in the plan\n%s", target, want, plan)
		}
		if strings.HasPrefix(want, "Index Only") && strings.Count(plan, "Sort Key:") > 1 {
			t.Errorf("%.40s: a sort beyond the page's 50 rows\n%s", target, plan)
		}
	}
}
