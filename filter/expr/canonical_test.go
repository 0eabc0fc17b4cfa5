package expr_test

import (
	"testing"

	"github.com/recq/recq/filter/expr"
)

// Filters and their canonical forms (docs/LANGUAGE.md §14.5).
var canonicalCases = []struct{ in, want string }{
	{"agentID==bill", "agentID==bill"},
	{"duration=gt=600;(agentID==bill,agentID==ann)", "duration=gt=600;(agentID==bill,agentID==ann)"},
	{"duration>600 and (agentID==bill or agentID==ann)", "duration=gt=600;(agentID==bill,agentID==ann)"},
	{"(a==1,b==2),c==3", ""},
	{"(agentID==a,agentID==b),agentID==c", "agentID==a,agentID==b,agentID==c"},
	{"((agentID==a;agentID==b);agentID==c)", "agentID==a;agentID==b;agentID==c"},
	{"(agentID==a)", "agentID==a"},
	{"duration=ge=007", "duration=ge=7"},
	{"duration==-0", "duration==0"},
	{"agentID=in=bill", "agentID=in=(bill)"},
	{"agentID=out=(a,'b c')", "agentID=out=(a,'b c')"},
	{`agentID=="bill smith"`, "agentID=='bill smith'"},
	{`agentID=='it\'s'`, `agentID=='it\'s'`},
	{`agentID==b\*ll`, `agentID==b\*ll`},
	{`agentID==b*`, `agentID==b*`},
	{`agentID=='b*'`, `agentID==b*`},
	{`agentID==\a`, `agentID==a`},
	{`agentID==a\\b`, `agentID==a\\b`},
	{`agentID==a\,b`, `agentID=='a,b'`},
	{"startDate=ge=2007-08-05t13:15z", "startDate=ge=2007-08-05T13:15Z"},
	{"startDate>=20070805", "startDate=ge=2007-08-05"},
	{"startDate=in=(today,today-1d)", "startDate=in=(today,today-1d)"},
	{"transactionCode.name!=x;queueName==*phone*", "transactionCode.name!=x;queueName==*phone*"},
	{"agentID==a;(agentID==b;agentID==c)", "agentID==a;agentID==b;agentID==c"},
	{"agentID==a,(agentID==b;agentID==c)", "agentID==a,agentID==b;agentID==c"},
	{"(agentID==a,agentID==b);(agentID==c,agentID==d)", "(agentID==a,agentID==b);(agentID==c,agentID==d)"},
}

func TestCanonical(t *testing.T) {
	for _, c := range canonicalCases {
		e, err := expr.Parse(c.in, expr.Files, expr.Options{})
		if c.want == "" {
			if err == nil {
				t.Errorf("Parse(%q) = %q, want a fault", c.in, e.String())
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := e.String(); got != c.want {
			t.Errorf("Parse(%q).String() = %q, want %q", c.in, got, c.want)
		}
		e2, err := expr.Parse(c.want, expr.Files, expr.Options{})
		if err != nil || e2.String() != c.want {
			t.Errorf("canonical %q does not read back: %v", c.want, err)
		}
	}
}
