package expr_test

import (
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/grammar"
)

// The grammar of record (grammar.ParseFilter) and the hand-written parser
// (expr.Parse) read the same filter language (docs/GRAMMAR.md): they accept
// the same texts syntactically, and read the same tree from them.
//
// expr.Parse also refuses for reasons of meaning, which the grammar leaves
// to it. A text is accepted syntactically by expr.Parse when none of its
// faults has a code of grammarCodes: filter-syntax (an unexpected or missing
// character), empty-value (an empty filter, an empty value, ” or ""),
// too-deep and too-long (limits the grammar shares: grammar.MaxFilterDepth,
// grammar.MaxFilterLength). Every other fault is one of meaning:
// unknown-selector, operator-type, bad-value and the codes of a date value
// (bad-date, bad-date-part, plus-as-space, …). These faults do not stop the
// reading, so the tree is whole after them. plus-as-space is a code of both
// kinds: expr.Parse raises it itself only when Options.Plus says that a
// space outside a value arrived as '+', and the checks here pass no Plus, so
// every plus-as-space they see is a date value's (today 1d), a fault of
// meaning. The bound on faults is lifted (MaxFaults), so too-many-faults
// never hides a syntax fault.
var grammarCodes = map[string]bool{
	expr.CodeSyntax:     true,
	expr.CodeEmptyValue: true,
	expr.CodeTooDeep:    true,
	expr.CodeTooLong:    true,
}

// fatalfer is what the checks need of a *testing.T or a *rapid.T.
type fatalfer interface {
	Helper()
	Fatalf(format string, args ...any)
}

// handParse parses text for r with no bound on faults and reports whether
// it is accepted syntactically (see grammarCodes). e holds the tree read.
func handParse(t fatalfer, text string, r expr.Resource) (e *expr.Expr, syntaxOK bool, faults expr.ErrorList) {
	t.Helper()
	e = new(expr.Expr)
	faults = expr.ParseInto(e, text, r, expr.Options{MaxFaults: len(text) + 2})
	syntaxOK = true
	for _, f := range faults {
		if f.Code == expr.CodeTooMany {
			t.Fatalf("expr.Parse(%q) stopped at too-many-faults with MaxFaults %d", text, len(text)+2)
		}
		if grammarCodes[f.Code] {
			syntaxOK = false
		}
	}
	return e, syntaxOK, faults
}

// checkGrammarAgrees asserts, for both resources, that expr.Parse accepts
// text syntactically exactly when grammar.ParseFilter accepts it, and then
// that both read the same tree (see handTree and grammarTree), and that
// the grammar's tree prints back the text.
func checkGrammarAgrees(t fatalfer, text string) {
	t.Helper()
	g, gerr := grammar.ParseFilter(text)
	if gerr == nil && g.String() != text {
		t.Fatalf("grammar.ParseFilter(%q).String() = %q", text, g.String())
	}
	for _, r := range []expr.Resource{expr.Files, expr.Transcripts} {
		e, ok, faults := handParse(t, text, r)
		switch {
		case ok && gerr != nil:
			t.Fatalf("%s: expr.Parse(%q) accepts the syntax (faults %v), the grammar refuses: %v", r, text, codes(faults), gerr)
		case !ok && gerr == nil:
			t.Fatalf("%s: the grammar accepts %q, expr.Parse refuses its syntax: %v %v", r, text, codes(faults), faults)
		case !ok:
			continue
		}
		if got, want := handTree(t, e), grammarTree(g); got != want {
			t.Fatalf("%s: %q:\nexpr.Parse reads  %s\nthe grammar reads %s", r, text, got, want)
		}
	}
}

func codes(l expr.ErrorList) []string {
	var out []string
	for _, f := range l {
		out = append(out, f.Code)
	}
	return out
}

// fiql is the FIQL spelling of an operator as written.
var fiql = map[string]string{"<": "=lt=", "<=": "=le=", ">": "=gt=", ">=": "=ge="}

// isReserved reports whether c ends a selector or an unquoted value.
func isReserved(c byte) bool { return strings.IndexByte("\"'();,=!~<> ", c) >= 0 }

