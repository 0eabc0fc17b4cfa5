package querybuilder

import (
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/internal/jsonr"
)

// elements are the items of a JSON array, nil when raw is not one.
func elements(raw string) []string {
	if jsonr.Check(raw) != nil {
		return nil
	}
	items, ok := jsonr.Elements(raw)
	if !ok {
		return nil
	}
	return items
}

// written is the filter's text that a rule group becomes, with where each
// rule, group and value of it lies, so that a fault the parser finds in the
// text is placed on its rule and within the rule's value.
type written struct {
	b      []byte
	ranges []keyRange
	values []valueRange
}

// keyRange is the text [start, end] of a rule or a group.
type keyRange struct {
	key        string
	start, end int
}

// valueRange is the text [start, end] of one value of a rule, and off the
// offset in the rule's value of each of its bytes (and of its end).
type valueRange struct {
	key        string
	item       int
	array      bool
	start, end int
	off        []int
}

// writeNode writes n, in parentheses when it is a group inside another.
func (w *written) writeNode(n *fnode, inner bool) {
	start := len(w.b)
	if n.leaf != nil {
		w.writeLeaf(n.leaf)
	} else {
		if inner {
			w.b = append(w.b, '(')
		}
		for i, k := range n.kids {
			if i > 0 {
				w.b = append(w.b, n.op.String()...)
			}
			w.writeNode(k, true)
		}
		if inner {
			w.b = append(w.b, ')')
		}
	}
	w.ranges = append(w.ranges, keyRange{n.key, start, len(w.b)})
}

// writeLeaf writes one rule as its comparisons: between as the pair
// =ge=A;=le=B (both ends included, as react-querybuilder's SQL means it),
// notBetween as its complement, the text operators with wildcards.
func (w *written) writeLeaf(l *leaf) {
	sel := l.sel.Name
	cmp := func(op expr.Op, item int, pre, post string, wild bool) { w.cmp(l, op, item, pre, post, wild) }
	switch l.op {
	case opEq, opNe, opContains, opBeginsWith, opEndsWith, opDoesNotContain, opDoesNotBeginWith, opDoesNotEndWith, opMatches, opDoesNotMatch:
		op := expr.Eq
		switch l.op {
		case opNe, opDoesNotContain, opDoesNotBeginWith, opDoesNotEndWith, opDoesNotMatch:
			op = expr.Ne
		}
		pre, post := "", ""
		switch l.op {
		case opContains, opDoesNotContain:
			pre, post = "*", "*"
		case opBeginsWith, opDoesNotBeginWith:
			post = "*"
		case opEndsWith, opDoesNotEndWith:
			pre = "*"
		}
		cmp(op, 0, pre, post, l.op == opMatches || l.op == opDoesNotMatch)
	case opLt:
		cmp(expr.Lt, 0, "", "", false)
	case opLe:
		cmp(expr.Le, 0, "", "", false)
	case opGt:
		cmp(expr.Gt, 0, "", "", false)
	case opGe:
		cmp(expr.Ge, 0, "", "", false)
	case opIn, opNotIn:
		op := expr.In
		if l.op == opNotIn {
			op = expr.Out
		}
		w.b = append(w.b, sel...)
		w.b = append(w.b, op.String()...)
		w.b = append(w.b, '(')
		for i := range l.vals {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			w.value(l, i, false)
		}
		w.b = append(w.b, ')')
	case opBetween:
		w.b = append(w.b, '(')
		cmp(expr.Ge, 0, "", "", false)
		w.b = append(w.b, ';')
		cmp(expr.Le, 1, "", "", false)
		w.b = append(w.b, ')')
	case opNotBetween:
		w.b = append(w.b, '(')
		cmp(expr.Lt, 0, "", "", false)
		w.b = append(w.b, ',')
		cmp(expr.Gt, 1, "", "", false)
		w.b = append(w.b, ')')
	}
}

// cmp writes one comparison of l's selector with its value item, between
// pre and post (a pattern's stars). Not inlined: its eight callers would
// each cost the browser module a copy (docs/BROWSER.md).
//
//go:noinline
func (w *written) cmp(l *leaf, op expr.Op, item int, pre, post string, wild bool) {
	w.b = append(w.b, l.sel.Name...)
	w.b = append(w.b, op.String()...)
	w.b = append(w.b, pre...)
	w.value(l, item, wild)
	w.b = append(w.b, post...)
}

// reservedChar are the characters a value escapes with '\' (docs/LANGUAGE.md
// §14.1), '*' and '\' among them.
func reservedChar(c byte) bool {
	switch c {
	case '"', '\'', '(', ')', ';', ',', '=', '!', '~', '<', '>', ' ', '*', '\\':
		return true
	}
	return false
}

// value writes value item of l, every reserved character escaped, and
// records where each of its bytes came from. With wild, the value is a
// pattern: '*' stays a wildcard and '\' escapes the next character.
func (w *written) value(l *leaf, item int, wild bool) {
	v := l.vals[item]
	vr := valueRange{key: l.key, item: item, array: l.array, start: len(w.b)}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case wild && c == '*':
		case wild && c == '\\' && i+1 < len(v):
			vr.off = append(vr.off, i)
			w.b = append(w.b, '\\')
			i++
			c = v[i]
		case reservedChar(c):
			vr.off = append(vr.off, i)
			w.b = append(w.b, '\\')
		}
		vr.off = append(vr.off, i)
		w.b = append(w.b, c)
	}
	vr.off = append(vr.off, len(v))
	vr.end = len(w.b)
	w.values = append(w.values, vr)
}

// place finds the rule or group of a fault at [start, end) of the text: the
// innermost one around it, and the span within the value it lies in.
func (w *written) place(start, end int) (key string, span *ValueSpan) {
	best := -1
	for i, r := range w.ranges {
		if r.start <= start && start <= r.end && (best < 0 || r.end-r.start < w.ranges[best].end-w.ranges[best].start) {
			best = i
		}
	}
	if best >= 0 {
		key = w.ranges[best].key
	}
	for _, v := range w.values {
		if v.key == key && v.start <= start && start <= v.end {
			at := func(x int) int { return v.off[min(max(x-v.start, 0), len(v.off)-1)] }
			return key, &ValueSpan{Item: v.item, Start: at(start), End: at(max(start, end))}
		}
	}
	return key, nil
}
