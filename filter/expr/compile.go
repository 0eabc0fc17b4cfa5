package expr

import (
	"strings"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/record"
)

// CompileFiles returns the predicate of e over files, its dates bound to w
// (e.Resolve's answer): a tree of closures built once, so that matching a
// record walks no syntax, parses nothing and allocates nothing.
func CompileFiles(e *Expr, w []daterange.Window) func(*record.File) bool {
	return compile(e, w, fileAccess)
}

// CompileTranscripts is CompileFiles for transcripts.
func CompileTranscripts(e *Expr, w []daterange.Window) func(*record.Transcript) bool {
	return compile(e, w, transcriptAccess)
}

// access reads the parts of a record that selectors name.
type access[R any] struct {
	start    func(*R) time.Time
	duration func(*R) int
	text     func(name string) func(*R) string
	entries  func(name string) func(*R, func(string) bool) bool // any entry whose part satisfies f
}

var fileAccess = access[record.File]{
	start:    func(f *record.File) time.Time { return f.StartDate },
	duration: func(f *record.File) int { return f.Duration },
	text:     record.FileText,
	entries: func(name string) func(*record.File, func(string) bool) bool {
		if name == SelTCListName {
			return func(f *record.File, ok func(string) bool) bool {
				for i := range f.TransactionCodes {
					if ok(f.TransactionCodes[i].ListName) {
						return true
					}
				}
				return false
			}
		}
		return func(f *record.File, ok func(string) bool) bool {
			for i := range f.TransactionCodes {
				if ok(f.TransactionCodes[i].Name) {
					return true
				}
			}
			return false
		}
	},
}

var transcriptAccess = access[record.Transcript]{
	start:    func(t *record.Transcript) time.Time { return t.StartDate },
	duration: func(t *record.Transcript) int { return t.Duration },
	text:     record.TranscriptText,
	entries: func(name string) func(*record.Transcript, func(string) bool) bool {
		if name == SelMetaName {
			return func(t *record.Transcript, ok func(string) bool) bool {
				for i := range t.MetaData {
					if ok(t.MetaData[i].FieldName) {
						return true
					}
				}
				return false
			}
		}
		return func(t *record.Transcript, ok func(string) bool) bool {
			for i := range t.MetaData {
				if ok(t.MetaData[i].FieldValue) {
					return true
				}
			}
			return false
		}
	},
}

func compile[R any](e *Expr, w []daterange.Window, a access[R]) func(*R) bool {
	if e.Empty() {
		return func(*R) bool { return true }
	}
	return compileNode(e, 0, w, a)
}

func compileNode[R any](e *Expr, i int, w []daterange.Window, a access[R]) func(*R) bool {
	n := &e.Nodes[i]
	switch n.Op {
	case And, Or:
		var kids []func(*R) bool
		for j := i + 1; j < i+int(n.Size); j += int(e.Nodes[j].Size) {
			kids = append(kids, compileNode(e, j, w, a))
		}
		return group(n.Op, kids)
	}
	sel := e.Selector(n)
	args := e.Args(n)
	switch sel.Kind {
	case Date:
		start := a.start
		get := start
		if sel.Name == SelFinishDate {
			dur := a.duration
			get = func(r *R) time.Time { return record.Finish(start(r), dur(r)) }
		}
		return dateMatch(n.Op, w[n.First:n.First+n.Count], get)
	case Integer:
		ints := make([]int64, len(args))
		for k := range args {
			ints[k] = args[k].Int
		}
		dur := a.duration
		return intMatch(n.Op, ints, func(r *R) int64 { return int64(dur(r)) })
	}
	ok := textMatch(n.Op, args)
	if sel.Any {
		entries := a.entries(sel.Name)
		if n.Op == Ne || n.Op == Out { // no entry matches the positive form
			pos := textMatch(n.Op.Complement(), args)
			return func(r *R) bool { return !entries(r, pos) }
		}
		return func(r *R) bool { return entries(r, ok) }
	}
	get := a.text(sel.Name)
	return func(r *R) bool { return ok(get(r)) }
}

// group joins compiled branches; two branches, the common case, are joined
// without a loop.
func group[R any](op Op, kids []func(*R) bool) func(*R) bool {
	if len(kids) == 2 {
		x, y := kids[0], kids[1]
		if op == And {
			return func(r *R) bool { return x(r) && y(r) }
		}
		return func(r *R) bool { return x(r) || y(r) }
	}
	if op == And {
		return func(r *R) bool {
			for _, k := range kids {
				if !k(r) {
					return false
				}
			}
			return true
		}
	}
	return func(r *R) bool {
		for _, k := range kids {
			if k(r) {
				return true
			}
		}
		return false
	}
}

