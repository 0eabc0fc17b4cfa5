package postgres

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
)

// The translation of a filter= expression (docs/LANGUAGE.md §14) into the
// page statement's WHERE, exactly as filter/expr/program.go evaluates it in
// memory. Every value is an argument ($n); the SQL text holds only the
// filter's shape: its groups, operators, selectors and whether a text has
// wildcards (docs/POSTGRES.md, "Filters").

// anyEntry is where an any-entry selector's entries are stored: the list's
// table, the column that joins it to the record, the entry's column.
type anyEntry struct{ table, key, column string }

var anyEntries = map[string]anyEntry{
	expr.SelTCListName: {"recq_file_codes", "file_id", "list_name"},
	expr.SelTCName:     {"recq_file_codes", "file_id", "name"},
	expr.SelMetaName:   {"recq_transcript_meta", "transcript_id", "field_name"},
	expr.SelMetaValue:  {"recq_transcript_meta", "transcript_id", "field_value"},
}

// filterWhere ANDs the filter e, whose date values have the windows w
// (filter.Resolved.Filter), to the statement's conditions.
func (k *kind) filterWhere(s *statement, e *expr.Expr, w []daterange.Window) error {
	if e.Empty() {
		return nil
	}
	if (e.Resource == expr.Transcripts) != (k.resource == filter.Transcripts) {
		return fmt.Errorf("postgres: a filter of %s on the table %s", e.Resource, k.table)
	}
	if len(w) != len(e.Values) {
		return fmt.Errorf("postgres: the filter has %d values but %d resolved windows", len(e.Values), len(w))
	}
	s.sql.WriteString(" AND ")
	return k.filterNode(s, e, w, 0)
}

// filterNode writes node i of e as one parenthesized condition.
func (k *kind) filterNode(s *statement, e *expr.Expr, w []daterange.Window, i int) error {
	if s.walked == i+1 {
		s.sql.WriteString("TRUE") // the statement's key walks answer it (keyWalks)
		return nil
	}
	n := &e.Nodes[i]
	switch n.Op {
	case expr.And, expr.Or:
		join := " AND "
		if n.Op == expr.Or {
			join = " OR "
		}
		s.sql.WriteString("(")
		for c, j := range e.Children(i) {
			if c > 0 {
				s.sql.WriteString(join)
			}
			if err := k.filterNode(s, e, w, j); err != nil {
				return err
			}
		}
		s.sql.WriteString(")")
		return nil
	}
	sel := e.Selector(n)
	args := e.Args(n)
	switch sel.Kind {
	case expr.Date:
		prefix := "start"
		if sel.Name == expr.SelFinishDate {
			prefix = "finish" // the stored finish: startDate plus duration, as record.Finish computes it
		}
		s.dateCondition(prefix, n.Op, w[n.First:n.First+n.Count])
		return nil
	case expr.Integer:
		ints := make([]int64, len(args))
		for j := range args {
			ints[j] = args[j].Int
		}
		s.intCondition("r.duration", n.Op, ints)
		return nil
	}
	if sel.Any {
		a, ok := anyEntries[sel.Name]
		if !ok {
			return fmt.Errorf("postgres: no table holds the entries of %s", sel.Name)
		}
		// ==, =in=: some entry matches; !=, =out=: none does, which a
		// record without entries satisfies (docs/LANGUAGE.md §14.7).
		op := n.Op
		if op == expr.Ne || op == expr.Out {
			s.sql.WriteString("NOT ")
			op = op.Complement()
		}
		s.sql.WriteString("EXISTS (SELECT 1 FROM " + a.table + " m WHERE m." + a.key + " = r.id AND ")
		s.textCondition("m."+a.column, op, e, args)
		s.sql.WriteString(")")
		return nil
	}
	col, ok := k.columns[sel.Name]
	if !ok {
		return fmt.Errorf("postgres: no column holds %s of %s", sel.Name, k.table)
	}
	if key, ok := k.keys[col]; ok && s.keyCondition("r."+key, "r."+col, n.Op, e, args) {
		return nil
	}
	s.textCondition("r."+col, n.Op, e, args)
	return nil
}

