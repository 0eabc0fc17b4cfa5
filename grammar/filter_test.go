package grammar

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/participle/v2"
)

// sexp prints f's tree with its structure as parsed: groups in brackets,
// Or and And with their separators as written, comparisons as
// selector|op|values.
func sexp(f *Filter) string {
	var b strings.Builder
	var or func(o *Or)
	constraint := func(c *Constraint) {
		if c.Group != nil {
			b.WriteString("[")
			or(c.Group)
			b.WriteString("]")
			return
		}
		cmp := c.Comparison
		b.WriteString(cmp.Selector + "|" + cmp.Op() + "|")
		if cmp.Set != nil && cmp.Set.List {
			b.WriteString("list:")
		}
		for i, v := range cmp.Values() {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(v.Raw)
		}
	}
	or = func(o *Or) {
		b.WriteString("or{")
		for i, a := range o.Branches() {
			if i > 0 {
				b.WriteString(" " + strings.TrimSpace(o.Rest[i-1].Sep) + " ")
			}
			b.WriteString("and{")
			for j, c := range a.Constraints() {
				if j > 0 {
					b.WriteString(" " + strings.TrimSpace(a.Rest[j-1].Sep) + " ")
				}
				constraint(c)
			}
			b.WriteString("}")
		}
		b.WriteString("}")
	}
	or(f.Or)
	return b.String()
}

var filterAcceptCases = []struct{ in, want string }{
	{"agentID==bill", "or{and{agentID|==|bill}}"},
	{"duration=gt=600;(agentID==bill,agentID==ann)", "or{and{duration|=gt=|600 ; [or{and{agentID|==|bill} , and{agentID|==|ann}}]}}"},
	{"a==1;b==2,c==3", "or{and{a|==|1 ; b|==|2} , and{c|==|3}}"},
	{"a==1,b==2;c==3", "or{and{a|==|1} , and{b|==|2 ; c|==|3}}"},
	{"a==1  and b==2   or c==3", "or{and{a|==|1 and b|==|2} or and{c|==|3}}"},
	{"((a==1))", "or{and{[or{and{[or{and{a|==|1}}]}}]}}"},
	{"a=in=(b,'c d',\"e\")", `or{and{a|=in=|list:b,'c d',"e"}}`},
	{"a=out=b", "or{and{a|=out=|b}}"},
	{"a<1;a<=2;a>3;a>=4", "or{and{a|<|1 ; a|<=|2 ; a|>|3 ; a|>=|4}}"},
	{"a!=b*", "or{and{a|!=|b*}}"},
	{`a==b\ c\;d`, `or{and{a|==|b\ c\;d}}`},
	{`a\b==c`, `or{and{a\b|==|c}}`},
	{`a=='it\'s'`, `or{and{a|==|'it\'s'}}`},
	{"and==or", "or{and{and|==|or}}"},
	{"é==\xff\x00", "or{and{é|==|\xff\x00}}"},
	{"a=='\n'", "or{and{a|==|'\n'}}"},
	{"a\tb==c\td", "or{and{a\tb|==|c\td}}"},
	{"startDate=ge='2007-08-05 13:15Z'", "or{and{startDate|=ge=|'2007-08-05 13:15Z'}}"},
	{"x=lt=y", "or{and{x|=lt=|y}}"}, // which kinds take =lt= is the semantic layer's
}

func TestParseFilterAccepts(t *testing.T) {
	for _, c := range filterAcceptCases {
		f, err := ParseFilter(c.in)
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", c.in, err)
			continue
		}
		if got := sexp(f); got != c.want {
			t.Errorf("ParseFilter(%q) = %s, want %s", c.in, got, c.want)
		}
		if f.String() != c.in {
			t.Errorf("ParseFilter(%q).String() = %q", c.in, f.String())
		}
	}
}

