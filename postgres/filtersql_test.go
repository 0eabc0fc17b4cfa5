package postgres

import (
	"slices"
	"strconv"
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

// TestKeyWalks shows which filters the page walks one agent at a time
// (docs/POSTGRES.md, "Filters"): a conjunct of the top-level AND that is a
// list of agents, of exact texts shorter than a key, naming two agents or
// more; its keys distinct and sorted; and that the walked list is left out
// of each walk's WHERE (TRUE in its place) while the rest of the filter
// stays.
func TestKeyWalks(t *testing.T) {
	long := strings.Repeat("é", keyRunes)
	for _, c := range []struct {
		target string
		keys   []string // nil: one walk, the statement without walks
		rest   string   // the filter's text in the walks' WHERE
	}{
		{"/files?filter=agentID=in=(c,a,b)", []string{"a", "b", "c"}, "TRUE"},
		{"/files?filter=agentID=in=(a,b,a)%3Bduration=gt=600", []string{"a", "b"}, "(TRUE AND r.duration > $2)"},
		{"/files?filter=duration=gt=600%3BagentID=in=(a,b)", []string{"a", "b"}, "(r.duration > $2 AND TRUE)"},
		{"/files?filter=agentID==a,agentID==b", []string{"a", "b"}, "TRUE"},
		{"/files?filter=(agentID==a,agentID=in=(b,c))%3BstartDate=ge=today-1d", []string{"a", "b", "c"}, "(TRUE AND (r.start_date, r.start_ns) >= ($2, $3))"},
		// The fewest keys of two lists; the other list stays a condition.
		{"/files?filter=agentID=in=(a,b,c)%3BagentID=in=(b,c)", []string{"b", "c"}, "((r.agent_key = ANY($2)) AND TRUE)"},
		{"/transcripts?filter=agentID=in=(a,b)", []string{"a", "b"}, "TRUE"},
		// One walk: one agent (the agent's index answers it as it is),
		// no agent twice, wildcards, a text as long as a key (its key is
		// shared), an OR with other conditions, a list inside an OR, the
		// complement, a field without a key.
		{"/files?filter=agentID=in=(a,a)", nil, ""},
		{"/files?filter=agentID==a", nil, ""},
		{"/files?filter=agentID==a*,agentID==b", nil, ""},
		{"/files?filter=agentID=in=(a," + long + ")", nil, ""},
		{"/files?filter=(agentID==a%3Bduration=gt=1),agentID==b", nil, ""},
		{"/files?filter=agentID=in=(a,b),duration=gt=1", nil, ""},
		{"/files?filter=agentID=out=(a,b)", nil, ""},
		{"/files?filter=queueID=in=(a,b)", nil, ""},
		{"/files?filter=agentID=in=(" + strings.Repeat("a,", maxKeyWalks) + "b)", []string{"a", "b"}, "TRUE"},
	} {
		q, err := filter.Parse("GET", c.target)
		if err != nil {
			t.Fatalf("%s: %v", c.target, err)
		}
		k := files
		if q.Resource == filter.Transcripts {
			k = transcripts
		}
		key, keys, _, ok := k.keyWalks(q)
		if !ok {
			keys = nil
		}
		if !slices.Equal(keys, c.keys) || (ok && key != "agent_key") {
			t.Errorf("%s: walks %s %q, want agent_key %q", c.target, key, keys, c.keys)
			continue
		}
		res, err := q.Resolve(time.Date(2010, 6, 15, 12, 0, 0, 0, time.UTC), time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		st := k.page(q, res, false)
		sql := st.sql.String()
		if !ok {
			if strings.Contains(sql, "unnest") {
				t.Errorf("%s: walks the agents one by one:\n%s", c.target, sql)
			}
			continue
		}
		if !strings.Contains(sql, " FROM unnest($1::text[]) v(key) CROSS JOIN LATERAL (") ||
			!strings.Contains(sql, " AND "+c.rest+" AND r.agent_key = v.key ORDER BY ") {
			t.Errorf("%s: want the walks of $1 with the filter %s:\n%s", c.target, c.rest, sql)
		}
		if !slices.Equal(st.args[0].([]string), c.keys) {
			t.Errorf("%s: walks %q, want %q", c.target, st.args[0], c.keys)
		}
		// Values only as arguments: no quote, one placeholder per argument.
		if n := strings.Count(sql, "$"); n != len(st.args) || strings.ContainsAny(sql, `'"`) {
			t.Errorf("%s: %d placeholders for %d arguments, or a quote:\n%s", c.target, n, len(st.args), sql)
		}
	}
	// More agents than maxKeyWalks: one walk.
	var many []string
	for i := range maxKeyWalks + 1 {
		many = append(many, "a"+strconv.Itoa(i))
	}
	q, err := filter.Parse("GET", "/files?filter=agentID=in=("+strings.Join(many, ",")+")")
	if err != nil {
		t.Fatal(err)
	}
	if _, keys, _, ok := files.keyWalks(q); ok {
		t.Errorf("%d agents: %d walks, want one", len(many), len(keys))
	}
}
