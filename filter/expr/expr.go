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

// Value is one argument of a comparison. Raw is the text as written
// between its quotes, escapes kept (Text removes them); a text value's Wild
// says that it holds wildcards, which Pattern splits. Int and Date hold an
// integer's and a date's reading.
type Value struct {
	Raw      string
	Pos, End int32 // the value's text, quotes included
	Quote    byte  // 0, '\'' or '"'
	Wild     bool  // an unescaped * in a text value of == or != (docs/LANGUAGE.md §14.7)
	Esc      bool  // Raw holds a '\'
	Int      int64
	Date     daterange.Value
}

// Text returns the text the value denotes: Raw without its escapes (\x is
// x). Without escapes it is Raw itself; with them it is a new string.
func (v *Value) Text() string {
	if !v.Esc {
		return v.Raw
	}
	b := make([]byte, 0, len(v.Raw))
	for i := 0; i < len(v.Raw); i++ {
		if v.Raw[i] == '\\' && i+1 < len(v.Raw) {
			i++
		}
		b = append(b, v.Raw[i])
	}
	return string(b)
}

// rawOffset is where Raw starts in the filter's text.
func (v *Value) rawOffset() int {
	if v.Quote != 0 {
		return int(v.Pos) + 1
	}
	return int(v.Pos)
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
