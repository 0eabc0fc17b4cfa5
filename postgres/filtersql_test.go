package postgres

import (
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
)

// TestEverySelectorIsStored checks that each selector of each resource
// has a column or an entries' table, so that no filter meets a selector
// the compiler cannot translate.
func TestEverySelectorIsStored(t *testing.T) {
	for _, c := range []struct {
		r expr.Resource
		k *kind
	}{{expr.Files, files}, {expr.Transcripts, transcripts}} {
		for _, sel := range expr.Selectors(c.r) {
			switch {
			case sel.Kind != expr.Text:
			case sel.Any:
				if _, ok := anyEntries[sel.Name]; !ok {
					t.Errorf("%s: no entries' table for %s", c.r, sel.Name)
				}
			default:
				if _, ok := c.k.columns[sel.Name]; !ok {
					t.Errorf("%s: no column for %s", c.r, sel.Name)
				}
			}
		}
	}
}

func TestLikePattern(t *testing.T) {
	for _, c := range []struct {
		pieces []string
		want   string
	}{
		{[]string{"b", ""}, "b%"},
		{[]string{"", "ll"}, "%ll"},
		{[]string{"", "a", ""}, "%a%"},
		{[]string{"", ""}, "%"},
		{[]string{"50%", "a_b", `c\`}, `50\%%a\_b%c\\`},
		{[]string{"x*y", ""}, "x*y%"}, // a literal * is no wildcard of LIKE
	} {
		if got := likePattern(c.pieces); got != c.want {
			t.Errorf("likePattern(%q) = %q, want %q", c.pieces, got, c.want)
		}
	}
}

// TestFilterSQL shows the SQL of each operator on each kind of selector,
// as docs/POSTGRES.md lists it, and the arguments it takes.
func TestFilterSQL(t *testing.T) {
	now := time.Date(2010, 6, 15, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct{ target, want string }{
		{"/files?filter=agentID==bill", "(r.agent_key = $1)"},
		{"/files?filter=agentID!=bill", "r.agent_id <> $1"},
		{"/files?filter=agentID==b*", "r.agent_id LIKE $1"},
		{"/files?filter=agentID!=*a%25*", "r.agent_id NOT LIKE $1"},
		{"/files?filter=agentID=in=(a,b,c)", "(r.agent_key = ANY($1))"},
		{"/files?filter=agentID=out=(a,b)", "r.agent_id <> ALL($1)"},
		{"/files?filter=duration=gt=600", "r.duration > $1"},
		{"/files?filter=duration=le=600", "r.duration <= $1"},
		{"/files?filter=duration=out=(0,5)", "r.duration <> ALL($1)"},
		{"/files?filter=startDate==2010-06-14", "((r.start_date, r.start_ns) >= ($1, $2) AND (r.start_date, r.start_ns) < ($3, $4))"},
		{"/files?filter=startDate!=2010-06-14", "((r.start_date, r.start_ns) < ($1, $2) OR (r.start_date, r.start_ns) >= ($3, $4))"},
		{"/files?filter=startDate=gt=today-1d", "(r.start_date, r.start_ns) >= ($1, $2)"},
		{"/files?filter=finishDate=le=today", "(r.finish_date, r.finish_ns) < ($1, $2)"},
		{"/files?filter=transactionCode.name==Sale", "EXISTS (SELECT 1 FROM recq_file_codes m WHERE m.file_id = r.id AND m.name = $1)"},
		{"/files?filter=transactionCode.name!=Sale", "NOT EXISTS (SELECT 1 FROM recq_file_codes m WHERE m.file_id = r.id AND m.name = $1)"},
		{"/transcripts?filter=metaData.fieldValue=out=(x,y)", "NOT EXISTS (SELECT 1 FROM recq_transcript_meta m WHERE m.transcript_id = r.id AND m.field_value = ANY($1))"},
		{"/files?filter=agentID==bill,(duration=gt=1;queueID==q)", "((r.agent_key = $1) OR (r.duration > $2 AND r.queue_id = $3))"},
	} {
		q, err := filter.Parse("GET", c.target)
		if err != nil {
			t.Fatalf("%s: %v", c.target, err)
		}
		res, err := q.Resolve(now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		s := &statement{}
		k := files
		if q.Resource == filter.Transcripts {
			k = transcripts
		}
		if err := k.filterWhere(s, q.Filter, res.Filter); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimPrefix(s.sql.String(), " AND "); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.target, got, c.want)
		}
	}
}

// TestFilterWindows checks the instants each date operator compares with
// (docs/LANGUAGE.md §14.3): =gt=X from the end of X, =le=X before it.
func TestFilterWindows(t *testing.T) {
	now := time.Date(2010, 6, 15, 12, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2010, 6, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		f    string
		want []time.Time
	}{
		{"startDate=gt=2010-06-14", []time.Time{day(15)}},
		{"startDate=ge=2010-06-14", []time.Time{day(14)}},
		{"startDate=lt=2010-06-14", []time.Time{day(14)}},
		{"startDate=le=2010-06-14", []time.Time{day(15)}},
		{"startDate=in=(2010-06-14,2010-06-16)", []time.Time{day(14), day(15), day(16), day(17)}},
	} {
		q, err := filter.Parse("GET", "/files?filter="+c.f)
		if err != nil {
			t.Fatal(err)
		}
		res, _ := q.Resolve(now, time.UTC)
		s := &statement{}
		if err := files.filterWhere(s, q.Filter, res.Filter); err != nil {
			t.Fatal(err)
		}
		var got []time.Time
		for _, a := range s.args {
			if ts, ok := a.(time.Time); ok {
				got = append(got, ts)
			}
		}
		if len(got) != len(c.want) {
			t.Fatalf("%s: instants %v, want %v", c.f, got, c.want)
		}
		for i := range got {
			if !got[i].Equal(c.want[i]) {
				t.Errorf("%s: instant %d is %v, want %v", c.f, i, got[i], c.want[i])
			}
		}
	}
}

// TestFilterMismatchRefused: a filter read for the other resource, or
// with windows that are not its own, is an error, never a statement.
func TestFilterMismatchRefused(t *testing.T) {
	e, err := expr.Parse("agentName==x", expr.Transcripts, expr.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := files.filterWhere(&statement{}, e, make([]daterange.Window, len(e.Values))); err == nil {
		t.Error("a transcripts filter on the files table gave no error")
	}
	if err := transcripts.filterWhere(&statement{}, e, nil); err == nil {
		t.Error("a filter without its windows gave no error")
	}
}
