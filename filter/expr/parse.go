package expr

import (
	"strconv"
	"strings"

	"github.com/recq/recq/daterange"
)

// MaxDepth bounds nested grouping parentheses: the 33rd pair is refused
// (CodeTooDeep). The parentheses of an =in= or =out= list do not count.
const MaxDepth = 32

// MaxLength bounds a filter's text, as filter.MaxRequestLength bounds the
// request that holds it.
const MaxLength = 8192

// maxSuggested bounds the faults that search for did-you-mean suggestions,
// so that a filter of many misspelt selectors costs linear time.
const maxSuggested = 4

// Options are what a caller tells Parse beyond the text.
type Options struct {
	// MaxFaults bounds the faults reported; past it one last fault
	// (CodeTooMany) says the rest was not read. 0 means 10.
	MaxFaults int
	// Plus reports whether the decoded byte at pos arrived as a '+', which
	// a query string decodes to a space (docs/LANGUAGE.md §14.1), given Raw,
	// the filter as written; nil: none did. A function of its arguments
	// alone, so that passing it costs no allocation.
	Plus func(raw string, pos int) bool
	Raw  string
}

// Parse reads a filter's text, already percent-decoded, for resource r:
//
//	or         = and { ( "," | spaces "or" spaces ) and }
//	and        = constraint { ( ";" | spaces "and" spaces ) constraint }
//	constraint = "(" or ")" | comparison
//	comparison = selector operator argument
//	operator   = "==" | "!=" | "=" letters "=" | "<" | "<=" | ">" | ">="
//	argument   = value | "(" value { "," value } ")"
//	value      = { unreserved | "\" any } | "'" { any but ' or \ | "\" any } "'" | '"' … '"'
//
// Reserved characters are " ' ( ) ; , = ! ~ < > and space. The grammar of
// record is package grammar's ParseFilter. Parse returns the expression or
// an ErrorList: a syntax fault stops the reading, other faults (unknown
// selectors, operators and values that do not fit their kind) are
// collected up to opt.MaxFaults.
func Parse(text string, r Resource, opt Options) (*Expr, error) {
	e := new(Expr)
	if errs := ParseInto(e, text, r, opt); len(errs) > 0 {
		return nil, errs
	}
	return e, nil
}

// ParseInto is Parse into an Expr the caller owns: it reuses e's storage,
// so that a server parsing filters in a loop allocates nothing for them. e
// is reset first; after faults it holds what was read, and is not valid.
func ParseInto(e *Expr, text string, r Resource, opt Options) ErrorList {
	*e = Expr{Resource: r, Text: text, Nodes: e.Nodes[:0], Values: e.Values[:0]}
	// Room for every comparison and value at once: a value ends at each ','
	// or ';' at most, so a long list costs one allocation, not a growth. A
	// comparison has an operator, written with '=', '<' or '>', and there
	// are fewer groups than comparisons: a list of thousands of values
	// takes room for its values, not for as many nodes.
	if n := strings.Count(text, ",") + strings.Count(text, ";") + 1; cap(e.Values) < n && len(text) <= MaxLength {
		e.Values = make([]Value, 0, n)
		ops := strings.Count(text, "=") + strings.Count(text, "<") + strings.Count(text, ">")
		e.Nodes = make([]Node, 0, 2*min(n, ops)+1)
	}
	p := parser{s: text, e: e, max: opt.MaxFaults, plus: opt.Plus, raw: opt.Raw}
	if p.max <= 0 {
		p.max = 10
	}
	switch {
	case len(text) > MaxLength:
		p.errs.add(CodeTooLong, MaxLength, len(text), "the filter is longer than "+strconv.Itoa(MaxLength)+" bytes", "narrow the filter")
		return p.errs
	case text == "":
		p.errs.add(CodeEmptyValue, 0, 0, "the filter is empty", "write a comparison such as agentID==bill, or leave filter out")
		return p.errs
	}
	if p.plus != nil && p.plusAsSpace() {
		return p.errs
	}
	p.or()
	if !p.stopped && p.i < len(p.s) {
		p.unexpected()
	}
	return p.errs
}