// keyCondition writes == (without wildcards) and =in= on a column with a
// key column (agent_id's agent_key, docs/POSTGRES.md "Long texts") so that
// the key's index answers them: a value shorter than a key equals the key
// of exactly the rows whose text it is; a longer one is checked whole as
// well. It reports false, writing nothing, for the other operators.
func (s *statement) keyCondition(key, col string, op expr.Op, e *expr.Expr, args []expr.Value) bool {
	switch {
	case op == expr.Eq && !args[0].Wild:
		v := e.TextOf(&args[0])
		if !holdable(v) {
			s.sql.WriteString("FALSE")
			return true
		}
		s.sql.WriteString("(" + key + " = ")
		s.arg(textKey(v))
		if keyed(v) {
			s.sql.WriteString(" AND " + col + " = ")
			s.arg(v)
		}
		s.sql.WriteString(")")
		return true
	case op == expr.In:
		keys, vals, long := make([]string, 0, len(args)), make([]string, 0, len(args)), false
		for j := range args {
			if v := e.TextOf(&args[j]); holdable(v) {
				keys, vals = append(keys, textKey(v)), append(vals, v)
				long = long || keyed(v)
			}
		}
		s.sql.WriteString("(" + key + " = ANY(")
		s.arg(keys)
		s.sql.WriteString(")")
		if long {
			s.sql.WriteString(" AND " + col + " = ANY(")
			s.arg(vals)
			s.sql.WriteString(")")
		}
		s.sql.WriteString(")")
		return true
	}
	return false
}

// instant writes "(prefix_date, prefix_ns) op (t)": the stored instant,
// exact to the nanosecond (instant.go), compared with t as a UTC instant.
func (s *statement) instant(prefix, op string, t time.Time) {
	s.sql.WriteString("(r." + prefix + "_date, r." + prefix + "_ns) " + op + " (")
	s.arg(t)
	s.sql.WriteString(", ")
	s.arg(subMicro(t))
	s.sql.WriteString(")")
}

// dateCondition writes a date comparison against the windows [From, To)
// of its values (docs/LANGUAGE.md §14.3): ==X within [from, to), !=X
// outside it, =lt=X before from, =ge=X at or after from, =gt=X at or after
// to, =le=X before to, =in= within any window, =out= within none.
func (s *statement) dateCondition(prefix string, op expr.Op, ws []daterange.Window) {
	within := func(x daterange.Window) {
		s.sql.WriteString("(")
		s.instant(prefix, ">=", x.From)
		s.sql.WriteString(" AND ")
		s.instant(prefix, "<", x.To)
		s.sql.WriteString(")")
	}
	outside := func(x daterange.Window) {
		s.sql.WriteString("(")
		s.instant(prefix, "<", x.From)
		s.sql.WriteString(" OR ")
		s.instant(prefix, ">=", x.To)
		s.sql.WriteString(")")
	}
	switch op {
	case expr.Eq:
		within(ws[0])
	case expr.Ne:
		outside(ws[0])
	case expr.Lt:
		s.instant(prefix, "<", ws[0].From)
	case expr.Ge:
		s.instant(prefix, ">=", ws[0].From)
	case expr.Gt:
		s.instant(prefix, ">=", ws[0].To)
	case expr.Le:
		s.instant(prefix, "<", ws[0].To)
	case expr.In, expr.Out:
		join, each := " OR ", within
		if op == expr.Out {
			join, each = " AND ", outside
		}
		s.sql.WriteString("(")
		for j, x := range ws {
			if j > 0 {
				s.sql.WriteString(join)
			}
			each(x)
		}
		s.sql.WriteString(")")
	default:
		s.sql.WriteString("FALSE")
	}
}

// intCondition writes an integer comparison of col with the values.
func (s *statement) intCondition(col string, op expr.Op, ints []int64) {
	switch op {
	case expr.In:
		s.sql.WriteString(col + " = ANY(")
		s.arg(ints)
		s.sql.WriteString(")")
		return
	case expr.Out:
		s.sql.WriteString(col + " <> ALL(")
		s.arg(ints)
		s.sql.WriteString(")")
		return
	}
	sqlOp, ok := intOps[op]
	if !ok {
		s.sql.WriteString("FALSE")
		return
	}
	s.sql.WriteString(col + " " + sqlOp + " ")
	s.arg(ints[0])
}

var intOps = map[expr.Op]string{expr.Eq: "=", expr.Ne: "<>", expr.Lt: "<", expr.Le: "<=", expr.Gt: ">", expr.Ge: ">="}

// textCondition writes a text comparison of col: exact equality, LIKE
// for a value with wildcards (its literal pieces escaped), = ANY and
// <> ALL for the lists of =in= and =out=. A value no stored text can hold
// (holdable) matches nothing.
func (s *statement) textCondition(col string, op expr.Op, e *expr.Expr, args []expr.Value) {
	switch op {
	case expr.In, expr.Out:
		vals := make([]string, 0, len(args))
		for j := range args {
			if v := e.TextOf(&args[j]); holdable(v) {
				vals = append(vals, v)
			}
		}
		if op == expr.In {
			s.sql.WriteString(col + " = ANY(")
		} else {
			s.sql.WriteString(col + " <> ALL(")
		}
		s.arg(vals)
		s.sql.WriteString(")")
		return
	case expr.Eq, expr.Ne:
	default:
		s.sql.WriteString("FALSE")
		return
	}
	v := &args[0]
	var value string
	if v.Wild {
		value = likePattern(e.Pattern(v))
	} else {
		value = e.TextOf(v)
	}
	if !holdable(value) {
		if op == expr.Eq {
			s.sql.WriteString("FALSE")
		} else {
			s.sql.WriteString("TRUE")
		}
		return
	}
	switch {
	case v.Wild && op == expr.Eq:
		s.sql.WriteString(col + " LIKE ")
	case v.Wild:
		s.sql.WriteString(col + " NOT LIKE ")
	case op == expr.Eq:
		s.sql.WriteString(col + " = ")
	default:
		s.sql.WriteString(col + " <> ")
	}
	s.arg(value)
}

