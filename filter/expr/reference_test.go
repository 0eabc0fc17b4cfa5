package expr_test

import (
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
)

// evalRef is the reference interpreter of docs/LANGUAGE.md §14.3: it walks
// the tree for each record, resolves each date value when it meets it, and
// matches wildcards by backtracking over the raw value. It is slow and
// plain on purpose: the compiled predicate is held to it.
func evalRef(e *expr.Expr, i int, f *record.File, now time.Time, loc *time.Location) bool {
	n := &e.Nodes[i]
	switch n.Op {
	case expr.And:
		for _, j := range e.Children(i) {
			if !evalRef(e, j, f, now, loc) {
				return false
			}
		}
		return true
	case expr.Or:
		for _, j := range e.Children(i) {
			if evalRef(e, j, f, now, loc) {
				return true
			}
		}
		return false
	}
	sel := e.Selector(n)
	args := e.Args(n)
	// one reports whether the comparison holds against one value, for the
	// positive operators; the others are their complements.
	var one func(v *expr.Value) bool
	pos := n.Op
	switch n.Op {
	case expr.Ne:
		pos = expr.Eq
	case expr.Out:
		pos = expr.In
	}
	switch sel.Kind {
	case expr.Date:
		t := f.StartDate
		if sel.Name == "finishDate" {
			t = f.StartDate.Add(time.Duration(f.Duration) * time.Second)
		}
		one = func(v *expr.Value) bool {
			w := v.Date.Interval(now, loc)
			in := !t.Before(w.From) && t.Before(w.To)
			switch pos {
			case expr.Lt:
				return t.Before(w.From)
			case expr.Ge:
				return !t.Before(w.From)
			case expr.Gt:
				return !t.Before(w.To)
			case expr.Le:
				return t.Before(w.To)
			}
			return in
		}
	case expr.Integer:
		d := int64(f.Duration)
		one = func(v *expr.Value) bool {
			switch pos {
			case expr.Lt:
				return d < v.Int
			case expr.Le:
				return d <= v.Int
			case expr.Gt:
				return d > v.Int
			case expr.Ge:
				return d >= v.Int
			}
			return d == v.Int
		}
	default:
		var texts []string
		switch sel.Name {
		case "transactionCode.name":
			for _, c := range f.TransactionCodes {
				texts = append(texts, c.Name)
			}
		case "transactionCode.listName":
			for _, c := range f.TransactionCodes {
				texts = append(texts, c.ListName)
			}
		default:
			texts = []string{record.FileText(sel.Name)(f)}
		}
		wild := n.Op == expr.Eq || n.Op == expr.Ne
		one = func(v *expr.Value) bool {
			for _, s := range texts {
				if globRef(e.Raw(v), s, wild) {
					return true
				}
			}
			return false
		}
	}
	any := false
	for k := range args {
		if one(&args[k]) {
			any = true
		}
	}
	if n.Op == expr.Ne || n.Op == expr.Out {
		return !any
	}
	return any
}

// globRef matches s against a raw value: \x is x, and an unescaped * is
// any run of characters where wild is true; by plain backtracking.
func globRef(raw, s string, wild bool) bool {
	if raw == "" {
		return s == ""
	}
	c := raw[0]
	if c == '\\' && len(raw) > 1 {
		return s != "" && s[0] == raw[1] && globRef(raw[2:], s[1:], wild)
	}
	if c == '*' && wild {
		for i := 0; i <= len(s); i++ {
			if globRef(raw[1:], s[i:], wild) {
				return true
			}
		}
		return false
	}
	return s != "" && s[0] == c && globRef(raw[1:], s[1:], wild)
}

// compiled evaluates e over f with the package's own predicate.
func compiled(e *expr.Expr, f *record.File, now time.Time, loc *time.Location) bool {
	return expr.CompileFiles(e, e.Resolve(now, loc))(f)
}

var _ = daterange.Window{}
