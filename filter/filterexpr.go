package filter

import (
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/internal/rfc3339"
)

// varFilter is recq's extension: an RSQL/FIQL expression that ANDs with the
// other variables (docs/LANGUAGE.md §14).
const varFilter = "filter"

// The codes of the filter expression (docs/ERRORS.md); its date values keep
// the date codes, and an empty or overlong filter empty-value and too-long.
const (
	CodeFilterSyntax    Code = expr.CodeSyntax       // an unexpected or missing character, an unclosed parenthesis or quote
	CodeUnknownSelector Code = expr.CodeUnknownSel   // a filter names no selector of the resource
	CodeOperatorType    Code = expr.CodeOperatorType // an operator the selector's kind does not take (=gt= on text)
	CodeBadValue        Code = expr.CodeBadValue     // a filter value that is not of its selector's kind
	CodeTooDeep         Code = expr.CodeTooDeep      // more than 32 nested parentheses in a filter
	CodeNotInAPI        Code = "not-in-api"          // recq's extension refused where recq stands in for the API
)

// exprResource is the filter's resource for r.
func exprResource(r Resource) expr.Resource {
	if r == Transcripts {
		return expr.Transcripts
	}
	return expr.Files
}

// setFilter parses the value of filter= into q, whose resource is known
// (the path is read first). Each fault of the expression becomes a fault of
// the request, its span mapped through percent-encoding (or JSON escapes).
func setFilter(value string, pl place, q *Query, errs *ErrorList) {
	e := q.filterBuf
	if e == nil {
		e = new(expr.Expr)
	}
	opt := expr.Options{MaxFaults: max(1, MaxErrors-len(*errs))}
	if !pl.json {
		opt.Plus, opt.Raw = plusInQuery, pl.raw
	}
	faults := expr.ParseInto(e, value, exprResource(q.Resource), opt)
	q.filterBuf = e
	if len(faults) > 0 {
		w := newSpanWalker(pl, len(value))
		for _, f := range faults {
			errs.Add(Code(f.Code), varFilter, f.Start, w.at(f.Start, f.End), f.Msg, f.Hint, pl.escapeAll(f.Suggestions)...).JSONPath = pl.path
		}
		return
	}
	q.Filter = e
	q.filterFrom, q.filterTo = int32(pl.value.Start), int32(pl.value.End)
}

// plusInQuery reports whether decoded byte d of a query component written
// as raw arrived as a '+'.
func plusInQuery(raw string, d int) bool {
	p := place{raw: raw}
	i := p.rawStart(d)
	return i < len(raw) && raw[i] == '+'
}

// filterAt is where the filter's value is written in src.
func (q *Query) filterAt() place {
	pl := place{value: Span{int(q.filterFrom), int(q.filterTo)}, json: q.fromJSON}
	if int(q.filterTo) <= len(q.src) && q.filterFrom < q.filterTo {
		pl.raw = q.src[q.filterFrom:q.filterTo]
	}
	if q.fromJSON {
		pl.path = varFilter
	}
	return pl
}

// resolveFilter resolves the filter's date values at now in loc, and
// refuses those whose instants fall outside the years 0000 to 9999, as
// checkYears does for d (docs/LANGUAGE.md §3.6).
func (q *Query) resolveFilter(now time.Time, loc *time.Location, l *ErrorList) []daterange.Window {
	w := q.Filter.Resolve(now, loc)
	for k, x := range w {
		if x.From.IsZero() && x.To.IsZero() {
			continue
		}
		for _, t := range [2]time.Time{x.From, x.To} {
			if y := t.In(loc).Year(); y >= 0 && y <= 9999 {
				continue
			}
			v := &q.Filter.Values[k]
			pl := q.filterAt()
			span := Span{}
			if pl.raw != "" {
				span = pl.at(int(v.Pos), int(v.End))
			}
			l.Add(CodeBadDatePart, varFilter, int(v.Pos), span,
				"resolves to "+rfc3339.String(t.In(loc))+" in "+loc.String()+", outside the years 0000 to 9999",
				"the instants a filter names lie from 0000-01-01T00:00:00 to 9999-12-31T23:59:59 in the query's zone").JSONPath = pl.path
			break
		}
	}
	return w
}

// validateFilter checks a filter set by hand: it must be one that Parse
// gives, for the query's resource (expr.Expr.Check).
func (q *Query) validateFilter(l *ErrorList) {
	if q.Filter == nil {
		return
	}
	if q.Resource != Files && q.Resource != Transcripts {
		l.addCode(CodeQueryNotAllowed, varFilter, -1, "one "+q.Resource.String()+" takes no filter", "filters narrow the lists /files and /transcripts")
		return
	}
	if q.Filter.Resource != exprResource(q.Resource) {
		l.addCode(CodeBadQuery, varFilter, -1, "the filter was read for "+q.Filter.Resource.String()+", not "+q.Resource.String(), "parse the filter for the query's resource")
		return
	}
	if err := q.Filter.Check(); err != nil {
		l.addCode(CodeBadQuery, varFilter, -1, "the filter is not one that parsing gives: "+err.Error(), "build filters with expr.Parse")
	}
}

// ExtensionFaults returns a not-in-api fault for each of recq's extensions
// that q uses (filter=), for a server that stands in for the real API and
// so refuses them (docs/LANGUAGE.md §14.6); nil when q uses none.
func ExtensionFaults(q *Query) ErrorList {
	if q.Filter == nil {
		return nil
	}
	pl := q.filterAt()
	span := pl.value
	if !q.fromJSON && span.Start >= len(varFilter)+1 {
		span.Start -= len(varFilter) + 1 // the whole filter=… pair
	}
	l := ErrorList{{Code: CodeNotInAPI, Variable: varFilter, Pos: -1, Span: span,
		Msg:         "filter= is recq's extension, which the Recordings API does not take",
		Hint:        "start recq serve with --filter to answer it, or let recq get plan it against the API",
		Suggestions: []string{}}}
	l[0].JSONPath = pl.path
	l.setUTF16(q.src)
	return l
}
