package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
)

// TestPlansUseKeys holds the plans docs/POSTGRES.md shows for the page
// order and agentID to the indexes on the keys of long texts ("Long
// texts"): an ordinary value still walks the page index, a deep offset
// skipped index-only, with no sort but the page's 50 rows; and a long
// agentID uses the agents' index too, checked whole on the rows of its key.
func TestPlansUseKeys(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	long := strings.Repeat("é", 300)
	var fs []record.File
	var ts []record.Transcript
	for i := range 5000 {
		agent := fmt.Sprintf("agent%d", i%50)
		if i%1000 == 0 {
			agent = long + fmt.Sprint(i)
		}
		f := file(fmt.Sprintf("S20071220/R%05d.wav", i), agent)
		if i%1000 == 1 {
			f.Filename = long + f.Filename
		}
		f.StartDate = day.Add(time.Duration(i) * time.Minute)
		fs = append(fs, f)
		ts = append(ts, record.Transcript{StartDate: f.StartDate, InteractionGUID: fmt.Sprintf("int-%05d", i)})
	}
	ts[1].InteractionGUID = long + "1"
	if err := s.Load(ctx, fs, ts, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Analyze(ctx); err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]string{
		"/files?n=4000":                                    "Index Only Scan using recq_files_page on recq_files",
		"/files?agentID=agent7":                            "Index Only Scan using recq_files_agent_page on recq_files",
		"/files?agentID=" + long + "1000":                  " on recq_files_agent_page",
		"/files?filename=S20071220/R00007.wav":             " using recq_files_filename on recq_files",
		"/files?filename=" + long + "S20071220/R01001.wav": "using recq_files_filename_long on",
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
	// One record's lookups (DELETE of a file, one transcript) use the
	// index of their key's length.
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, c := range []struct{ sql, arg, want string }{
		{postgres.DeleteFileSQL("S20071220/R00007.wav"), "S20071220/R00007.wav", " using recq_files_filename on recq_files"},
		{postgres.DeleteFileSQL(fs[1].Filename), fs[1].Filename, "using recq_files_filename_long on"},
		{postgres.TranscriptSQL("int-00007"), "int-00007", " using recq_transcripts_guid on recq_transcripts"},
		{postgres.TranscriptSQL(long + "1"), long + "1", "using recq_transcripts_guid_long on"},
	} {
		rows, err := conn.Query(ctx, "EXPLAIN "+c.sql, c.arg)
		if err != nil {
			t.Fatal(err)
		}
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		if plan := strings.Join(lines, "\n"); !strings.Contains(plan, c.want) {
			t.Errorf("%.60s…: no %q in the plan\n%s", c.sql, c.want, plan)
		}
	}
}