// handTree prints e's tree as an s-expression: groups as (and …) and
// (or …), a comparison as (selector@offset op@offset [list] values…), each
// value as written @offset = the text it denotes. Groups in e are already
// flat and single branches stand for themselves. The selector's start is
// found from the operator back, over the characters a selector is made of.
func handTree(t fatalfer, e *expr.Expr) string {
	t.Helper()
	if len(e.Nodes) == 0 || int(e.Nodes[0].Size) != len(e.Nodes) {
		t.Fatalf("%q: the tree's root does not span its nodes: %+v", e.Text, e.Nodes)
	}
	var b strings.Builder
	var walk func(i int)
	walk = func(i int) {
		n := &e.Nodes[i]
		if n.Op == expr.And || n.Op == expr.Or {
			b.WriteString(map[expr.Op]string{expr.And: "(and", expr.Or: "(or"}[n.Op])
			for _, c := range e.Children(i) {
				if e.Nodes[c].Op == n.Op {
					t.Fatalf("%q: a %s group inside a %s group", e.Text, n.Op, n.Op)
				}
				b.WriteByte(' ')
				walk(c)
			}
			b.WriteByte(')')
			return
		}
		start := int(n.OpPos)
		for start > 0 && !isReserved(e.Text[start-1]) {
			start--
		}
		args := e.Args(n)
		if len(args) == 0 {
			t.Fatalf("%q: a comparison without values", e.Text)
		}
		op := e.Text[n.OpPos:args[0].Pos]
		list := strings.HasSuffix(op, "(")
		op = strings.TrimSuffix(op, "(")
		if f, ok := fiql[op]; ok {
			op = f
		}
		if op != n.Op.String() {
			t.Fatalf("%q: the operator %q is read as %s", e.Text, e.Text[n.OpPos:args[0].Pos], n.Op)
		}
		writeComparison(&b, e.Text[start:n.OpPos], start, op, int(n.OpPos), list)
		for _, v := range args {
			writeValue(&b, e.Text[v.Pos:v.End], int(v.Pos), e.TextOf(&v))
		}
		b.WriteByte(')')
	}
	walk(0)
	return b.String()
}

func writeComparison(b *strings.Builder, sel string, selPos int, op string, opPos int, list bool) {
	fmt.Fprintf(b, "(%q@%d %s@%d", sel, selPos, op, opPos)
	if list {
		b.WriteString(" list")
	}
}

func writeValue(b *strings.Builder, raw string, pos int, text string) {
	fmt.Fprintf(b, " %q@%d=%q", raw, pos, text)
}

// tree is a node of the grammar's tree normalised as expr.Parse builds
// its own: a group of one branch is that branch, and a group inside a group
// of the same operator gives it its branches.
type tree struct {
	op   string // "and", "or", or "" for a comparison
	kids []*tree
	cmp  *grammar.Comparison
}

func grammarTree(f *grammar.Filter) string {
	var b strings.Builder
	printTree(&b, orTree(f.Or))
	return b.String()
}

func orTree(o *grammar.Or) *tree {
	var kids []*tree
	for _, a := range o.Branches() {
		kids = appendFlat(kids, andTree(a), "or")
	}
	return group("or", kids)
}

func andTree(a *grammar.And) *tree {
	var kids []*tree
	for _, c := range a.Constraints() {
		k := &tree{cmp: c.Comparison}
		if c.Group != nil {
			k = orTree(c.Group)
		}
		kids = appendFlat(kids, k, "and")
	}
	return group("and", kids)
}

func appendFlat(kids []*tree, k *tree, op string) []*tree {
	if k.op == op {
		return append(kids, k.kids...)
	}
	return append(kids, k)
}

func group(op string, kids []*tree) *tree {
	if len(kids) == 1 {
		return kids[0]
	}
	return &tree{op: op, kids: kids}
}

func printTree(b *strings.Builder, n *tree) {
	if n.op != "" {
		b.WriteString("(" + n.op)
		for _, k := range n.kids {
			b.WriteByte(' ')
			printTree(b, k)
		}
		b.WriteByte(')')
		return
	}
	c := n.cmp
	op := c.Op()
	if f, ok := fiql[op]; ok {
		op = f
	}
	opPos := 0
	if c.Set != nil {
		opPos = c.Set.Pos.Offset
	} else {
		opPos = c.Test.Pos.Offset
	}
	writeComparison(b, c.Selector, c.Pos.Offset, op, opPos, c.Set != nil && c.Set.List)
	for _, v := range c.Values() {
		writeValue(b, v.Raw, v.Pos.Offset, v.Text())
	}
	b.WriteByte(')')
}

