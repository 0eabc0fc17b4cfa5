package expr

import (
	"github.com/recq/recq/daterange"
)

// Expr is a parsed filter: its nodes in prefix order (Nodes[0] is the root;
// a group's children follow it, each child's subtree Size nodes long), and
// the values of every comparison, in the order written. Groups are flat: an
// And never has an And child and an Or never has an Or child, as the
// canonical form writes them (docs/LANGUAGE.md §14.5).
//
// Offsets are bytes of Text, the filter's value after percent-decoding.
// An Expr built by hand is checked with [Expr.Check].
type Expr struct {
	Resource Resource
	Text     string // the decoded text the values point into; "" for an Expr built by hand
	Nodes    []Node
	Values   []Value
}

// Node is a group (And, Or) or a comparison. A comparison's values are
// Values[First : First+Count].
type Node struct {
	Op       Op
	Sel      uint8 // the selector's index in Selectors(Resource), for a comparison
	Size     int32 // the nodes of this subtree, this one included
	Pos, End int32 // the node's text: from its selector to its last value, or its parentheses when it stands in a pair of its own
	OpPos    int32 // where a comparison's operator is written
	First    int32
	Count    int32
}

// Value is one argument of a comparison, written at Text[Pos:End] (quotes
// included): Expr.Raw gives it as written between its quotes, escapes kept,
// and Expr.TextOf the text it denotes. A text value's Wild says that it
// holds wildcards, which Expr.Pattern splits. Int and Date hold an
// integer's and a date's reading. A Value holds no pointer, so a filter of
// thousands of values costs the garbage collector nothing to scan.
type Value struct {
	Pos, End int32 // the value's text, quotes included
	Quote    byte  // 0, '\'' or '"'
	Wild     bool  // an unescaped * in a text value of == or != (docs/LANGUAGE.md §14.7)
	Esc      bool  // Raw holds a '\'
	Int      int64
	Date     daterange.Value
}

// Raw returns value v as written between its quotes, escapes kept.
func (e *Expr) Raw(v *Value) string {
	s, t := v.rawSpan()
	if s < 0 || t > len(e.Text) || s > t {
		return ""
	}
	return e.Text[s:t]
}

// TextOf returns the text value v denotes: Raw without its escapes (\x is
// x). Without escapes it is Raw itself; with them it is a new string.
func (e *Expr) TextOf(v *Value) string {
	raw := e.Raw(v)
	if !v.Esc {
		return raw
	}
	b := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+1 < len(raw) {
			i++
		}
		b = append(b, raw[i])
	}
	return string(b)
}

// rawSpan is where v's raw text lies in the filter's text.
func (v *Value) rawSpan() (start, end int) {
	if v.Quote != 0 {
		return int(v.Pos) + 1, int(v.End) - 1
	}
	return int(v.Pos), int(v.End)
}

// Selector returns the selector of comparison n.
func (e *Expr) Selector(n *Node) Selector { return selectorsOf1(e.Resource)[n.Sel] }

// Args returns the values of comparison n.
func (e *Expr) Args(n *Node) []Value { return e.Values[n.First : n.First+n.Count] }

// Children returns the indexes in Nodes of group i's children.
func (e *Expr) Children(i int) []int {
	var out []int
	for j := i + 1; j < i+int(e.Nodes[i].Size); j += int(e.Nodes[j].Size) {
		out = append(out, j)
	}
	return out
}

// Empty reports whether e holds no expression.
func (e *Expr) Empty() bool { return e == nil || len(e.Nodes) == 0 }
