package expr_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
)

// genNow is a clock near the generated days, so that today-Nd meets them.
func genNow(t *rapid.T) time.Time {
	day := rapid.SampledFrom(genDays).Draw(t, "today")
	now, _ := time.Parse("2006-01-02", day)
	return now.Add(time.Duration(rapid.IntRange(0, 47).Draw(t, "hour")) * time.Hour)
}

// The compiled predicate selects what the reference interpreter selects.
func TestCompiledIsReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		loc, now := genZone(t), genNow(t)
		e := mustParse(t, genFilter(t, 3))
		match := expr.CompileFiles(e, e.Resolve(now, loc))
		for _, f := range genFiles(t, loc) {
			if got, want := match(&f), evalRef(e, 0, &f, now, loc); got != want {
				t.Fatalf("%s over %+v: compiled %v, reference %v", e, f, got, want)
			}
		}
	})
}

// The same law for ANDs of several startDate and duration spans, which the
// program merges into one test of each (mergeSpans): negated spans, other
// comparisons and nested groups among them.
func TestMergedSpansAreReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		loc, now := genZone(t), genNow(t)
		kinds := rapid.IntRange(0, 2).Draw(t, "kinds") // dates, durations, or both
		span := func() string {
			if kinds == 0 || kinds == 2 && rapid.Bool().Draw(t, "date") {
				o := rapid.SampledFrom([]string{"==", "!=", "=lt=", "=le=", "=gt=", "=ge=", "<", ">="}).Draw(t, "dop")
				return "startDate" + o + genDateValue(t)
			}
			o := rapid.SampledFrom([]string{"==", "!=", "=lt=", "=le=", "=gt=", "=ge="}).Draw(t, "iop")
			return "duration" + o + strconv.Itoa(rapid.IntRange(-1, 13).Draw(t, "d")*50)
		}
		parts := make([]string, rapid.IntRange(2, 6).Draw(t, "parts"))
		for i := range parts {
			switch rapid.IntRange(0, 7).Draw(t, "kind") {
			case 0:
				parts[i] = "(" + genFilter(t, 2) + ")"
			default:
				parts[i] = span()
			}
		}
		text := strings.Join(parts, ";")
		if rapid.Bool().Draw(t, "nested") {
			text = genComparison(t) + ",(" + text + ")"
		}
		e := mustParse(t, text)
		match := expr.CompileFiles(e, e.Resolve(now, loc))
		for _, f := range genFiles(t, loc) {
			if got, want := match(&f), evalRef(e, 0, &f, now, loc); got != want {
				t.Fatalf("%s over %+v: compiled %v, reference %v", e, f, got, want)
			}
		}
	})
}

// canonical(parse(canonical(q))) = canonical(q), and both select the same records.
func TestCanonicalLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		loc, now := genZone(t), genNow(t)
		e := mustParse(t, genFilter(t, 3))
		c := e.String()
		e2 := mustParse(t, c)
		if c2 := e2.String(); c2 != c {
			t.Fatalf("canonical of %q is %q, of which the canonical is %q", e.Text, c, c2)
		}
		for _, f := range genFiles(t, loc) {
			if compiled(e, &f, now, loc) != compiled(e2, &f, now, loc) {
				t.Fatalf("%q and its canonical %q differ on %+v", e.Text, c, f)
			}
		}
	})
}

// For every comparison and its complement exactly one holds for a record.
func TestComplements(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		loc, now := genZone(t), genNow(t)
		e := mustParse(t, genComparison(t))
		n := e.Nodes[0]
		c := complementText(e)
		ce := mustParse(t, c)
		if ce.Nodes[0].Op != n.Op.Complement() {
			t.Fatalf("complement of %s read as %s", e, ce)
		}
		for _, f := range genFiles(t, loc) {
			if compiled(e, &f, now, loc) == compiled(ce, &f, now, loc) {
				t.Fatalf("%s and %s agree on %+v", e, ce, f)
			}
		}
	})
}

// complementText writes a one-comparison filter with the complement of its operator.
func complementText(e *expr.Expr) string {
	n := e.Nodes[0]
	s := e.String()
	name := e.Selector(&n).Name
	return name + n.Op.Complement().String() + strings.TrimPrefix(strings.TrimPrefix(s, name), n.Op.String())
}

// ';' and ',' are associative and commutative in what they select, and ';'
// distributes over ','.
func TestAlgebra(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		loc, now := genZone(t), genNow(t)
		a, b, c := genFilter(t, 1), genFilter(t, 1), genFilter(t, 1)
		p := func(s string) string { return "(" + s + ")" }
		same := [][2]string{
			{p(a) + ";" + p(b), p(b) + ";" + p(a)},
			{p(a) + "," + p(b), p(b) + "," + p(a)},
			{p(p(a)+";"+p(b)) + ";" + p(c), p(a) + ";" + p(p(b)+";"+p(c))},
			{p(p(a)+","+p(b)) + "," + p(c), p(a) + "," + p(p(b)+","+p(c))},
			{p(a) + ";" + p(p(b)+","+p(c)), p(p(a)+";"+p(b)) + "," + p(p(a)+";"+p(c))},
		}
		files := genFiles(t, loc)
		for _, s := range same {
			x, y := mustParse(t, s[0]), mustParse(t, s[1])
			for _, f := range files {
				if compiled(x, &f, now, loc) != compiled(y, &f, now, loc) {
					t.Fatalf("%s and %s differ on %+v", s[0], s[1], f)
				}
			}
		}
	})
}

// The startDate bounds a store scans by hold every record the filter selects.
func TestStartBoundsHoldEveryMatch(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		loc, now := genZone(t), genNow(t)
		e := mustParse(t, genFilter(t, 2))
		w := e.Resolve(now, loc)
		from, to := e.StartBounds(w)
		match := expr.CompileFiles(e, w)
		for _, f := range genFiles(t, loc) {
			if !match(&f) {
				continue
			}
			if !from.IsZero() && f.StartDate.Before(from) || !to.IsZero() && !f.StartDate.Before(to) {
				t.Fatalf("%s selects %v, outside its bounds [%v, %v)", e, f.StartDate, from, to)
			}
		}
	})
}

var _ = record.File{}