// Refused texts and the byte offset of the fault.
var filterRejectCases = []struct {
	in  string
	pos int
}{
	{"", 0},
	{"a", 1},
	{"a==", 3},           // an empty value is no value
	{"a==''", 3},         // nor an empty quoted one
	{`a==""`, 3},         //
	{"a=='b", 3},         // an unclosed quote
	{`a=='b\'`, 3},       // the \ escapes the closing quote
	{`a==b\`, 4},         // a \ at the end escapes nothing
	{"a== b", 3},         // no space but in keywords
	{"a==b ", 4},         //
	{"a==1 AND b==2", 4}, // keywords are lower case
	{"a==1 and(b==2)", 4},
	{"(a==1)and b==2", 9}, // the lexer reads "and" as a selector, then finds " b"
	{"a==1 and ", 9},
	{"a==(b)", 3}, // a list only after =in= and =out=
	{"a=in=()", 6},
	{"a=in=(b,)", 7},
	{"a=in=(b c)", 7},
	{"a=in=(b;c)", 7},
	{"a=GT=b", 1},
	{"a=foo=b", 1},
	{"a=b", 1},
	{"a<>b", 2},
	{"a~=b", 1},
	{"()", 1},
	{"(a==1", 5},
	{"a==1)", 4},
	{"a==1;", 5},
	{";a==1", 0},
	{"a==b'c'", 4},
	{"'a'==b", 0},
}

func TestParseFilterRejects(t *testing.T) {
	for _, c := range filterRejectCases {
		f, err := ParseFilter(c.in)
		if err == nil {
			t.Errorf("ParseFilter(%q) accepted: %s", c.in, sexp(f))
			continue
		}
		var perr participle.Error
		if !errors.As(err, &perr) {
			t.Errorf("ParseFilter(%q): error %v (%T) is not a participle.Error", c.in, err, err)
			continue
		}
		if got := perr.Position().Offset; got != c.pos {
			t.Errorf("ParseFilter(%q): error at offset %d, want %d: %v", c.in, got, c.pos, err)
		}
	}
}

func TestFilterValueText(t *testing.T) {
	for _, c := range []struct {
		in    string
		quote byte
		text  string
	}{
		{"a==b", 0, "b"},
		{`a==b\,c\\d\*`, 0, `b,c\d*`}, // a \* is * in the text: the wildcard is the semantic layer's
		{`a=='b\'c'`, '\'', "b'c"},
		{`a=="b\"c'"`, '"', `b"c'`},
		{`a=='\\'`, '\'', `\`},
		{"a=='x y'", '\'', "x y"},
	} {
		f, err := ParseFilter(c.in)
		if err != nil {
			t.Fatalf("ParseFilter(%q): %v", c.in, err)
		}
		v := f.Or.First.First.Comparison.Values()[0]
		if v.Quote() != c.quote || v.Text() != c.text {
			t.Errorf("%q: Quote, Text = %q, %q; want %q, %q", c.in, v.Quote(), v.Text(), c.quote, c.text)
		}
	}
}

func TestMaxFilterLengthAndDepth(t *testing.T) {
	long := "agentID==" + strings.Repeat("b", MaxFilterLength-len("agentID=="))
	if _, err := ParseFilter(long); err != nil {
		t.Errorf("a filter of exactly %d bytes: %v", MaxFilterLength, err)
	}
	_, err := ParseFilter(long + "b")
	var perr participle.Error
	if !errors.As(err, &perr) || perr.Position().Offset != MaxFilterLength {
		t.Errorf("a filter of %d bytes: %v, want an error at %d", MaxFilterLength+1, err, MaxFilterLength)
	}
	deep := func(n int) string { return strings.Repeat("(", n) + "a=in=(b)" + strings.Repeat(")", n) }
	if _, err := ParseFilter(deep(MaxFilterDepth)); err != nil {
		t.Errorf("%d nested groups: %v", MaxFilterDepth, err)
	}
	_, err = ParseFilter(deep(MaxFilterDepth + 1))
	if !errors.As(err, &perr) || perr.Position().Offset != MaxFilterDepth {
		t.Errorf("%d nested groups: %v, want an error at the %dth '('", MaxFilterDepth+1, err, MaxFilterDepth+1)
	}
	// Groups side by side do not nest.
	wide := strings.Repeat("(a==1);", MaxFilterDepth+5) + "a==1"
	if _, err := ParseFilter(wide); err != nil {
		t.Errorf("%d groups side by side: %v", MaxFilterDepth+5, err)
	}
}

func TestParseFilterHostileInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	random := make([]byte, MaxFilterLength)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	n := MaxFilterLength
	cases := []struct {
		name   string
		in     string
		accept bool
	}{
		{"64 KiB of parentheses", strings.Repeat("(", 64<<10), false},
		{"8 KiB of parentheses", strings.Repeat("(", n), false},
		{"8 KiB of random bytes", string(random), false},
		{"8 KiB of spaces", strings.Repeat(" ", n), false},
		{"8 KiB of and", "a==1" + strings.Repeat(" and", (n-4)/4), false},
		{"8 KiB unclosed quote", "a=='" + strings.Repeat("b", n-4), false},
		{"8 KiB of escapes", "a==" + strings.Repeat(`\(`, (n-3)/2), true},
		{"8 KiB of comparisons", strings.Repeat("a==1;", n/5-1) + "a==1", true},
		{"8 KiB of groups", strings.Repeat("(a==1),", n/7-1) + "a==1", true},
		{"8 KiB list", "a=in=(" + strings.Repeat("b,", (n-8)/2) + "b)", true},
		{"32 deep, then 8 KiB", strings.Repeat("(", 32) + strings.Repeat("a==1 or ", (n-100)/8) + "a==1" + strings.Repeat(")", 32), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			f, err := ParseFilter(c.in)
			if (err == nil) != c.accept {
				t.Fatalf("accepted = %v, want %v (err %v)", err == nil, c.accept, err)
			}
			if err == nil && f.String() != c.in {
				t.Errorf("String() does not give back the input")
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestFilterNilStringers(t *testing.T) {
	var (
		f *Filter
		o *Or
		a *And
		c *Constraint
		m *Comparison
		v *Value
	)
	for _, s := range []string{f.String(), o.String(), a.String(), c.String(), m.String(), v.String(), m.Op(), v.Text()} {
		if s != "" {
			t.Errorf("nil String() = %q", s)
		}
	}
	if o.Branches() != nil || a.Constraints() != nil || m.Values() != nil || v.Quote() != 0 {
		t.Errorf("nil accessors return something")
	}
}