// plusAsSpace finds the first space outside quotes that arrived as a '+'
// (docs/LANGUAGE.md §14.1), records its fault, and reports whether there was
// one. Its fix is a space (%20) beside a keyword, where a space was meant,
// and a plus (%2B) elsewhere, as in today+1d.
func (p *parser) plusAsSpace() bool {
	first := strings.IndexByte(p.s, ' ')
	if first < 0 || strings.IndexByte(p.raw, '+') < 0 {
		return false // the common case: no space, or none that was a '+'
	}
	var quote byte
	for i := 0; i < len(p.s); i++ {
		switch c := p.s[i]; {
		case c == '\\' && quote != 0:
			i++
		case c == '\\' && i+1 < len(p.s) && p.s[i+1] != ' ':
			i++ // an escaped space outside quotes is checked as any other
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == ' ' && p.plus(p.raw, i):
			fix := "+"
			if nextToKeyword(p.s, i) {
				fix = " "
			}
			p.syntax(i, i+1, "a '+' arrived as a space", "a '+' in a query string means a space: write %2B for a plus, %20 for a space around and/or", fix)
			p.errs[len(p.errs)-1].Code = CodePlusAsSpace
			return true
		}
	}
	return false
}

// nextToKeyword reports whether the run of spaces around s[i] has "and" or
// "or" on one side, as a word.
func nextToKeyword(s string, i int) bool {
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	k := i
	for k < len(s) && s[k] == ' ' {
		k++
	}
	word := func(w string) bool { return w == "and" || w == "or" }
	before := j
	for before > 0 && 'a' <= s[before-1] && s[before-1] <= 'z' {
		before--
	}
	after := k
	for after < len(s) && 'a' <= s[after] && s[after] <= 'z' {
		after++
	}
	return word(s[before:j]) && (before == 0 || s[before-1] == ' ') || word(s[k:after]) && (after == len(s) || s[after] == ' ')
}

// CodeTooLong is the code of a filter longer than MaxLength.
const CodeTooLong = "too-long"

type parser struct {
	s       string
	i       int
	e       *Expr
	errs    ErrorList
	max     int
	plus    func(string, int) bool
	raw     string
	depth   int
	stopped bool // a syntax fault: nothing more is read
}

// fault records a fault unless the bound is reached, where it records the
// last one and stops.
func (p *parser) fault(code string, start, end int, msg, hint string, sugg ...string) {
	if p.stopped {
		return
	}
	if len(p.errs) >= p.max {
		p.errs.add(CodeTooMany, start, len(p.s), "stopped after "+strconv.Itoa(len(p.errs))+" faults; the rest of the filter was not read", "correct the faults above and send the request again")
		p.stopped = true
		return
	}
	p.errs.add(code, start, end, msg, hint, sugg...)
}

// syntax records a syntax fault and stops the reading.
func (p *parser) syntax(start, end int, msg, hint string, sugg ...string) {
	p.fault(CodeSyntax, start, end, msg, hint, sugg...)
	p.stopped = true
}

// suggesting reports whether a fault may still search for suggestions.
func (p *parser) suggesting() bool { return len(p.errs) < maxSuggested }