func TestGrammarMatchesLimits(t *testing.T) {
	if grammar.MaxFilterLength != expr.MaxLength || grammar.MaxFilterDepth != expr.MaxDepth {
		t.Errorf("grammar.MaxFilterLength, MaxFilterDepth = %d, %d; expr.MaxLength, MaxDepth = %d, %d",
			grammar.MaxFilterLength, grammar.MaxFilterDepth, expr.MaxLength, expr.MaxDepth)
	}
}

// grammarCases are texts at the edges of the syntax, by hand; each is
// checked by checkGrammarAgrees, and seeds the fuzz targets.
var grammarCases = []string{
	"", " ", "a", "a=", "a==", "a==b", "a== b", "a==b ", " a==b", "a==''", `a==""`, "a=='", `a=="b`, `a=='b\'`,
	`a==\`, `a==b\`, `a==b\ c`, `a\b==c`, `a\==b`, `a==\'`, `a=='\\'`, `a==b\\`, "a==b'c'", "a=='b'c", "a=='b''c'",
	"a==1;", "a==1,", ";a==1", "a==1;;b==2", "a==1;,b==2", "a==1 and b==2", "a==1  and   b==2", "a==1 and  ",
	"a==1 AND b==2", "a==1 And b==2", "a==1 and(b==2)", "(a==1)and b==2", "a==1 andb==2", "a==1 or b==2 and c==3",
	"a==1 or and b==2", "a==1 and or b==2", "a==1\tand b==2", "a== and b==1", "a==1 or", "a==1 or ", "a==1 o b==2",
	"()", "(a==1", "a==1)", "((a==1))", "(a==1)(b==2)", "(a==1);(b==2)", "(a==1),((b==2;c==3))", "(a==1 )", "( a==1)",
	"a=in=b", "a=in=(b)", "a=in=(b,c)", "a=in=()", "a=in=(b,)", "a=in=(,b)", "a=in=(b c)", "a=in=(b;c)", "a=in=((b))",
	"a=in=(b", "a=in=(b)c", "a=in=(b) and c==1", "a=out='b'", "a=in=('b',\"c\",d\\,e)", "a==(b)", "a!=(b)", "a<(b)",
	"a<b", "a<=b", "a>b", "a>=b", "a<>b", "a<==b", "a=<b", "a=>b", "a=gt=b", "a=GT=b", "a=Gt=b", "a=foo=b", "a=gt",
	"a===b", "a!b", "a!==b", "a~=b", "a=~b", "<a", "==a", "a==b==c", "a==b=c", "a==!b", "a==~b", "a==>b",
	"agentID==bill", "agentId==bill", "start-date=ge=today", "duration=gt=10m", "agentID=gt=b", "duration==-0",
	"startDate=='today 1d'", "startDate==today+1d", "startDate=='2007-08-05 13:15Z'", "startDate==2007-13-45",
	"startDate=in=(today,today-1d)", "startDate=='2007-08-05,2007-08-07'", "transactionCode.name!=x",
	"metaData.fieldName==x", "queueName==*phone*", `agentID==b\*ll`, "a==\x00", "\xff==\xfe", "é==é",
	"a==b\n", "a=='\n'", "a==1 and \x00==2", "and==1", "or==1 or and==2",
}

func TestGrammarAndParseAgreeOnExamples(t *testing.T) {
	cases := append([]string(nil), grammarCases...)
	for _, c := range canonicalCases {
		cases = append(cases, c.in, c.want)
	}
	deep := func(n int) string { return strings.Repeat("(", n) + "agentID==a" + strings.Repeat(")", n) }
	cases = append(cases, deep(expr.MaxDepth), deep(expr.MaxDepth+1), deep(expr.MaxDepth + 1)[1:],
		"agentID=in=("+strings.Repeat("(", 40), strings.Repeat("(", 40)+"a==1;x", deep(expr.MaxDepth+1)+"junk",
		"agentID=="+strings.Repeat("b", expr.MaxLength-9), "agentID=="+strings.Repeat("b", expr.MaxLength-8))
	for _, text := range cases {
		checkGrammarAgrees(t, text)
	}
}

