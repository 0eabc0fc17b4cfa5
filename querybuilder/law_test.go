package querybuilder

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/internal/jsonw"
	"github.com/recq/recq/record"
)

// filterQuery draws a valid query of /files or /transcripts with a filter.
func filterQuery(t *rapid.T) *filter.Query {
	for {
		r := fuzz.ValidFilterRequest().Draw(t, "request")
		q, err := filter.Parse(r.Method, r.Target)
		if err != nil {
			t.Fatalf("%s %q refused: %v", r.Method, r.Target, err)
		}
		if q.Filter != nil {
			return q
		}
	}
}

// answers is what the query of group g selects among records, one bool a
// record, at a fixed clock in UTC.
type records struct {
	files       []record.File
	transcripts []record.Transcript
	now         time.Time
}

func drawRecords(t *rapid.T) records {
	return records{fuzz.Files(12).Draw(t, "files"), fuzz.Transcripts(12).Draw(t, "transcripts"), fuzz.Instant().Draw(t, "now")}
}

func (rs records) answers(t *rapid.T, g *RuleGroup, r filter.Resource) []bool {
	t.Helper()
	q, err := ToQuery(g, r, filter.JSON)
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	p, err := filter.Compile(q, rs.now, time.UTC)
	if err != nil {
		t.Skip("the clock puts a date out of range:", err)
	}
	var out []bool
	if r == filter.Transcripts {
		for i := range rs.transcripts {
			out = append(out, p.Transcript(&rs.transcripts[i]))
		}
		return out
	}
	for i := range rs.files {
		out = append(out, p.File(&rs.files[i]))
	}
	return out
}

func equalAnswers(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// genGroup draws a rule group as a person builds one in react-querybuilder
// over the fields of files: and/or, not on groups and rules, nested
// groups, every operator of each field's kind, with values that the
// records of fuzz.Files often hold, so that answers are seldom all alike.
func genGroup(t *rapid.T, depth int) *RuleGroup {
	return genGroupOver(t, depth, []string{"agentID", "queueName", "phoneNumber", "duration", "startDate", "finishDate"}, false)
}

// genGroupOver draws a group over the given fields. With sqlOnly, it
// draws what react-querybuilder's SQL export reads: no not on a rule, and
// none of recq's own operators (matches, doesNotMatch).
func genGroupOver(t *rapid.T, depth int, fields []string, sqlOnly bool) *RuleGroup {
	g := &RuleGroup{Combinator: rapid.SampledFrom([]string{"and", "or"}).Draw(t, "combinator"), Not: rapid.IntRange(0, 3).Draw(t, "not") == 0}
	n := rapid.IntRange(1, 4).Draw(t, "rules")
	for range n {
		if depth > 0 && rapid.IntRange(0, 3).Draw(t, "nested") == 0 {
			g.Rules = append(g.Rules, Rule{Group: genGroupOver(t, depth-1, fields, sqlOnly)})
			continue
		}
		r := genRule(t, fields)
		for sqlOnly && (r.Operator == opMatches || r.Operator == opDoesNotMatch) {
			r = genRule(t, fields)
		}
		r.Not = r.Not && !sqlOnly
		g.Rules = append(g.Rules, r)
	}
	return g
}

func genRule(t *rapid.T, fields []string) Rule {
	field := rapid.SampledFrom(fields).Draw(t, "field")
	kind := kindOf(field)
	op := rapid.SampledFrom(kindOperators(kind)).Draw(t, "operator").Name
	var pool []string
	switch kind {
	case expr.Integer:
		pool = []string{"0", "30", "60", "90", "120"}
	case expr.Date:
		pool = []string{"today", "today-1d", "today+1d", "today-2d"}
	default:
		pool = []string{"bill", "b", "ll", "ann", "a", "jo", "phone", "QUEUE", "*", "b*l", "Bill", "it's", "a b"}
	}
	val := func() string { return rapid.SampledFrom(pool).Draw(t, "value") }
	var v []byte
	switch {
	case isPair(op):
		v = jsonw.Strings(nil, []string{val(), val()})
	case isList(op):
		v = jsonw.Strings(nil, []string{val(), val()})
	default:
		v = jsonw.String(nil, val())
	}
	return Rule{Field: field, Operator: op, Value: v, Not: rapid.IntRange(0, 3).Draw(t, "ruleNot") == 0}
}

func kindOf(field string) expr.Kind {
	for _, s := range expr.Selectors(expr.Files) {
		if s.Name == field {
			return s.Kind
		}
	}
	return 0
}

// drawFileRecords draws files and a clock on the day of the first.
func drawFileRecords(t *rapid.T) records {
	rs := records{files: fuzz.Files(20).Filter(func(fs []record.File) bool { return len(fs) >= 10 }).Draw(t, "files")}
	rs.now = rs.files[0].StartDate.Add(time.Duration(rapid.IntRange(-30, 30).Draw(t, "hours")) * time.Hour)
	return rs
}

// A built group, its De Morgan form and the group under a not: the first
// two select the same files, the third the others.
func TestPropertyDeMorganBuilt(t *testing.T) {
	var m mixed
	defer m.check(t)
	rapid.Check(t, func(t *rapid.T) {
		g := genGroup(t, 3)
		rs := drawFileRecords(t)
		with := rs.answers(t, g, filter.Files)
		m.add(with)
		dm := DeMorgan(g)
		if hasNot(dm) {
			t.Fatalf("a not is left: %+v", dm)
		}
		if got := rs.answers(t, dm, filter.Files); !equalAnswers(got, with) {
			t.Fatalf("De Morgan form selects %v, the group %v", got, with)
		}
		g.Not = !g.Not
		without := rs.answers(t, g, filter.Files)
		for i := range with {
			if without[i] == with[i] {
				t.Fatalf("record %d: the group and its not both say %v", i, with[i])
			}
		}
	})
}

// A built group reshaped (its rules shuffled, some nested in a group of the
// same combinator) selects the same files.
func TestPropertyShuffleAndNestBuilt(t *testing.T) {
	var m mixed
	defer m.check(t)
	rapid.Check(t, func(t *rapid.T) {
		g := genGroup(t, 3)
		rs := drawFileRecords(t)
		want := rs.answers(t, g, filter.Files)
		m.add(want)
		reshape(t, g)
		if got := rs.answers(t, g, filter.Files); !equalAnswers(got, want) {
			t.Fatalf("reshaped %v, want %v", got, want)
		}
	})
}

// filterOnly is the group of q's filter alone, without the variables,
// which would often select no record and so prove nothing.
func filterOnly(t *rapid.T, q *filter.Query) *RuleGroup {
	g := FromQuery(q)
	g.Rules = []Rule{{Group: filterOf(t, g)}}
	return g
}

// mixed counts the runs whose answers hold both a record selected and one
// not, so that a test can check its law was not proved on nothing.
type mixed struct{ runs, mixed int }

func (m *mixed) add(a []bool) {
	m.runs++
	yes, no := false, false
	for _, x := range a {
		yes, no = yes || x, no || !x
	}
	if yes && no {
		m.mixed++
	}
}

func (m *mixed) check(t *testing.T) {
	if m.mixed*20 < m.runs {
		t.Errorf("only %d of %d runs selected some records and not others: the law is barely tested", m.mixed, m.runs)
	}
}

// filterOf is the nested group FromQuery writes for the filter.
func filterOf(t *rapid.T, g *RuleGroup) *RuleGroup {
	last := g.Rules[len(g.Rules)-1]
	if last.Group == nil || last.Group.ID != FilterID {
		t.Fatalf("no filter group in %+v", g)
	}
	return last.Group
}

// Query → rule group → Query is the identity (canonically) for every valid
// query with a filter.
func TestPropertyFilterRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := filterQuery(t)
		back, err := ToQuery(FromQuery(q), q.Resource, q.Format)
		if err != nil {
			t.Fatalf("%s refused: %v", encode.Canonical(q), err)
		}
		if got, want := encode.Canonical(back), encode.Canonical(q); got != want {
			t.Fatalf("back as %s, want %s", got, want)
		}
	})
}