func (p *parser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

// reserved marks the characters that end an unquoted value or selector.
var reserved = func() (t [256]bool) {
	for _, c := range "\"'();,=!~<> " {
		t[c] = true
	}
	return t
}()

// or reads a disjunction and leaves one node for it (none for a single
// branch: its own node stands for it).
func (p *parser) or() {
	start, pos := p.open(Or)
	n := 0
	for {
		p.and()
		n++
		if p.stopped || !p.separator(Or) {
			break
		}
	}
	p.close(start, pos, Or, n)
}

// and reads a conjunction.
func (p *parser) and() {
	start, pos := p.open(And)
	n := 0
	for {
		p.constraint()
		n++
		if p.stopped || !p.separator(And) {
			break
		}
	}
	p.close(start, pos, And, n)
}

// open marks where a group starts.
func (p *parser) open(op Op) (start, pos int) {
	return len(p.e.Nodes), p.i // the node is written by close, when there are two branches or more
}

// close ends the group opened at start with n branches: a single branch
// takes its place; branches of the same operator are merged into it.
func (p *parser) close(start, pos int, op Op, n int) {
	if n == 1 || p.stopped {
		return // a single branch stands for itself: nesting costs no node
	}
	nodes := p.e.Nodes
	if nodes[start].Op != op { // room for the group's node before its branches
		nodes = append(nodes, Node{})
		copy(nodes[start+1:], nodes[start:len(nodes)-1])
	} // else the first branch is a group of our operator: its node becomes ours, its children ours
	for j := start + 1; j < len(nodes); {
		if nodes[j].Op == op { // (a,b),c: the inner group's children become ours
			nodes = append(nodes[:j], nodes[j+1:]...)
			continue // nodes[j] is now the inner group's first child
		}
		j += int(nodes[j].Size)
	}
	p.e.Nodes = nodes
	nodes[start] = Node{Op: op, Size: int32(len(nodes) - start), Pos: int32(pos), End: int32(p.lastEnd())}
}

// lastEnd is where the text read so far ends, without a closing parenthesis
// of a group not yet closed.
func (p *parser) lastEnd() int {
	if n := len(p.e.Nodes); n > 0 {
		return int(p.e.Nodes[n-1].End)
	}
	return p.i
}

// separator reads what joins two branches of op: ';' or " and " for And,
// ',' or " or " for Or. It reads nothing and reports false for anything
// else, leaving it to the caller; a space that is no keyword's is a fault.
func (p *parser) separator(op Op) bool {
	switch c := p.peek(); {
	case c == ';' && op == And, c == ',' && op == Or:
		p.i++
		return true
	case c != ' ':
		return false
	}
	j := p.i
	for j < len(p.s) && p.s[j] == ' ' {
		j++
	}
	word := j
	for word < len(p.s) && 'a' <= p.s[word]|0x20 && p.s[word]|0x20 <= 'z' {
		word++
	}
	k := word
	for k < len(p.s) && p.s[k] == ' ' {
		k++
	}
	w := p.s[j:word]
	kw := "and"
	if op == Or {
		kw = "or"
	}
	if k == word || k == len(p.s) || !strings.EqualFold(w, "and") && !strings.EqualFold(w, "or") {
		if w == "and" || w == "or" {
			if k == len(p.s) {
				p.syntax(len(p.s), len(p.s), "expected a comparison after "+quote(w), "end the filter after a comparison, or add one after "+w)
				return false
			}
			if k == word {
				p.syntax(word, word+1, "expected a space after "+quote(w), "write the keywords with a space on each side: a==1 "+w+" b==2")
				return false
			}
		}
		p.unexpected()
		return false
	}
	if strings.EqualFold(w, kw) && w != kw {
		p.syntax(j, word, "the keyword "+quote(w)+" is written in lower case", "write "+kw+", or ';' for and and ',' for or", kw)
		return false
	}
	if w != kw {
		return false // the other keyword: the caller's (an "or" ends a conjunction)
	}
	p.i = k
	return true
}

// unexpected records the fault of the character at p.i, which nothing
// that has been read can be followed by.
func (p *parser) unexpected() {
	i := p.i
	switch c := p.peek(); {
	case i >= len(p.s):
		p.syntax(i, i, "unexpected end of the filter", "")
	case c == ' ':
		p.syntax(i, i+1, "unexpected space", "quote a value that holds spaces ('bill smith'); and/or take a space on each side")
	case c == ')':
		p.syntax(i, i+1, "unexpected ')': no '(' is open", "remove it, or open the group with '('", "")
	case c == '(':
		p.syntax(i, i+1, "unexpected '('", "a group starts a comparison's place: join it with ';' or ','")
	default:
		p.syntax(i, i+1, "unexpected "+describe(p.s, i), "join comparisons with ';' (and) or ',' (or), and quote a value that holds "+describe(p.s, i))
	}
}

// constraint reads a group in parentheses or a comparison.
func (p *parser) constraint() {
	if p.peek() != '(' {
		p.comparison()
		return
	}
	open := p.i
	if p.depth == MaxDepth {
		p.fault(CodeTooDeep, open, open+1, "more than "+strconv.Itoa(MaxDepth)+" nested parentheses", "flatten the groups: ';' and ',' need no parentheses among their own kind")
		p.stopped = true
		return
	}
	p.depth++
	p.i++
	root := len(p.e.Nodes) // where the group's own node will stand
	p.or()
	p.depth--
	if p.stopped {
		return
	}
	if p.peek() != ')' {
		if p.i >= len(p.s) {
			p.syntax(p.i, p.i, "the '(' at "+strconv.Itoa(open)+" is not closed", "add ')'", ")")
			return
		}
		p.unexpected()
		return
	}
	p.i++
	if root < len(p.e.Nodes) { // the group's text includes its parentheses
		p.e.Nodes[root].Pos, p.e.Nodes[root].End = int32(open), int32(p.i)
	}
}

// comparison reads selector operator argument and checks it.
func (p *parser) comparison() {
	start, src, i := p.i, p.s, p.i
	for i < len(src) && !reserved[src[i]] { // locals: p's fields would be reloaded each byte
		i++
	}
	p.i = i
	name := src[start:i]
	if name == "" {
		switch {
		case p.i >= len(p.s):
			p.syntax(p.i, p.i, "expected a comparison such as agentID==bill", "end the filter after a comparison, not after ';', ',' or '('")
		case p.s[p.i] == ')':
			p.syntax(p.i, p.i+1, "expected a comparison before ')'", "a group holds at least one comparison")
		default:
			p.syntax(p.i, p.i+1, "expected a selector, found "+describe(p.s, p.i), "a comparison is selector operator value: agentID==bill")
		}
		return
	}
	if c := name[0]; '0' <= c && c <= '9' && start > 0 && p.s[start-1] == ',' && (p.i >= len(p.s) || !strings.ContainsRune("=!<>", rune(p.s[p.i]))) {
		p.afterComma(start, name) // no operator follows: the rest of a date, not a comparison
		return
	}
	opPos := p.i
	op, ok := p.operator(name)
	if !ok {
		return
	}
	node := Node{Op: op, Pos: int32(start), OpPos: int32(opPos), First: int32(len(p.e.Values))}
	sel := lookupSelector(p.e.Resource, name)
	known := sel >= 0
	if !known {
		msg, hint, sugg := unknownSelector(p.e.Resource, name, p.suggesting())
		p.fault(CodeUnknownSel, start, opPos, msg, hint, sugg...)
	} else {
		node.Sel = uint8(sel)
	}
	var kind Kind
	if known {
		kind = selectorsOf1(p.e.Resource)[sel].Kind
		if !kind.Allows(op) {
			p.fault(CodeOperatorType, opPos, p.i, op.String()+" does not compare "+kind.String()+": "+name+" is "+kind.String(),
				"the operators of "+kind.String()+" are "+opList(kind), opSuggestions(kind)...)
			kind = 0 // its values are not checked
		}
	}
	if p.peek() == '(' {
		if op != In && op != Out {
			p.syntax(p.i, p.i+1, "a list of values follows only =in= or =out=", "write "+name+"=in=(a,b) for any of a list")
			return
		}
		p.i++
		for {
			p.value(kind, op, name)
			if p.stopped {
				return
			}
			if p.peek() == ',' {
				p.i++
				continue
			}
			break
		}
		if p.peek() != ')' {
			if p.i >= len(p.s) {
				p.syntax(p.i, p.i, "the list of "+op.String()+" is not closed", "add ')'", ")")
			} else {
				p.syntax(p.i, p.i+1, describe(p.s, p.i)+" in a list", "separate values with ',' and quote a value that holds reserved characters")
			}
			return
		}
		p.i++
	} else {
		p.value(kind, op, name)
		if p.stopped {
			return
		}
	}
	node.Count = int32(len(p.e.Values)) - node.First
	node.End, node.Size = int32(p.i), 1
	p.e.Nodes = append(p.e.Nodes, node)
}

// afterComma explains a comparison that starts with a digit after a ',':
// the rest of a date whose decimal sign was written ',', or the second end
// of a range written as d= writes it.
func (p *parser) afterComma(start int, name string) {
	if n := len(p.e.Values); n > 0 {
		prev := &p.e.Values[n-1]
		raw := p.e.Raw(prev)
		if int(prev.End) == start-1 && prev.Quote == 0 && len(raw) >= 3 && raw[len(raw)-3] == ':' && isDigits(raw[len(raw)-2:]) {
			p.fault(CodeDecimalComma, start-1, start, "a comma is used as the decimal sign", "write '.': the comma joins alternatives in a filter", ".")
			p.stopped = true
			return
		}
	}
	p.syntax(start, start+len(name), "expected a comparison after ',', found "+quote(name), "a ',' joins comparisons; for a span of dates write startDate=ge=A;startDate=lt=B")
}

// CodeDecimalComma is daterange's code for a comma as the decimal sign.
const CodeDecimalComma = "decimal-comma"

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// operator reads a comparison operator after the selector name.
func (p *parser) operator(name string) (Op, bool) {
	start := p.i
	if start >= len(p.s) {
		p.syntax(start, start, "expected an operator after "+quote(name), "compare with ==, !=, =lt=, =le=, =gt=, =ge=, =in= or =out=")
		return 0, false
	}
	switch p.s[start] {
	case '=':
		j := start + 1
		for j < len(p.s) && 'a' <= p.s[j]|0x20 && p.s[j]|0x20 <= 'z' {
			j++
		}
		if j < len(p.s) && p.s[j] == '=' {
			p.i = j + 1
			if op := lookupOp(p.s[start:p.i]); op != 0 {
				return op, true
			}
			if op := lookupOp(strings.ToLower(p.s[start:p.i])); op != 0 {
				p.syntax(start, p.i, "the operator "+quote(p.s[start:p.i])+" is written in lower case", "", op.String())
				return 0, false
			}
			p.syntax(start, p.i, "unknown operator "+quote(p.s[start:p.i]), "the operators are ==, !=, =lt=, =le=, =gt=, =ge=, =in= and =out=")
			return 0, false
		}
		p.syntax(start, start+1, "'=' alone is no operator", "write == to compare for equality", "==")
		return 0, false
	case '!':
		if start+1 < len(p.s) && p.s[start+1] == '=' {
			p.i = start + 2
			return Ne, true
		}
		p.syntax(start, start+1, "'!' alone is no operator", "write != for not equal", "!=")
		return 0, false
	case '<', '>':
		p.i = start + 1
		if p.peek() == '=' {
			p.i++
		}
		return lookupOp(p.s[start:p.i]), true
	}
	p.syntax(start, start+1, "expected an operator after "+quote(name)+", found "+describe(p.s, start), "compare with ==, !=, =lt=, =le=, =gt=, =ge=, =in= or =out=; quote a value that holds reserved characters")
	return 0, false
}

// opList names the operators of kind k for a hint.
func opList(k Kind) string {
	var b strings.Builder
	for i, o := range k.Operators() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(o.String())
	}
	return b.String()
}

