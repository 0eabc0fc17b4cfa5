package expr

import (
	"errors"
	"unicode/utf8"
)

// Check reports whether e has the shape Parse gives, so that its canonical
// text reads back as e: groups of two or more branches, none of its own
// operator; comparisons whose selector exists and takes the operator, with
// one value (a list only for =in= and =out=); text values that are UTF-8
// without control characters and end in no lone '\'. It allocates nothing
// on a valid Expr, so that validating a query stays free.
func (e *Expr) Check() error {
	if e.Empty() {
		return nil
	}
	if int(e.Nodes[0].Size) != len(e.Nodes) {
		return errors.New("the root's Size is not the number of nodes")
	}
	return e.checkNode(0, 0)
}

var (
	errSize     = errors.New("a node's Size runs past its parent")
	errGroup    = errors.New("a group has fewer than two branches, or a branch of its own operator")
	errOp       = errors.New("a node has no operator")
	errSelector = errors.New("a comparison names no selector of the resource")
	errKind     = errors.New("a comparison's operator does not compare its selector's kind")
	errValues   = errors.New("a comparison's values are out of range, or a list stands after an operator that takes one value")
	errText     = errors.New("a text value is empty, not UTF-8, holds a control character or ends in a lone '\\'")
)

func (e *Expr) checkNode(i int, parent Op) error {
	n := &e.Nodes[i]
	if n.Size < 1 || i+int(n.Size) > len(e.Nodes) {
		return errSize
	}
	switch n.Op {
	case And, Or:
		k := 0
		for j := i + 1; j < i+int(n.Size); j += int(e.Nodes[j].Size) {
			if e.Nodes[j].Op == n.Op || e.Nodes[j].Size < 1 {
				return errGroup
			}
			if err := e.checkNode(j, n.Op); err != nil {
				return err
			}
			k++
		}
		if k < 2 {
			return errGroup
		}
		return nil
	}
	if !n.Op.IsComparison() {
		return errOp
	}
	if n.Size != 1 {
		return errSize
	}
	sels := selectorsOf1(e.Resource)
	if int(n.Sel) >= len(sels) {
		return errSelector
	}
	kind := sels[n.Sel].Kind
	if !kind.Allows(n.Op) {
		return errKind
	}
	if n.First < 0 || n.Count < 1 || int(n.First+n.Count) > len(e.Values) || n.Count > 1 && n.Op != In && n.Op != Out {
		return errValues
	}
	if kind != Text {
		return nil
	}
	for k := range e.Args(n) {
		v := &e.Args(n)[k]
		if s, t := v.rawSpan(); s < 0 || t > len(e.Text) || s > t || int(v.End) > len(e.Text) || !validRaw(e.Raw(v)) {
			return errText
		}
	}
	return nil
}

// validRaw reports whether a text value's raw form can be written back.
func validRaw(raw string) bool {
	if raw == "" {
		return false
	}
	lone := false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(raw[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
			i += size - 1
			lone = false
			continue
		}
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c == '\\' {
			lone = !lone
		} else {
			lone = false
		}
	}
	return !lone
}