func TestGrammarAndParseAgreeOnGenerated(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkGrammarAgrees(t, grFilterText(t))
	})
}

// Pieces of the language for the generator: selectors of both resources
// and names that are none, operators and spellings that are none, and the
// values of each kind with faulty ones among them.
var (
	grSelectors = func() []string {
		var out []string
		for _, r := range []expr.Resource{expr.Files, expr.Transcripts} {
			for _, s := range expr.Selectors(r) {
				out = append(out, s.Name)
			}
		}
		return out
	}()
	grJunkSelectors = []string{"agentId", "start-date", "d", "x", `a\b`, "é", "*", "and", "or", "AND", "a.b", "\x00", "\xff", "metaData_fieldName", "duration2", "a\tb"}
	grOps           = []string{"==", "!=", "=lt=", "=le=", "=gt=", "=ge=", "=in=", "=out=", "<", "<=", ">", ">="}
	grJunkOps       = []string{"=", "!", "=GT=", "=In=", "=foo=", "=~", "~=", "===", "=<", "<>", "=in", "in=", "= =", "=="}
	grTextPieces    = []string{"bill", "ann", "b", "*", "x", "7", "-", ".", "_", " ", ",", ";", "(", ")", "=", "!", "~", "<", ">",
		"'", `"`, `\`, "é", "\xff", "\x00", "\t", "and", " or ", "+"}
	grIntegers    = []string{"600", "-5", "007", "0", "-0", "123456789012345678"}
	grBadIntegers = []string{"10m", "2h", "1e3", "99999999999999999999", "+5", "6 0", "b*", "-"}
	grDates       = []string{"today", "today-1d", "today+7d", "2007-08-05", "20070805", "2007-08-05T13:15Z", "2007-08-05t13:15z",
		"2007-08-05 13:15Z", "2007-08-05T13:15:00.25-08:00", "2007-08-05T13:15+05:30", "0000-01-01", "9999-12-31T23:59Z"}
	grBadDates      = []string{"2007-13-45", "today 1d", "yesterday", "2007-08-05,2007-08-07", "2007-08-05T1315", "2007-08-05T13:15 05:00"}
	grTextOps       = []string{"==", "!=", "=in=", "=out="}
	grSeparatorsAnd = []string{";", " and ", "  and   ", ";", " and "}
	grSeparatorsOr  = []string{",", " or ", "   or  ", ",", " or "}
	grJunkSeps      = []string{" AND ", " Or ", " and", "or ", ";;", ",,", " ", "", ";,", " & ", " and\t", "&&"}
	grEdits         = []string{"(", ")", ";", ",", " ", "'", `"`, `\`, "=", "!", "~", "<", ">", "==", "=in=", " and ", " or ",
		"a", "*", "é", "\xff", "\x00", "''", `""`, `\\`, "agentID", "duration", "(a==1)"}
)

// grFilterText draws a filter's text: a valid expression most of the time,
// a near miss (one to three edits of one) often, and sometimes pieces of
// the language in any order.
func grFilterText(t *rapid.T) string {
	switch rapid.IntRange(0, 9).Draw(t, "kind") {
	case 0:
		return strings.Join(rapid.SliceOfN(rapid.SampledFrom(grEdits), 0, 12).Draw(t, "pieces"), "")
	case 1, 2, 3:
		s := grOr(t, 3, true)
		for i, n := 0, rapid.IntRange(1, 3).Draw(t, "edits"); i < n; i++ {
			at := rapid.IntRange(0, len(s)).Draw(t, "at")
			switch rapid.IntRange(0, 2).Draw(t, "edit") {
			case 0:
				s = s[:at] + rapid.SampledFrom(grEdits).Draw(t, "insert") + s[at:]
			case 1:
				if at < len(s) {
					s = s[:at] + s[at+1:]
				}
			case 2:
				if at < len(s) {
					s = s[:at] + rapid.SampledFrom(grEdits).Draw(t, "replace") + s[at+1:]
				}
			}
		}
		return s
	case 4:
		// Deep nesting, near the bound.
		n := rapid.IntRange(expr.MaxDepth-2, expr.MaxDepth+2).Draw(t, "depth")
		return strings.Repeat("(", n) + grOr(t, 1, false) + strings.Repeat(")", rapid.IntRange(n-1, n).Draw(t, "closed"))
	}
	return grOr(t, 3, rapid.IntRange(0, 4).Draw(t, "junk") == 0)
}