// opSuggestions lists the operators of k, for an operator it does not take.
func opSuggestions(k Kind) []string {
	var out []string
	for _, o := range k.Operators() {
		out = append(out, o.String())
	}
	return out
}

// value reads one value and checks it against kind (0: not checked).
func (p *parser) value(kind Kind, op Op, name string) {
	start := p.i
	v := Value{Pos: int32(start)}
	switch c := p.peek(); c {
	case '\'', '"':
		j := start + 1
		esc := false
		for j < len(p.s) && p.s[j] != c {
			if p.s[j] == '\\' {
				esc = true
				j++
			}
			j++
		}
		if j >= len(p.s) {
			p.syntax(len(p.s), len(p.s), "the quote at "+strconv.Itoa(start)+" is not closed", "close it with "+string(c), string(c))
			return
		}
		v.Quote, v.Esc = c, esc
		p.i = j + 1
	default:
		j, src := start, p.s
		esc := false
		for j < len(src) && !reserved[src[j]] {
			if src[j] == '\\' {
				esc = true
				if j+1 >= len(src) {
					p.syntax(j, j+1, "a '\\' at the end escapes nothing", "write \\\\ for a backslash", "\\\\")
					return
				}
				j++
			}
			j++
		}
		v.Esc = esc
		p.i = j
		if j == start {
			if j < len(p.s) && !strings.ContainsRune(";,) ", rune(p.s[j])) {
				p.syntax(j, j+1, "unexpected "+describe(p.s, j)+" at the start of a value", "quote a value that starts with a reserved character: '"+p.s[j:j+1]+"…'")
				return
			}
		}
	}
	v.End = int32(p.i)
	raw := p.e.Raw(&v)
	if raw == "" {
		p.fault(CodeEmptyValue, start, p.i, "the value of "+quote(name)+" is empty", "give a value; an empty text is not a value")
		p.e.Values = append(p.e.Values, v)
		return
	}
	switch kind {
	case Text:
		v.Wild = (op == Eq || op == Ne) && hasWildcard(raw)
	case Integer:
		text := p.e.TextOf(&v)
		n, ok := parseInt(text)
		if !ok {
			msg, hint, sugg := badInteger(text, name)
			p.fault(CodeBadValue, start, p.i, msg, hint, sugg...)
		}
		v.Int = n
	case Date:
		d, err := daterange.ParseValue(p.e.TextOf(&v))
		if err != nil {
			p.dateFault(err, v)
		}
		v.Date = d
	}
	p.e.Values = append(p.e.Values, v)
}

