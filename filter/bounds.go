package filter

import (
	"strings"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/internal/rfc3339"
)

// checkYears refuses the query's resolved windows whose ends, written in
// loc, fall outside the years 0000 to 9999 (docs/LANGUAGE.md §3.6, [L-3]):
// an offset or 24:00 on the first or last day of that span, the end of the
// day 9999-12-31, or the 5 seconds of start-date would otherwise give an
// instant that no RFC 3339 reader takes (-0001-12-31T23:59:00Z,
// 10000-01-01T00:00:00Z). Each fault spans the value at fault.
func (q *Query) checkYears(l *ErrorList, res Resolved, loc *time.Location) {
	for _, v := range [...]struct {
		name string
		w    *daterange.Window
	}{{varDate, res.Date}, {varStartDate, res.StartDate}, {varFinishDate, res.FinishDate}} {
		if v.w == nil {
			continue
		}
		for _, t := range [2]time.Time{v.w.From, v.w.To} {
			if y := t.In(loc).Year(); y >= 0 && y <= 9999 {
				continue
			}
			span, path := q.valueSpan(v.name)
			e := l.Add(CodeBadDatePart, v.name, -1, span,
				"resolves to "+rfc3339.String(t.In(loc))+" in "+loc.String()+", outside the years 0000 to 9999",
				"the instants a query names, and the ends of its windows, lie from 0000-01-01T00:00:00 to 9999-12-31T23:59:59 in the query's zone")
			e.JSONPath = path
			break
		}
	}
	l.setUTF16(q.src)
}

// valueSpan finds the raw value of a date variable in the text the query
// was read from, for a fault found only once the query is resolved: d's
// span is kept while parsing; start-date's and finish-date's are looked up
// again (faults are rare, and the Query stays small). For the JSON form it
// also returns the key path. A Query built by hand has no text: an empty
// span at 0.
func (q *Query) valueSpan(name string) (Span, string) {
	if pl := q.dateAt(); name == varDate && (pl.value != Span{} || pl.path != "") {
		return pl.value, pl.path
	}
	src := q.src
	if t := strings.TrimLeft(src, " \t\r\n"); strings.HasPrefix(t, "{") {
		// The JSON form: the string after "name": (names never need escapes).
		key := `"` + name + `"`
		if i := strings.Index(src, key); i >= 0 {
			rest := src[i+len(key):]
			if j := strings.IndexByte(rest, '"'); j >= 0 {
				start := i + len(key) + j + 1
				if k := strings.IndexByte(src[start:], '"'); k >= 0 {
					return Span{start, start + k}, name
				}
			}
		}
		return Span{}, name
	}
	_, query, ok := strings.Cut(src, "?")
	if !ok {
		return Span{}, ""
	}
	at := len(src) - len(query)
	query, _, _ = strings.Cut(query, "#")
	for len(query) > 0 {
		pair, rest, _ := strings.Cut(query, "&")
		if n, _, found := strings.Cut(pair, "="); found {
			var buf []byte // a fault is rare: one small allocation here is fine
			if decoded, _, fault := decode(n, &buf, len(n)); fault == noFault && decoded == name {
				start := at + len(n) + 1
				return Span{start, at + len(pair)}, ""
			}
		}
		at += len(pair) + 1
		query = rest
	}
	return Span{}, ""
}