func grOr(t *rapid.T, depth int, junk bool) string {
	return grJoin(t, depth, junk, grSeparatorsOr, func() string { return grAnd(t, depth, junk) })
}

func grAnd(t *rapid.T, depth int, junk bool) string {
	return grJoin(t, depth, junk, grSeparatorsAnd, func() string { return grConstraint(t, depth, junk) })
}

func grJoin(t *rapid.T, depth int, junk bool, seps []string, branch func() string) string {
	var b strings.Builder
	for i, n := 0, rapid.IntRange(1, 3).Draw(t, "branches"); i < n; i++ {
		if i > 0 {
			if junk && rapid.IntRange(0, 5).Draw(t, "junk separator") == 0 {
				b.WriteString(rapid.SampledFrom(grJunkSeps).Draw(t, "separator"))
			} else {
				b.WriteString(rapid.SampledFrom(seps).Draw(t, "separator"))
			}
		}
		b.WriteString(branch())
	}
	return b.String()
}

func grConstraint(t *rapid.T, depth int, junk bool) string {
	if depth > 0 && rapid.IntRange(0, 3).Draw(t, "group") == 0 {
		return "(" + grOr(t, depth-1, junk) + ")"
	}
	return grComparison(t, junk)
}

func grComparison(t *rapid.T, junk bool) string {
	sel := rapid.SampledFrom(grSelectors).Draw(t, "selector")
	if junk && rapid.IntRange(0, 5).Draw(t, "junk selector") == 0 {
		sel = rapid.SampledFrom(grJunkSelectors).Draw(t, "selector")
	}
	ops := grOps
	if grKind(sel) == expr.Text && rapid.IntRange(0, 4).Draw(t, "any op") != 0 {
		ops = grTextOps
	}
	op := rapid.SampledFrom(ops).Draw(t, "op")
	if junk && rapid.IntRange(0, 7).Draw(t, "junk op") == 0 {
		op = rapid.SampledFrom(grJunkOps).Draw(t, "op")
	}
	value := func() string { return grValue(t, sel, junk) }
	if (op == "=in=" || op == "=out=" || junk) && rapid.IntRange(0, 3).Draw(t, "list") != 0 {
		var vs []string
		for i, n := 0, rapid.IntRange(1, 4).Draw(t, "values"); i < n; i++ {
			vs = append(vs, value())
		}
		return sel + op + "(" + strings.Join(vs, ",") + ")"
	}
	return sel + op + value()
}

// grValue draws a value for selector sel, written as the language wants
// it (quoted, or with reserved characters escaped), or, when junk is
// allowed, sometimes as it comes.
func grValue(t *rapid.T, sel string, junk bool) string {
	var text string
	bad := rapid.IntRange(0, 4).Draw(t, "bad value") == 0
	switch k := grKind(sel); {
	case k == expr.Integer && bad:
		text = rapid.SampledFrom(grBadIntegers).Draw(t, "integer")
	case k == expr.Integer:
		text = rapid.SampledFrom(grIntegers).Draw(t, "integer")
	case k == expr.Date && bad:
		text = rapid.SampledFrom(grBadDates).Draw(t, "date")
	case k == expr.Date:
		text = rapid.SampledFrom(grDates).Draw(t, "date")
	default:
		text = strings.Join(rapid.SliceOfN(rapid.SampledFrom(grTextPieces), 0, 4).Draw(t, "text"), "")
	}
	switch rapid.IntRange(0, 5).Draw(t, "form") {
	case 0:
		return grQuote(text, '\'')
	case 1:
		return grQuote(text, '"')
	case 2:
		if junk {
			return text
		}
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '\\' || isReserved(text[i]) {
			b.WriteByte('\\')
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

// grKind returns the kind of selector sel, Text for a name that is none.
func grKind(sel string) expr.Kind {
	for _, r := range []expr.Resource{expr.Files, expr.Transcripts} {
		for _, s := range expr.Selectors(r) {
			if s.Name == sel {
				return s.Kind
			}
		}
	}
	return expr.Text
}

func grQuote(s string, q byte) string {
	var b strings.Builder
	b.WriteByte(q)
	for i := 0; i < len(s); i++ {
		if s[i] == q || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte(q)
	return b.String()
}