// dateMatch compares an instant with the windows of the values
// (docs/LANGUAGE.md §14.3): ==X within [start, end), =lt=X before start,
// =ge=X from start, =gt=X from end, =le=X before end.
func dateMatch[R any](op Op, w []daterange.Window, get func(*R) time.Time) func(*R) bool {
	x := w[0]
	switch op {
	case Eq:
		return func(r *R) bool { t := get(r); return !t.Before(x.From) && t.Before(x.To) }
	case Ne:
		return func(r *R) bool { t := get(r); return t.Before(x.From) || !t.Before(x.To) }
	case Lt:
		return func(r *R) bool { return get(r).Before(x.From) }
	case Ge:
		return func(r *R) bool { return !get(r).Before(x.From) }
	case Gt:
		return func(r *R) bool { return !get(r).Before(x.To) }
	case Le:
		return func(r *R) bool { return get(r).Before(x.To) }
	}
	in := func(t time.Time) bool {
		for _, x := range w {
			if !t.Before(x.From) && t.Before(x.To) {
				return true
			}
		}
		return false
	}
	if op == In {
		return func(r *R) bool { return in(get(r)) }
	}
	return func(r *R) bool { return !in(get(r)) }
}

// intMatch compares an integer with the values.
func intMatch[R any](op Op, v []int64, get func(*R) int64) func(*R) bool {
	x := v[0]
	switch op {
	case Eq:
		return func(r *R) bool { return get(r) == x }
	case Ne:
		return func(r *R) bool { return get(r) != x }
	case Lt:
		return func(r *R) bool { return get(r) < x }
	case Le:
		return func(r *R) bool { return get(r) <= x }
	case Gt:
		return func(r *R) bool { return get(r) > x }
	case Ge:
		return func(r *R) bool { return get(r) >= x }
	}
	in := func(n int64) bool {
		for _, y := range v {
			if n == y {
				return true
			}
		}
		return false
	}
	if op == In {
		return func(r *R) bool { return in(get(r)) }
	}
	return func(r *R) bool { return !in(get(r)) }
}

// textMatch returns the test of one text against the values: == and != with
// wildcards, =in= and =out= exactly.
func textMatch(op Op, args []Value) func(string) bool {
	switch op {
	case Eq, Ne:
		m := wildMatcher(&args[0])
		if op == Ne {
			return func(s string) bool { return !m(s) }
		}
		return m
	}
	set := make([]string, len(args))
	for k := range args {
		set[k] = args[k].Text()
	}
	in := func(s string) bool {
		for _, x := range set {
			if s == x {
				return true
			}
		}
		return false
	}
	if len(set) > 8 {
		m := make(map[string]struct{}, len(set))
		for _, x := range set {
			m[x] = struct{}{}
		}
		in = func(s string) bool { _, ok := m[s]; return ok }
	}
	if op == In {
		return in
	}
	return func(s string) bool { return !in(s) }
}

// wildMatcher returns the test of a text against a value of == that may
// hold wildcards: exact, a prefix (b*), a suffix (*b), a substring (*b*),
// or pieces in order.
func wildMatcher(v *Value) func(string) bool {
	if !v.Wild {
		want := v.Text()
		return func(s string) bool { return s == want }
	}
	p := v.Pattern()
	first, last, mid := p[0], p[len(p)-1], p[1:len(p)-1]
	switch {
	case len(mid) == 0 && last == "":
		return func(s string) bool { return strings.HasPrefix(s, first) }
	case len(mid) == 0 && first == "":
		return func(s string) bool { return strings.HasSuffix(s, last) }
	case len(mid) == 1 && first == "" && last == "":
		m := mid[0]
		return func(s string) bool { return strings.Contains(s, m) }
	}
	return func(s string) bool { return matchPieces(s, first, mid, last) }
}

// matchPieces reports whether s starts with first, ends with last, and
// holds the mid pieces in order between them, none overlapping: the
// leftmost place of each piece leaves the most room for the rest.
func matchPieces(s, first string, mid []string, last string) bool {
	if len(s) < len(first)+len(last) || !strings.HasPrefix(s, first) || !strings.HasSuffix(s, last) {
		return false
	}
	s = s[len(first) : len(s)-len(last)]
	for _, m := range mid {
		i := strings.Index(s, m)
		if i < 0 {
			return false
		}
		s = s[i+len(m):]
	}
	return true
}
