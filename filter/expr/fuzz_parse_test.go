package expr_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/recq/recq/filter/expr"
)

// fuzzSeeds are the tables' filters: the canonical cases (input and
// canonical form), the grammar's edge cases, and nesting at the bound.
func fuzzSeeds() []string {
	seeds := append([]string(nil), grammarCases...)
	for _, c := range canonicalCases {
		seeds = append(seeds, c.in, c.want)
	}
	return append(seeds,
		strings.Repeat("(", expr.MaxDepth)+"agentID==a"+strings.Repeat(")", expr.MaxDepth),
		strings.Repeat("(", expr.MaxDepth+1)+"agentID==a"+strings.Repeat(")", expr.MaxDepth+1),
		"startDate=ge=today-7d;finishDate=lt=2007-08-05T13:15:00.25-08:00,duration=in=(1,-2,007)",
		`metaData.fieldValue=='a\'b';agentName=="x\"y";contactID==*\**`)
}

// FuzzFilterParse holds expr.Parse to its laws on any text: it never
// panics; every fault has a code and a span within the text, at most
// MaxFaults of them and one too-many-faults; and a text that parses has a
// canonical form that parses to the same tree and is its own canonical
// form. Both resources, and every space taken as a '+' of the query
// string, are tried.
func FuzzFilterParse(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, r := range []expr.Resource{expr.Files, expr.Transcripts} {
			for _, opt := range []expr.Options{{}, {MaxFaults: 2}, {Raw: strings.ReplaceAll(text, " ", "+"), Plus: plusAt}} {
				e, err := expr.Parse(text, r, opt)
				if err != nil {
					checkFaults(t, text, err, opt)
					continue
				}
				checkCanonical(t, text, e)
			}
		}
	})
}

// FuzzFilterGrammar holds expr.Parse to the grammar of record on any text,
// as TestGrammarAndParseAgreeOnGenerated does on generated ones.
func FuzzFilterGrammar(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkGrammarAgrees(t, text)
	})
}

func checkFaults(t *testing.T, text string, err error, opt expr.Options) {
	t.Helper()
	l, ok := err.(expr.ErrorList)
	if !ok || len(l) == 0 {
		t.Fatalf("Parse(%q): %v (%T), not an ErrorList", text, err, err)
	}
	max := opt.MaxFaults
	if max <= 0 {
		max = 10
	}
	if len(l) > max+1 {
		t.Fatalf("Parse(%q): %d faults, MaxFaults %d", text, len(l), max)
	}
	_ = l.Error()
	for i, e := range l {
		if e.Code == "" || e.Start < 0 || e.Start > e.End || e.End > len(text) || e.Error() == "" {
			t.Fatalf("Parse(%q): fault %d %+v has no code or its span [%d,%d) is outside the text", text, i, e, e.Start, e.End)
		}
		if e.Code == expr.CodeTooMany && i != len(l)-1 {
			t.Fatalf("Parse(%q): too-many-faults is not the last fault", text)
		}
	}
}

func checkCanonical(t *testing.T, text string, e *expr.Expr) {
	t.Helper()
	canon := e.String()
	e2, err := expr.Parse(canon, e.Resource, expr.Options{})
	if err != nil {
		t.Fatalf("the canonical form %q of %q does not parse: %v", canon, text, err)
	}
	if again := e2.String(); again != canon {
		t.Fatalf("canonical(parse(%q)) = %q, not itself (from %q)", canon, again, text)
	}
	if a, b := meaning(e), meaning(e2); a != b {
		t.Fatalf("%q and its canonical form %q read different trees:\n%s\n%s", text, canon, a, b)
	}
	if got, want := string(e.AppendQuery(nil)), queryEscapeRef(canon); got != want {
		t.Fatalf("AppendQuery of %q is %q, want the canonical form %q escaped: %q", text, got, canon, want)
	}
	if err := e2.Check(); err != nil && validText(e2) {
		t.Fatalf("the canonical form %q parses to an Expr that Check refuses: %v", canon, err)
	}
}

// validText reports whether every text value of e is UTF-8 without
// control characters, which Check asks of an Expr built by hand (the
// request refuses the others before the filter is read).
func validText(e *expr.Expr) bool {
	for _, v := range e.Values {
		for _, r := range e.TextOf(&v) {
			if r < 0x20 || r == 0x7f || r == 0xfffd {
				return false
			}
		}
	}
	return true
}

// meaning prints e's tree as what it selects: groups, selectors,
// operators, and each value as its kind reads it (an integer's number, a
// date's canonical form, a text's pieces around its wildcards).
func meaning(e *expr.Expr) string {
	var b strings.Builder
	var walk func(i int)
	walk = func(i int) {
		n := &e.Nodes[i]
		if n.Op == expr.And || n.Op == expr.Or {
			fmt.Fprintf(&b, "(%s", n.Op)
			for _, c := range e.Children(i) {
				b.WriteByte(' ')
				walk(c)
			}
			b.WriteByte(')')
			return
		}
		sel := e.Selector(n)
		fmt.Fprintf(&b, "(%s %s", sel.Name, n.Op)
		for _, v := range e.Args(n) {
			switch sel.Kind {
			case expr.Integer:
				fmt.Fprintf(&b, " %d", v.Int)
			case expr.Date:
				d, _ := v.Date.AppendText(nil)
				fmt.Fprintf(&b, " %s", d)
			default:
				fmt.Fprintf(&b, " %v%q", v.Wild, e.Pattern(&v))
			}
		}
		b.WriteByte(')')
	}
	walk(0)
	return b.String()
}