// negate sets not on some groups and rules of g.
func negate(t *rapid.T, g *RuleGroup) {
	g.Not = rapid.Bool().Draw(t, "groupNot")
	for i := range g.Rules {
		if g.Rules[i].Group != nil {
			negate(t, g.Rules[i].Group)
		} else {
			g.Rules[i].Not = rapid.Bool().Draw(t, "ruleNot")
		}
	}
}

// hasNot reports whether a not is left in g.
func hasNot(g *RuleGroup) bool {
	if g.Not {
		return true
	}
	for _, r := range g.Rules {
		if r.Not || r.Group != nil && hasNot(r.Group) {
			return true
		}
	}
	return false
}

// A group and its not-free De Morgan form select the same records; and a
// not on the filter's group selects, of the records the variables select,
// exactly those the group does not.
func TestPropertyDeMorgan(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := filterQuery(t)
		rs := drawRecords(t)
		g := FromQuery(q)
		if rapid.Bool().Draw(t, "filterOnly") {
			g = filterOnly(t, q)
		}
		negate(t, filterOf(t, g))
		dm := DeMorgan(g)
		if hasNot(dm) {
			t.Fatalf("a not is left: %+v", dm)
		}
		with := rs.answers(t, g, q.Resource)
		if got := rs.answers(t, dm, q.Resource); !equalAnswers(got, with) {
			t.Fatalf("De Morgan form selects %v, the group %v", got, with)
		}
		f := filterOf(t, g)
		f.Not = !f.Not
		without := rs.answers(t, g, q.Resource)
		g.Rules = g.Rules[:len(g.Rules)-1]
		vars := rs.answers(t, g, q.Resource)
		for i := range vars {
			if without[i] != (vars[i] && !with[i]) {
				t.Fatalf("record %d: not selects %v, the variables %v, the group %v", i, without[i], vars[i], with[i])
			}
		}
	})
}

// reshape shuffles the rules of every group under g and nests a run of
// them in a group of the same combinator.
func reshape(t *rapid.T, g *RuleGroup) {
	for i := range g.Rules {
		if g.Rules[i].Group != nil {
			reshape(t, g.Rules[i].Group)
		}
	}
	g.Rules = rapid.Permutation(g.Rules).Draw(t, "order")
	if n := len(g.Rules); n > 2 && rapid.Bool().Draw(t, "nest") {
		k := rapid.IntRange(0, n-2).Draw(t, "from")
		m := rapid.IntRange(k+2, n).Draw(t, "to")
		inner := &RuleGroup{Combinator: g.Combinator, Rules: append([]Rule(nil), g.Rules[k:m]...)}
		g.Rules = append(append(append([]Rule(nil), g.Rules[:k]...), Rule{Group: inner}), g.Rules[m:]...)
	}
}

// Shuffling the rules of an and or an or group, or nesting them in a
// group of the same combinator, gives the same answers.
func TestPropertyShuffleAndNest(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := filterQuery(t)
		rs := drawRecords(t)
		g := filterOnly(t, q)
		negate(t, filterOf(t, g))
		want := rs.answers(t, g, q.Resource)
		reshape(t, filterOf(t, g))
		if got := rs.answers(t, g, q.Resource); !equalAnswers(got, want) {
			t.Fatalf("reshaped %v, want %v", got, want)
		}
	})
}
