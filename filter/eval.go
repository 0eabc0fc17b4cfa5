package filter

import (
	"strconv"
	"strings"
	"time"

	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
)

// Predicate is a query compiled against a clock and a tenant zone: its
// dates are instants, its field names getters, so matching a record does no
// parsing, no formatting and no allocation.
type Predicate struct {
	resource Resource
	n        int

	// d is [dFrom, dTo); start-date and finish-date are closed windows.
	hasD, hasStart, hasFinish bool
	dFrom, dTo                time.Time
	startFrom, startTo        time.Time
	finishFrom, finishTo      time.Time

	fileText       []textMatch[record.File]
	transcriptText []textMatch[record.Transcript]
	hasDuration    bool
	duration       int // -1 when the value is not a duration's text: nothing matches

	hasMetaName, hasMetaValue bool
	metaName, metaValue       string

	// The filter, compiled for the resource (nil without one), and the
	// span of startDate its top-level conjunction proves, for the index.
	fileExpr         func(*record.File) bool
	transcriptExpr   func(*record.Transcript) bool
	exprFrom, exprTo time.Time
}

type textMatch[R any] struct {
	get  func(*R) string
	want string
}

// Compile resolves the query's dates at now, in the query's zone or else
// the tenant's, and binds its field matches, for evaluation over records.
func Compile(q *Query, now time.Time, tenant *time.Location) (*Predicate, error) {
	res, err := q.Resolve(now, tenant)
	if err != nil {
		return nil, err
	}
	return NewPredicate(q, res), nil
}

// NewPredicate binds q's field matches to its dates already resolved (by
// q.Resolve), for a store that is handed a query and its instants. res
// must come from q: its windows are used as they are.
func NewPredicate(q *Query, res Resolved) *Predicate {
	p := &Predicate{resource: q.Resource, n: max(q.N, 1),
		hasMetaName: q.HasMetaName, hasMetaValue: q.HasMetaValue, metaName: q.MetaName, metaValue: q.MetaValue}
	if res.Date != nil {
		p.hasD, p.dFrom, p.dTo = true, res.Date.From, res.Date.To
	}
	if res.StartDate != nil {
		p.hasStart, p.startFrom, p.startTo = true, res.StartDate.From, res.StartDate.To
	}
	if res.FinishDate != nil {
		p.hasFinish, p.finishFrom, p.finishTo = true, res.FinishDate.From, res.FinishDate.To
	}
	if q.Filter != nil {
		if q.Resource == Transcripts {
			p.transcriptExpr = expr.CompileTranscripts(q.Filter, res.Filter)
		} else {
			p.fileExpr = expr.CompileFiles(q.Filter, res.Filter)
		}
		p.exprFrom, p.exprTo = q.Filter.StartBounds(res.Filter)
	}
	for _, f := range q.Fields {
		if f.Name == "duration" {
			p.hasDuration, p.duration = true, durationText(f.Value)
			continue
		}
		if get := record.FileText(f.Name); get != nil && q.Resource == Files {
			p.fileText = append(p.fileText, textMatch[record.File]{get, f.Value})
		}
		if get := record.TranscriptText(f.Name); get != nil && q.Resource == Transcripts {
			p.transcriptText = append(p.transcriptText, textMatch[record.Transcript]{get, f.Value})
		}
	}
	return p
}

// durationText returns the number whose text the API writes as s ([D-4]:
// "27" but not "027" or "+27"), or -1 when no duration is written so.
func durationText(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || strconv.Itoa(n) != s {
		return -1
	}
	return n
}

// File reports whether the file matches every condition of the query.
func (p *Predicate) File(f *record.File) bool {
	if !p.instants(f.StartDate, f.Duration) {
		return false
	}
	for i := range p.fileText {
		if p.fileText[i].get(f) != p.fileText[i].want {
			return false
		}
	}
	if p.hasDuration && (p.duration < 0 || f.Duration != p.duration) {
		return false
	}
	if p.fileExpr != nil && !p.fileExpr(f) {
		return false
	}
	return p.meta(f.MetaData)
}

// Transcript reports whether the transcript matches every condition of the query.
func (p *Predicate) Transcript(t *record.Transcript) bool {
	if !p.instants(t.StartDate, t.Duration) {
		return false
	}
	for i := range p.transcriptText {
		if p.transcriptText[i].get(t) != p.transcriptText[i].want {
			return false
		}
	}
	if p.hasDuration && (p.duration < 0 || t.Duration != p.duration) {
		return false
	}
	if p.transcriptExpr != nil && !p.transcriptExpr(t) {
		return false
	}
	return p.meta(t.MetaData)
}

// instants checks d, start-date and finish-date; records that started in
// other offsets compare by instant.
func (p *Predicate) instants(start time.Time, duration int) bool {
	if p.hasD && (start.Before(p.dFrom) || !start.Before(p.dTo)) {
		return false
	}
	if p.hasStart && (start.Before(p.startFrom) || start.After(p.startTo)) {
		return false
	}
	if p.hasFinish {
		end := record.Finish(start, duration) // no overflow whatever the duration
		if end.Before(p.finishFrom) || end.After(p.finishTo) {
			return false
		}
	}
	return true
}

// meta checks the metadata substrings: both on one entry ([D-3]); a record
// without metadata never matches a metadata condition.
func (p *Predicate) meta(entries []record.MetaData) bool {
	if !p.hasMetaName && !p.hasMetaValue {
		return true
	}
	for _, e := range entries {
		if (!p.hasMetaName || strings.Contains(e.FieldName, p.metaName)) &&
			(!p.hasMetaValue || strings.Contains(e.FieldValue, p.metaValue)) {
			return true
		}
	}
	return false
}

// window is the span of startDate that can match, for the store's index;
// zero bounds are open.
func (p *Predicate) window() (from, to time.Time) {
	if p.hasD {
		from, to = p.dFrom, p.dTo
	}
	if p.hasStart {
		if from.IsZero() || p.startFrom.After(from) {
			from = p.startFrom
		}
		if end := p.startTo.Add(1); to.IsZero() || end.Before(to) {
			to = end
		}
	}
	if !p.exprFrom.IsZero() && (from.IsZero() || p.exprFrom.After(from)) {
		from = p.exprFrom
	}
	if !p.exprTo.IsZero() && (to.IsZero() || p.exprTo.Before(to)) {
		to = p.exprTo
	}
	if !to.IsZero() && !to.After(from) && !from.IsZero() {
		to = from // empty
	}
	return from, to
}

// Files returns the page of matching files from the store: the 50 (or
// fewer) from the n-th match on, in the API's order ([D-5]).
func (p *Predicate) Files(s *record.Store) []record.File {
	return page(p, func(yield func(*record.File) bool) {
		from, to := p.window()
		s.Files(from, to, yield)
	}, p.File)
}

// Transcripts returns the page of matching transcripts from the store.
func (p *Predicate) Transcripts(s *record.Store) []record.Transcript {
	return page(p, func(yield func(*record.Transcript) bool) {
		from, to := p.window()
		s.Transcripts(from, to, yield)
	}, p.Transcript)
}

// page skips the first n-1 matches and copies up to DefaultPageSize.
func page[R any](p *Predicate, each func(yield func(*R) bool), match func(*R) bool) []R {
	out := []R{}
	skip := p.n - 1
	each(func(r *R) bool {
		if !match(r) {
			return true
		}
		if skip > 0 {
			skip--
			return true
		}
		out = append(out, *r)
		return len(out) < DefaultPageSize
	})
	return out
}
