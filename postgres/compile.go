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
	// walked is 1 + the index of the filter's node that the statement's
	// key walks answer (keyWalks), which the WHERE then writes as TRUE; 0
	// for none.
	walked int
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
	tieKey                         string // tieBreak's key column (keyRunes)
	resource                       filter.Resource
	columns                        map[string]string // query field → column
	keys                           map[string]string // column → its key column, which the indexes hold
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
		if key, ok := k.keys[col]; ok {
			// The index holds the key: for a value shorter than a key, the
			// key's equality is the column's; a longer one is checked whole
			// on the rows whose key is its (docs/POSTGRES.md, "Long texts").
			s.sql.WriteString(" AND r." + key + " = ")
			s.arg(textKey(f.Value))
			if !keyed(f.Value) {
				continue
			}
		}
		s.sql.WriteString(" AND r." + col + " = ")
		s.arg(f.Value)
		if col == k.tieBreak { // filename, interactionGUID: the index of its length
			s.sql.WriteString(lengthClass("r."+col, f.Value))
		}
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
// order ([D-5]), from the n-th on, with their lists. The fast statement
// skips the offset in the order of the tie-break's key, which the page
// indexes hold: the API's order wherever no two rows share a start and a
// key, which only texts of keyRunes runes or more can (docs/POSTGRES.md,
// "Long texts"); the caller checks the page's edges (tiedEdge) and, where
// such a row sits there, asks for the exact statement, which orders by the
// whole text.
func (k *kind) page(q *filter.Query, res filter.Resolved, exact bool) *statement {
	// The offset is skipped over the keys alone (an index-only scan where
	// the conditions allow: the page indexes INCLUDE id), and only the
	// page's rows are read whole ("deferred join", docs/POSTGRES.md).
	s := &statement{}
	tie := k.tieKey
	if exact {
		tie = k.tieBreak
	}
	offset := int64(max(q.N, 1) - 1)
	order := " ORDER BY r.start_date, r.start_ns, r." + tie
	s.sql.WriteString("SELECT " + k.selectList + " FROM (")
	if key, keys, node, ok := k.keyWalks(q); ok {
		// One ordered walk of the key's index per key, each stopping at
		// the page's bound (no key's rows past its offset+50th can be on
		// the page), merged in the page's order. The walk of a key holds
		// the rows of that key that match the other conditions; the filter's
		// list of keys, which holds exactly on the rows of the keys, is
		// left out (walked). The keys are distinct, so the walks return the
		// rows of the statement below once each, and the page is the same
		// (docs/POSTGRES.md, "Filters"). A key's j-th row is at least the
		// j-th of the merged order, so the row at which a walk's bound cuts
		// rows of one start and key is the page's last or after it: the
		// edges tiedEdge checks. The walks' rows are named r as the table's
		// are, so that the order below reads them alike.
		s.walked = node + 1
		s.sql.WriteString("SELECT r.id, r.start_date, r.start_ns, r." + tie + " FROM unnest(")
		s.arg(keys)
		s.sql.WriteString("::text[]) v(key) CROSS JOIN LATERAL (SELECT r.id, r.start_date, r.start_ns, r." + tie +
			" FROM " + k.table + " r")
		k.where(s, q, res)
		s.sql.WriteString(" AND r." + key + " = v.key" + order + " LIMIT ")
		s.arg(offset + filter.DefaultPageSize)
		s.sql.WriteString(") r")
	} else {
		s.sql.WriteString("SELECT r.id, r.start_date, r.start_ns, r." + tie + " FROM " + k.table + " r")
		k.where(s, q, res)
	}
	s.sql.WriteString(order + " LIMIT " + strconv.Itoa(filter.DefaultPageSize) + " OFFSET ")
	s.arg(offset)
	s.sql.WriteString(") k JOIN " + k.table + " r ON r.id = k.id" + k.extraJoins +
		" ORDER BY k.start_date, k.start_ns, r." + k.tieBreak)
	return s
}

// keyRunes is the length of the key columns of schema.sql, left(text,
// 256): at most 1 KiB of UTF-8, so that an index entry of two keys stays
// under PostgreSQL's 2704 bytes whatever the texts.
const keyRunes = 256

// textKey is the key of s, left(s, 256) as PostgreSQL computes it: the
// loader writes it into the key columns of schema.sql, the queries compare
// with it.
func textKey(s string) string {
	n := 0
	for i := range s {
		if n == keyRunes {
			return s[:i]
		}
		n++
	}
	return s
}

// keyed reports whether s is as long as a key or longer: only such texts
// can share their key with another text.
func keyed(s string) bool { return utf8.RuneCountInString(s) >= keyRunes }

// lengthClass is the condition, true of every row whose column col equals
// v, that lets PostgreSQL look v up in the index of its length: the unique
// B-tree of the filenames (GUIDs) shorter than a key, or the exclusion
// constraint's hash index of the others (schema.sql). Each is partial, and
// a query uses a partial index only where its own conditions imply the
// index's. The text depends on v's length class, never on v.
func lengthClass(col, v string) string {
	if keyed(v) {
		return " AND char_length(" + col + ") >= " + strconv.Itoa(keyRunes)
	}
	return " AND char_length(" + col + ") < " + strconv.Itoa(keyRunes)
}

// tiedEdge reports whether the fast statement's page of n rows, whose
// first and last tie-breaks are first and last, may differ from the API's:
// when a row at an edge the offset or the limit cut has a tie-break as long
// as a key, rows sharing its start and key may lie across that edge, in
// the key's order instead of the text's.
func tiedEdge(offset, n int, first, last string) bool {
	return (offset > 0 && n > 0 && keyed(first)) || (n == filter.DefaultPageSize && keyed(last))
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
