package expr

import (
	"math"
	"strings"
	"time"
	"unsafe"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/record"
)

// program is a compiled filter: one instruction per node, in prefix order,
// each holding what its comparison needs already resolved (instants,
// integers, the text test and where the field lies in the record), run by
// one switch. Matching a record calls no closure per comparison, parses
// nothing and allocates nothing.
type program struct {
	ins             []instr
	start, duration uintptr
	rootLeaf        bool // the filter is one comparison
}

// What an instruction reads.
const (
	readAnd uint8 = iota
	readOr
	readStart    // startDate
	readFinish   // startDate + duration
	readDuration // duration
	readText     // a text field
	readEntries  // any entry of a nested list
)

// How group runs an instruction.
const (
	fastGroup uint8 = iota
	fastLeaf
	fastDate // a startDate span
	fastInt  // a duration span
	fastText // an exact text
)

// How an instruction tests a text.
const (
	textExact uint8 = iota
	textPrefix
	textSuffix
	textContains
	textPieces // first*mid…*last
	textSet    // one of a list
)

type instr struct {
	// What group reads for the common comparisons comes first, so that it
	// lies in the instruction's first cache line.
	fast           uint8 // how group runs it: fastDate, fastInt, fastText without a call, else fastLeaf or fastGroup
	negate         bool  // != and =out=: the complement of == and =in=
	hasLo, hasHi   bool
	size           int32 // the nodes of the subtree, to skip it
	loSec, hiSec   int64 // a date span's ends as Unix seconds and nanoseconds
	loNsec, hiNsec int
	min, max       int64   // an integer's span, both ends included
	off            uintptr // a text field's offset, or the entries' list's
	text           string

	read uint8
	op   Op
	mode uint8 // the text test
	part int   // which string of an entry
	from time.Time
	to   time.Time
	// A date comparison of one value as a span [lo, hi) of instants (an
	// open end where hasLo or hasHi is false), and an integer's as min ≤ d
	// ≤ max: every operator but =in= and =out= is such a span or, with
	// negate, its complement.
	lo, hi time.Time
	n      int64
	pieces []string
	wins   []daterange.Window
	ints   []int64
	set    map[string]struct{} // textSet of many values
	list   []string            // textSet of a few
}

// newProgram compiles e against the windows of its dates (e.Resolve's answer).
func newProgram(e *Expr, w []daterange.Window, l *layout) *program {
	p := &program{ins: make([]instr, len(e.Nodes)), start: l.start, duration: l.duration}
	for i := range e.Nodes {
		n := &e.Nodes[i]
		in := &p.ins[i]
		in.size, in.op = n.Size, n.Op
		switch n.Op {
		case And:
			in.read = readAnd
			continue
		case Or:
			in.read = readOr
			continue
		}
		sel := e.Selector(n)
		args := e.Args(n)
		in.negate = n.Op == Ne || n.Op == Out
		switch sel.Kind {
		case Date:
			in.read = readStart
			if sel.Name == SelFinishDate {
				in.read = readFinish
			}
			ws := w[n.First : n.First+n.Count]
			in.from, in.to, in.wins = ws[0].From, ws[0].To, ws
			switch n.Op {
			case Eq, Ne:
				in.lo, in.hasLo, in.hi, in.hasHi = ws[0].From, true, ws[0].To, true
			case Lt:
				in.hi, in.hasHi = ws[0].From, true
			case Ge:
				in.lo, in.hasLo = ws[0].From, true
			case Gt:
				in.lo, in.hasLo = ws[0].To, true
			case Le:
				in.hi, in.hasHi = ws[0].To, true
			}
			in.loSec, in.loNsec, in.hiSec, in.hiNsec = in.lo.Unix(), in.lo.Nanosecond(), in.hi.Unix(), in.hi.Nanosecond()
		case Integer:
			in.read = readDuration
			in.n = args[0].Int
			in.min, in.max = math.MinInt64, math.MaxInt64
			switch x := args[0].Int; n.Op {
			case Eq, Ne:
				in.min, in.max = x, x
			case Lt:
				in.max = x - 1
			case Le:
				in.max = x
			case Gt:
				in.min = x + 1
			case Ge:
				in.min = x
			}
			for k := range args {
				in.ints = append(in.ints, args[k].Int)
			}
		default:
			in.read = readText
			in.off = l.text(sel.Name)
			if sel.Any {
				in.read, in.off = readEntries, l.entries
				if sel.Name == l.parts[1] {
					in.part = 1
				}
			}
			in.compileText(e, n.Op, args)
		}
	}
	for i := range p.ins {
		in := &p.ins[i]
		switch {
		case in.read <= readOr:
			in.fast = fastGroup
		case in.op == In || in.op == Out:
			in.fast = fastLeaf
		case in.read == readStart:
			in.fast = fastDate
		case in.read == readDuration:
			in.fast = fastInt
		case in.read == readText && in.mode == textExact:
			in.fast = fastText
		default:
			in.fast = fastLeaf
		}
	}
	p.rootLeaf = p.ins[0].read > readOr
	if !p.rootLeaf {
		p.ins = p.mergeSpans(make([]instr, 0, len(p.ins)), 0)
	}
	return p
}

