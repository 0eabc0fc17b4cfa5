package grammar

import (
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// Filter is the decoded text of filter= (docs/LANGUAGE.md §14.1): a
// disjunction of conjunctions of constraints, as in
//
//	duration=gt=600;(agentID==bill or agentID=in=(ann,'bo b'))
//
// ',' and " or " join the branches of an Or, ';' and " and " those of an
// And; an And binds tighter. The tree fixes syntax only: which selectors
// exist, which operators a selector's kind takes and whether a value is an
// integer or a date are checked by the semantic layer (package filter/expr).
type Filter struct {
	Or *Or `parser:"@@"`
}

// Or is one or more conjunctions joined by ',' or " or ".
type Or struct {
	First *And      `parser:"@@"`
	Rest  []*OrRest `parser:"@@*"`
}

// OrRest is a separator of an Or and the conjunction after it.
type OrRest struct {
	Sep string `parser:"@( ',' | Or )"` // "," or the keyword with its spaces, as written
	And *And   `parser:"@@"`
}

// And is one or more constraints joined by ';' or " and ".
type And struct {
	First *Constraint `parser:"@@"`
	Rest  []*AndRest  `parser:"@@*"`
}

// AndRest is a separator of an And and the constraint after it.
type AndRest struct {
	Sep        string      `parser:"@( ';' | And )"` // ";" or the keyword with its spaces, as written
	Constraint *Constraint `parser:"@@"`
}

// Constraint is a group in parentheses or a comparison. Exactly one field
// is non-nil.
type Constraint struct {
	Pos        lexer.Position
	Group      *Or         `parser:"  '(' @@ ')'"`
	Comparison *Comparison `parser:"| @@"`
}

// Comparison is selector operator argument: agentID==bill,
// duration=gt=600, agentID=in=(bill,ann). Exactly one of Set and Test is
// non-nil.
type Comparison struct {
	Pos      lexer.Position
	Selector string   `parser:"@Selector"` // as written; '\' is no escape in a selector
	Set      *SetTest `parser:"( @@"`
	Test     *Test    `parser:"| @@ )"`
}

// SetTest is =in= or =out= and a list in parentheses or a single value.
type SetTest struct {
	Pos    lexer.Position
	Op     string   `parser:"@( '=in=' | '=out=' )"`
	List   bool     `parser:"( @'('"`                      // the values are in parentheses
	Values []*Value `parser:"  @@ ( ',' @@ )* ')' | @@ )"` // one or more
}

// Test is any other operator and one value. Op is as written: ==, !=,
// =lt=, =le=, =gt=, =ge=, or the aliases <, <=, >, >=.
type Test struct {
	Pos   lexer.Position
	Op    string `parser:"@( '==' | '!=' | '=lt=' | '=le=' | '=gt=' | '=ge=' | '<' | '<=' | '>' | '>=' )"`
	Value *Value `parser:"@@"`
}

// Value is one argument as written: unquoted (bill, b\,ill) or in single or
// double quotes ('bill smith', "it's"), never empty. In every form a '\'
// escapes the character after it; Text removes the escapes.
type Value struct {
	Pos lexer.Position
	Raw string `parser:"@( Quoted | Unquoted )"`
}

var filterParser = participle.MustBuild[Filter](
	participle.Lexer(filterLexer),
	participle.UseLookahead(filterLookahead),
)

// filterLookahead is how many tokens a failed optional part may consume
// before the parse is abandoned. Every choice of the filter grammar is
// decided by its first token, so one is enough.
const filterLookahead = 1

// ParseFilter parses a filter's text after percent-decoding (the value of
// filter=, docs/LANGUAGE.md §14.1). It checks syntax only (see Filter). A
// text longer than MaxFilterLength bytes is refused without being read, and
// one with groups nested deeper than MaxFilterDepth while it is lexed.
// Errors are participle errors (participle.Error) carrying the byte offset
// of the offending token.
func ParseFilter(text string) (*Filter, error) {
	if len(text) > MaxFilterLength {
		return nil, &lexer.Error{
			Msg: "filter longer than " + strconv.Itoa(MaxFilterLength) + " bytes",
			Pos: lexer.Position{Offset: MaxFilterLength, Line: 1, Column: MaxFilterLength + 1},
		}
	}
	f, err := filterParser.ParseString("", text)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// FilterEBNF returns the grammar of Filter in participle's EBNF notation.
// Token references are written <selector>, <quoted>, <unquoted> …; the
// tokens are described by the lexer rules (see docs/GRAMMAR.md).
func FilterEBNF() string { return filterParser.String() }

// Branches returns the conjunctions of o in order.
func (o *Or) Branches() []*And {
	if o == nil {
		return nil
	}
	out := []*And{o.First}
	for _, r := range o.Rest {
		out = append(out, r.And)
	}
	return out
}

// Constraints returns the constraints of a in order.
func (a *And) Constraints() []*Constraint {
	if a == nil {
		return nil
	}
	out := []*Constraint{a.First}
	for _, r := range a.Rest {
		out = append(out, r.Constraint)
	}
	return out
}

// Op returns the operator as written.
func (c *Comparison) Op() string {
	switch {
	case c == nil:
		return ""
	case c.Set != nil:
		return c.Set.Op
	case c.Test != nil:
		return c.Test.Op
	}
	return ""
}

// Values returns the arguments of c in order.
func (c *Comparison) Values() []*Value {
	switch {
	case c == nil:
		return nil
	case c.Set != nil:
		return c.Set.Values
	case c.Test != nil:
		return []*Value{c.Test.Value}
	}
	return nil
}

// Quote returns the value's quote, '\” or '"', or 0 when it is unquoted.
func (v *Value) Quote() byte {
	if v != nil && len(v.Raw) >= 2 && (v.Raw[0] == '\'' || v.Raw[0] == '"') {
		return v.Raw[0]
	}
	return 0
}

// Text returns the text the value denotes: without its quotes, and each
// '\' followed by a character replaced by that character. A '*' stays as it
// is, escaped or not: which '*' is a wildcard is the semantic layer's
// business (docs/LANGUAGE.md §14.7).
func (v *Value) Text() string {
	if v == nil {
		return ""
	}
	s := v.Raw
	if v.Quote() != 0 {
		s = s[1 : len(s)-1]
	}
	if !strings.Contains(s, `\`) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b = append(b, s[i])
	}
	return string(b)
}

// String returns the filter as written: ParseFilter(f.String()) gives back f.
func (f *Filter) String() string {
	if f == nil {
		return ""
	}
	return f.Or.String()
}

// String returns the disjunction as written.
func (o *Or) String() string {
	if o == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(o.First.String())
	for _, r := range o.Rest {
		b.WriteString(r.Sep)
		b.WriteString(r.And.String())
	}
	return b.String()
}

// String returns the conjunction as written.
func (a *And) String() string {
	if a == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(a.First.String())
	for _, r := range a.Rest {
		b.WriteString(r.Sep)
		b.WriteString(r.Constraint.String())
	}
	return b.String()
}

// String returns the constraint as written.
func (c *Constraint) String() string {
	switch {
	case c == nil:
		return ""
	case c.Group != nil:
		return "(" + c.Group.String() + ")"
	}
	return c.Comparison.String()
}

// String returns the comparison as written.
func (c *Comparison) String() string {
	if c == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(c.Selector)
	b.WriteString(c.Op())
	if c.Set != nil && c.Set.List {
		b.WriteByte('(')
	}
	for i, v := range c.Values() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(v.Raw)
	}
	if c.Set != nil && c.Set.List {
		b.WriteByte(')')
	}
	return b.String()
}

// String returns the value as written.
func (v *Value) String() string {
	if v == nil {
		return ""
	}
	return v.Raw
}