// dateFault records a date value's fault, its span moved from the value's
// text to the filter's.
func (p *parser) dateFault(err error, v Value) {
	de, ok := err.(*daterange.Error)
	if !ok {
		p.fault(CodeBadValue, int(v.Pos), int(v.End), err.Error(), "")
		return
	}
	start, end := int(v.Pos), int(v.End)
	if de.Pos >= 0 || de.Start != 0 || de.End != len(de.Value) {
		start, end = p.e.rawAt(&v, de.Start), p.e.rawAt(&v, de.End)
	}
	// A suggestion that replaces part of a quoted or escaped value is
	// written as the value's text; the few date fixes hold no reserved
	// character, so they stand unquoted.
	p.fault(de.Code, start, end, de.Msg, de.Hint, de.Suggestions...)
}

// rawAt maps offset d of v's text (TextOf) to the filter's text, through escapes.
func (e *Expr) rawAt(v *Value, d int) int {
	raw := e.Raw(v)
	i, n := 0, 0
	for i < len(raw) && n < d {
		if raw[i] == '\\' && i+1 < len(raw) {
			i++
		}
		i++
		n++
	}
	s, _ := v.rawSpan()
	return s + i
}

// hasWildcard reports whether raw holds a '*' that no '\' escapes.
func hasWildcard(raw string) bool {
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\\':
			i++
		case '*':
			return true
		}
	}
	return false
}