// mergeSpans copies the subtree at i into out, the comparisons of an And
// that are startDate spans intersected into the first of them, and those
// that are duration spans into the first of theirs (none negated): the
// rest are left out. startDate=ge=A;startDate=lt=B, the common shape of a
// date range (and of a query builder's between), then costs one test.
// Only group runs a merged instruction, through its span (fastDate,
// fastInt), never through its operator.
func (p *program) mergeSpans(out []instr, i int) []instr {
	in := &p.ins[i]
	at := len(out)
	out = append(out, *in)
	if in.read > readOr {
		return out
	}
	date, dur := -1, -1
	for j := i + 1; j < i+int(in.size); j += int(p.ins[j].size) {
		c := &p.ins[j]
		if in.read == readAnd && !c.negate {
			switch {
			case c.fast == fastDate && date >= 0:
				out[date].intersectDate(c)
				continue
			case c.fast == fastInt && dur >= 0:
				out[dur].min, out[dur].max = max(out[dur].min, c.min), min(out[dur].max, c.max)
				continue
			case c.fast == fastDate:
				date = len(out)
			case c.fast == fastInt:
				dur = len(out)
			}
		}
		out = p.mergeSpans(out, j)
	}
	out[at].size = int32(len(out) - at)
	return out
}

// intersectDate narrows in's startDate span to its intersection with c's.
func (in *instr) intersectDate(c *instr) {
	if c.hasLo && (!in.hasLo || c.loSec > in.loSec || c.loSec == in.loSec && c.loNsec > in.loNsec) {
		in.hasLo, in.loSec, in.loNsec = true, c.loSec, c.loNsec
	}
	if c.hasHi && (!in.hasHi || c.hiSec < in.hiSec || c.hiSec == in.hiSec && c.hiNsec < in.hiNsec) {
		in.hasHi, in.hiSec, in.hiNsec = true, c.hiSec, c.hiNsec
	}
}

// compileText picks the text test of a comparison.
func (in *instr) compileText(e *Expr, op Op, args []Value) {
	if op == In || op == Out {
		in.mode = textSet
		for k := range args {
			in.list = append(in.list, e.TextOf(&args[k]))
		}
		if len(in.list) > 8 {
			in.set = make(map[string]struct{}, len(in.list))
			for _, s := range in.list {
				in.set[s] = struct{}{}
			}
		}
		return
	}
	v := &args[0]
	if !v.Wild {
		in.mode, in.text = textExact, e.TextOf(v)
		return
	}
	p := e.Pattern(v)
	first, last, mid := p[0], p[len(p)-1], p[1:len(p)-1]
	switch {
	case len(mid) == 0 && last == "":
		in.mode, in.text = textPrefix, first
	case len(mid) == 0 && first == "":
		in.mode, in.text = textSuffix, last
	case len(mid) == 1 && first == "" && last == "":
		in.mode, in.text = textContains, mid[0]
	default:
		in.mode, in.pieces = textPieces, p
	}
}