// likePattern is the LIKE pattern of a wildcard value split at its
// wildcards (expr.Expr.Pattern): each literal piece with LIKE's escape
// character \ and its wildcards % and _ escaped, the pieces joined by %.
func likePattern(pieces []string) string {
	var b strings.Builder
	for j, p := range pieces {
		if j > 0 {
			b.WriteByte('%')
		}
		for i := 0; i < len(p); i++ {
			if c := p[i]; c == '\\' || c == '%' || c == '_' {
				b.WriteByte('\\')
			}
			b.WriteByte(p[i])
		}
	}
	return b.String()
}

// maxKeyWalks bounds the walks of keyWalks: each walk reads up to the
// page's bound of its agent's entries at random places of the table, so a
// list of k agents costs k such walks, while the walk of the page order
// (the table's own order after a load) meets 50 matches sooner the more
// agents it lists. On the benchmark's tables (1,000 agents) the walks won
// up to 8 agents and lost from 12 to 16 (docs/POSTGRES.md, "Lists of
// agents"); past the bound the planner chooses as it would without.
const maxKeyWalks = 8

// keyWalks returns the key column (agent_key), its distinct keys (sorted)
// and the filter's node that names them, when a conjunct of the filter's
// top-level AND (or the whole filter) is a list of agents: agentID=in=(…),
// agentID==V, or an OR of these, of exact texts shorter than a key, and
// names two keys to walk or more, at most maxKeyWalks. Such a conjunct
// holds exactly on the rows whose key is one of the keys (a text shorter
// than a key is its own key, and a value no text can hold matches nothing
// and names no key), so the page is one ordered walk of the key's index
// per key in place of the conjunct, merged (compile.go, page): PostgreSQL
// 15 would otherwise walk the page order filtering rows, or read every row
// of the keys and sort them. It reports ok false for every other filter,
// which keeps the one walk.
func (k *kind) keyWalks(q *filter.Query) (key string, keys []string, node int, ok bool) {
	e := q.Filter
	if e.Empty() || (e.Resource == expr.Transcripts) != (k.resource == filter.Transcripts) {
		return "", nil, 0, false
	}
	candidates := []int{0}
	if e.Nodes[0].Op == expr.And {
		candidates = e.Children(0)
	}
	for _, j := range candidates {
		kj, ks, okj := k.agentList(e, j)
		if !okj {
			continue
		}
		slices.Sort(ks)
		ks = slices.Compact(ks)
		if !ok || len(ks) < len(keys) {
			key, keys, node, ok = kj, ks, j, true
		}
	}
	if !ok || len(keys) < 2 || len(keys) > maxKeyWalks {
		return "", nil, 0, false
	}
	return key, keys, node, true
}

// agentList reports whether node i of e is a list of a key column's
// values that its keys alone decide: == (no wildcards) or =in= on a column
// with a key, every value shorter than a key, or an OR of such lists on
// the same column. It returns the column's key column and the keys, which
// may repeat.
func (k *kind) agentList(e *expr.Expr, i int) (key string, keys []string, ok bool) {
	n := &e.Nodes[i]
	switch n.Op {
	case expr.Or:
		for c, j := range e.Children(i) {
			kj, ks, okj := k.agentList(e, j)
			if !okj || (c > 0 && kj != key) {
				return "", nil, false
			}
			key, keys = kj, append(keys, ks...)
		}
		return key, keys, true
	case expr.Eq, expr.In:
	default:
		return "", nil, false
	}
	sel := e.Selector(n)
	if sel.Any || sel.Kind != expr.Text {
		return "", nil, false
	}
	key, ok = k.keys[k.columns[sel.Name]]
	if !ok {
		return "", nil, false
	}
	args := e.Args(n)
	keys = make([]string, 0, len(args))
	for j := range args {
		v := e.TextOf(&args[j])
		if args[j].Wild || keyed(v) {
			return "", nil, false
		}
		if holdable(v) { // as keyCondition: a value no text holds matches nothing
			keys = append(keys, v)
		}
	}
	return key, keys, true
}