// parseInt reads a decimal integer: an optional '-', then 1 to 18 digits.
func parseInt(s string) (int64, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	if s == "" || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int64(s[i]-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// badInteger explains a value that is no integer; 10m, 2h and 90s suggest
// their seconds.
func badInteger(s, name string) (msg, hint string, sugg []string) {
	msg = quote(s) + " is not an integer"
	hint = name + " takes a decimal integer"
	if name == SelDuration {
		hint = "duration is in whole seconds: 600 for ten minutes"
	}
	if strings.ContainsRune(s, '*') {
		return msg, "wildcards compare text; " + hint, nil
	}
	if len(s) >= 2 && len(s) <= 12 {
		if n, ok := parseInt(s[:len(s)-1]); ok && n >= 0 {
			mult := int64(0)
			switch s[len(s)-1] | 0x20 {
			case 's':
				mult = 1
			case 'm':
				mult = 60
			case 'h':
				mult = 3600
			case 'd':
				mult = 86400
			}
			if mult != 0 {
				return msg, hint, []string{strconv.FormatInt(n*mult, 10)}
			}
		}
	}
	if len(s) > 18 && strings.Trim(s, "-0123456789") == "" {
		return quote(s) + " is out of range", "integers have at most 18 digits", nil
	}
	return msg, hint, nil
}