// group runs an And or an Or: its comparisons directly, its groups by
// recursion, skipping each child's subtree by its size.
func (p *program) group(i int, r unsafe.Pointer) bool {
	and := p.ins[i].read == readAnd
	end := i + int(p.ins[i].size)
	ins := p.ins[:end]
	for j := i + 1; j < end; {
		in := &ins[j]
		var ok bool
		switch in.fast { // the common comparisons run here, without a call
		case fastDate:
			t := (*time.Time)(unsafe.Add(r, p.start))
			sec, nsec := t.Unix(), t.Nanosecond()
			ok = ((!in.hasLo || sec > in.loSec || sec == in.loSec && nsec >= in.loNsec) &&
				(!in.hasHi || sec < in.hiSec || sec == in.hiSec && nsec < in.hiNsec)) != in.negate
		case fastInt:
			d := int64(*(*int)(unsafe.Add(r, p.duration)))
			ok = (in.min <= d && d <= in.max) != in.negate
		case fastText:
			ok = (*(*string)(unsafe.Add(r, in.off)) == in.text) != in.negate
		case fastLeaf:
			ok = p.leaf(in, r)
		default:
			ok = p.group(j, r)
		}
		if ok != and {
			return ok
		}
		j += int(in.size)
	}
	return and
}

// leaf runs one comparison.
func (p *program) leaf(in *instr, r unsafe.Pointer) bool {
	switch in.read {
	case readStart:
		return in.date((*time.Time)(unsafe.Add(r, p.start)))
	case readFinish:
		end := record.Finish(*(*time.Time)(unsafe.Add(r, p.start)), *(*int)(unsafe.Add(r, p.duration)))
		return in.date(&end)
	case readDuration:
		return in.integer(int64(*(*int)(unsafe.Add(r, p.duration))))
	case readText:
		return in.textTest(*(*string)(unsafe.Add(r, in.off))) != in.negate
	}
	entries := *(*[]entry)(unsafe.Add(r, in.off))
	for k := range entries {
		if in.textTest(entries[k][in.part]) {
			return !in.negate
		}
	}
	return in.negate // no entry matches: the complement holds
}

// date compares an instant with the window of the value (docs/LANGUAGE.md
// §14.3): ==X within [start, end), =lt=X before start, =ge=X from start,
// =gt=X from end, =le=X before end, =in= within any window.
func (in *instr) date(tp *time.Time) bool {
	t := *tp
	switch in.op {
	case Eq:
		return !t.Before(in.from) && t.Before(in.to)
	case Ne:
		return t.Before(in.from) || !t.Before(in.to)
	case Lt:
		return t.Before(in.from)
	case Ge:
		return !t.Before(in.from)
	case Gt:
		return !t.Before(in.to)
	case Le:
		return t.Before(in.to)
	}
	for _, w := range in.wins {
		if !t.Before(w.From) && t.Before(w.To) {
			return !in.negate
		}
	}
	return in.negate
}

// integer compares a duration with the values.
func (in *instr) integer(d int64) bool {
	switch in.op {
	case Eq:
		return d == in.n
	case Ne:
		return d != in.n
	case Lt:
		return d < in.n
	case Le:
		return d <= in.n
	case Gt:
		return d > in.n
	case Ge:
		return d >= in.n
	}
	for _, x := range in.ints {
		if d == x {
			return !in.negate
		}
	}
	return in.negate
}

// textTest is the positive test of a text (==, =in=); negate gives the
// complement.
func (in *instr) textTest(s string) bool {
	switch in.mode {
	case textExact:
		return s == in.text
	case textPrefix:
		return strings.HasPrefix(s, in.text)
	case textSuffix:
		return strings.HasSuffix(s, in.text)
	case textContains:
		return strings.Contains(s, in.text)
	case textPieces:
		return matchPieces(s, in.pieces[0], in.pieces[1:len(in.pieces)-1], in.pieces[len(in.pieces)-1])
	}
	if in.set != nil {
		_, ok := in.set[s]
		return ok
	}
	for _, x := range in.list {
		if s == x {
			return true
		}
	}
	return false
}
