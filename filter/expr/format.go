package expr

import (
	"strconv"
	"unsafe"
)

// AppendText appends the canonical form of e (docs/LANGUAGE.md §14.5): the
// FIQL spellings, ';' and ',' without spaces, parentheses only around an
// Or inside an And, =in= and =out= lists always in parentheses, values
// unquoted unless they hold a reserved character (then in '…'), dates in
// their canonical form and integers without leading zeros. The text is the
// decoded filter: package filter percent-encodes it for a query string.
func (e *Expr) AppendText(b []byte) []byte {
	if e.Empty() {
		return b
	}
	return e.appendNode(b, 0, 0, false)
}

// AppendQuery appends the canonical form of e percent-encoded as the value
// of filter= in a query string (docs/LANGUAGE.md §14.5): as a query's other
// values are, but '=' stays as it is and ';' is %3B (Go's net/url refuses a
// raw ';' in a query). Selector names, operators, parentheses and ',' need
// no escape, so only the values and the ';' are looked at.
func (e *Expr) AppendQuery(b []byte) []byte {
	if e.Empty() {
		return b
	}
	return e.appendNode(b, 0, 0, true)
}

// String returns the canonical form of e.
func (e *Expr) String() string {
	var buf [128]byte
	return string(e.AppendText(buf[:0]))
}

func (e *Expr) appendNode(b []byte, i int, parent Op, query bool) []byte {
	n := &e.Nodes[i]
	if n.Op == And || n.Op == Or {
		paren := n.Op == Or && parent == And
		if paren {
			b = append(b, '(')
		}
		for j := i + 1; j < i+int(n.Size); j += int(e.Nodes[j].Size) {
			switch {
			case j == i+1:
			case n.Op == Or:
				b = append(b, ',')
			case query:
				b = append(b, "%3B"...)
			default:
				b = append(b, ';')
			}
			b = e.appendNode(b, j, n.Op, query)
		}
		if paren {
			b = append(b, ')')
		}
		return b
	}
	sel := e.Selector(n)
	b = append(b, sel.Name...)
	b = append(b, n.Op.String()...)
	args := e.Args(n)
	list := n.Op == In || n.Op == Out
	if list {
		b = append(b, '(')
	}
	for k := range args {
		if k > 0 {
			b = append(b, ',')
		}
		v := &args[k]
		switch raw := e.Raw(v); {
		case !query:
			b = appendValue(b, raw, v, sel.Kind, n.Op)
		case sel.Kind == Text && v.Quote == 0 && !v.Esc:
			b = appendQueryEscaped(b, raw) // canonical as written (appendValue)
		default: // an integer or a date, a quoted or escaped text
			from := len(b)
			if b = appendValue(b, raw, v, sel.Kind, n.Op); !keptAll(b[from:]) {
				// A date's offset ('+'), or a text's quotes and spaces:
				// escaped from a copy, which is rare.
				var tmp [64]byte
				t := append(tmp[:0], b[from:]...)
				b = appendQueryEscaped(b[:from], unsafe.String(unsafe.SliceData(t), len(t)))
			}
		}
	}
	if list {
		b = append(b, ')')
	}
	return b
}

// appendValue writes one value in canonical form.
func appendValue(b []byte, raw string, v *Value, k Kind, op Op) []byte {
	switch k {
	case Integer:
		return strconv.AppendInt(b, v.Int, 10)
	case Date:
		b, _ = v.Date.AppendText(b)
		return b
	}
	if v.Quote == 0 && !v.Esc {
		// Unquoted without escapes, a value holds no reserved character
		// and every '*' means what it is written as: it is canonical.
		return append(b, raw...)
	}
	wild := op == Eq || op == Ne
	quoted := false
	eachChar(raw, wild, func(c byte, star bool) {
		if !star && reserved[c] {
			quoted = true
		}
	})
	if quoted {
		b = append(b, '\'')
	}
	eachChar(raw, wild, func(c byte, star bool) {
		switch {
		case star:
		case c == '\\' || c == '*' && wild || c == '\'' && quoted:
			b = append(b, '\\')
		}
		b = append(b, c)
	})
	if quoted {
		b = append(b, '\'')
	}
	return b
}

// eachChar calls f with each character that raw denotes, and whether it is
// a wildcard: an unescaped '*' where wild is true.
func eachChar(raw string, wild bool, f func(c byte, star bool)) {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\\' && i+1 < len(raw) {
			i++
			f(raw[i], false)
			continue
		}
		f(c, c == '*' && wild)
	}
}

// Pattern returns the literal pieces of a wildcard value, split at its
// wildcards: "b*ll\*" gives ["b", "ll*"]. A value without wildcards is one
// piece, its text.
func (e *Expr) Pattern(v *Value) []string {
	if !v.Wild {
		return []string{e.TextOf(v)}
	}
	var out []string
	var cur []byte
	eachChar(e.Raw(v), true, func(c byte, star bool) {
		if star {
			out = append(out, string(cur))
			cur = cur[:0]
			return
		}
		cur = append(cur, c)
	})
	return append(out, string(cur))
}
