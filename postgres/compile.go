package postgres

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter"
)

// statement is SQL text with its arguments: the text is made only of this
// package's constant fragments and $n placeholders, never of a value.
type statement struct {
	sql  strings.Builder
	args []any
	err  error // a filter that cannot be translated (filtersql.go): the statement must not run
}

// arg adds a value and writes its placeholder.
func (s *statement) arg(v any) {
	s.args = append(s.args, v)
	s.sql.WriteString("$")
	s.sql.WriteString(strconv.Itoa(len(s.args)))
}

// kind is what differs between the files and the transcripts tables.
type kind struct {
	table, meta, metaKey, tieBreak string
	resource                       filter.Resource
	columns                        map[string]string // query field → column
	selectList                     string
	extraJoins                     string
}

// where writes the conditions of q and res on the table aliased r, exactly
// as filter.Predicate evaluates them (filter/eval.go is the reference).
func (k *kind) where(s *statement, q *filter.Query, res filter.Resolved) {
	s.sql.WriteString(" WHERE TRUE")
	if res.Date != nil { // half-open
		s.bound("start", ">=", res.Date.From)
		s.bound("start", "<", res.Date.To)
	}
	if res.StartDate != nil { // both ends included
		s.window("start", res.StartDate)
	}
	if res.FinishDate != nil {
		s.window("finish", res.FinishDate)
	}
	for _, f := range q.Fields {
		if f.Name == "duration" {
			n := durationText(f.Value)
			if n < 0 { // [D-4]: no duration is written so
				s.sql.WriteString(" AND FALSE")
				continue
			}
			s.sql.WriteString(" AND r.duration = ")
			s.arg(int64(n))
			continue
		}
		col, ok := k.columns[f.Name]
		if !ok || q.Resource != k.resource {
			continue // as Compile: a name that is not this resource's field matches every record
		}
		if !holdable(f.Value) {
			s.sql.WriteString(" AND FALSE") // no stored text holds it
			continue
		}
		s.sql.WriteString(" AND r." + col + " = ")
		s.arg(f.Value)
	}
	if q.HasMetaName || q.HasMetaValue {
		if (q.HasMetaName && !holdable(q.MetaName)) || (q.HasMetaValue && !holdable(q.MetaValue)) {
			s.sql.WriteString(" AND FALSE")
		} else {
			// [D-3]: both substrings on one entry.
			s.sql.WriteString(" AND EXISTS (SELECT 1 FROM " + k.meta + " m WHERE m." + k.metaKey + " = r.id")
			if q.HasMetaName {
				s.sql.WriteString(" AND m.field_name LIKE ")
				s.arg(likeSubstring(q.MetaName))
			}
			if q.HasMetaValue {
				s.sql.WriteString(" AND m.field_value LIKE ")
				s.arg(likeSubstring(q.MetaValue))
			}
			if res.Date != nil || res.StartDate != nil || res.FinishDate != nil {
				// With a date window, check the window's records one by one
				// (OFFSET 0 keeps PostgreSQL from turning this into a join):
				// the window bounds the work, while the trigram index can
				// find thousands of entries outside it (docs/POSTGRES.md).
				s.sql.WriteString(" OFFSET 0")
			}
			s.sql.WriteString(")")
		}
	}
	if q.Filter != nil {
		s.err = k.filterWhere(s, q.Filter, res.Filter)
	}
}

// bound compares the instant prefix_date, prefix_ns with t.
func (s *statement) bound(prefix, op string, t time.Time) {
	s.sql.WriteString(" AND (r." + prefix + "_date, r." + prefix + "_ns) " + op + " (")
	s.arg(t)
	s.sql.WriteString(", ")
	s.arg(subMicro(t))
	s.sql.WriteString(")")
}

func (s *statement) window(prefix string, w *daterange.Window) {
	s.bound(prefix, ">=", w.From)
	s.bound(prefix, "<=", w.To)
}

// page writes the statement of one page: the matching rows in the API's
// order ([D-5]), from the n-th on, with their lists.
func (k *kind) page(q *filter.Query, res filter.Resolved) *statement {
	// The offset is skipped over the keys alone (an index-only scan where
	// the conditions allow: the page indexes INCLUDE id), and only the
	// page's rows are read whole ("deferred join", docs/POSTGRES.md).
	s := &statement{}
	order := " ORDER BY r.start_date, r.start_ns, r." + k.tieBreak
	s.sql.WriteString("SELECT " + k.selectList + " FROM (SELECT r.id, r.start_date, r.start_ns, r." + k.tieBreak +
		" FROM " + k.table + " r")
	k.where(s, q, res)
	s.sql.WriteString(order + " LIMIT " + strconv.Itoa(filter.DefaultPageSize) + " OFFSET ")
	s.arg(int64(max(q.N, 1) - 1))
	s.sql.WriteString(") k JOIN " + k.table + " r ON r.id = k.id" + k.extraJoins +
		" ORDER BY k.start_date, k.start_ns, k." + k.tieBreak)
	return s
}

// durationText is filter's reading of a duration's text ([D-4]): the number
// the API writes as s ("27", not "027" or "+27"), or -1.
func durationText(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || strconv.Itoa(n) != s {
		return -1
	}
	return n
}

// holdable reports whether a text column can hold s: PostgreSQL's text is
// UTF-8 without NUL, and the store refuses records that are not.
func holdable(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// likeSubstring is the LIKE pattern of "contains s": s with LIKE's escape
// character \ and its wildcards % and _ escaped, between two %.
func likeSubstring(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 4)
	b.WriteByte('%')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\\' || c == '%' || c == '_' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('%')
	return b.String()
}
