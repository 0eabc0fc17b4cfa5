package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
)

// FilterPlan is how a query with a filter is answered by an API without
// filter=: the requests whose union holds every record the query selects,
// and the residual that selects those records from what the requests
// return (docs/CLIENT.md, "Plans"). A plan with no request sends nothing:
// the filter contradicts itself or the query's own variables.
type FilterPlan struct {
	Resource filter.Resource
	// Requests are the queries sent, without filter and with n=1, in the
	// order their branches are written; none is sent twice.
	Requests []*filter.Query
	// Residual is the part of the filter the requests do not express, nil
	// when there is none. It shares its values with the query's filter.
	Residual *expr.Expr
	// Skip is how many matches the walk drops first: the query's n-1 (a
	// position in the answer, which no request can send).
	Skip int

	windows []daterange.Window // the filter's date values resolved (Residual's too)
}

// RequestTexts returns the canonical requests (docs/LANGUAGE.md §8, n left out).
func (p *FilterPlan) RequestTexts() []string {
	out := make([]string, len(p.Requests))
	for i, r := range p.Requests {
		out[i] = encode.Canonical(r)
	}
	return out
}

// ResidualText returns the residual's canonical filter text, "" when there
// is none.
func (p *FilterPlan) ResidualText() string {
	if p.Residual.Empty() {
		return ""
	}
	return p.Residual.String()
}

// MarshalJSON writes the plan as recq get --explain prints it:
// {"requests": [...], "residual": "..."}.
// A request's '&' is written as it is, not as \u0026.
func (p *FilterPlan) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Requests []string `json:"requests"`
		Residual string   `json:"residual"`
	}{p.RequestTexts(), p.ResidualText()})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}

// ErrFilterZone is returned, wrapped, when a filter's dates are read in the
// tenant's zone, which the client was not told: it can neither write them
// as instants nor evaluate them (give the query a tz, or the client
// WithKnownTenantZone).
var ErrFilterZone = errors.New("the filter's dates are read in the tenant's zone, which the client does not know")

// PlanFilter returns the plan of q, a checked list query with a filter,
// at the clock reading now; loc is the zone q's dates are read in (q.Zone,
// else the tenant's), nil when it is not known. It sends nothing.
func PlanFilter(q *filter.Query, now time.Time, loc *time.Location) (*FilterPlan, error) {
	if q.Resource != filter.Files && q.Resource != filter.Transcripts {
		return nil, errors.New("client: a plan is made for a list of files or transcripts")
	}
	e := q.Filter
	p := &FilterPlan{Resource: q.Resource, Skip: max(q.N, 1) - 1}
	base := *q
	base.Filter, base.N = nil, 1
	if e.Empty() {
		p.Requests = []*filter.Query{&base}
		return p, nil
	}
	known := loc != nil
	if !known {
		if needsZone(e) {
			return nil, ErrFilterZone
		}
		loc = time.UTC // every date value has its own offset
	}
	p.windows = e.Resolve(now, loc)
	// dWin is the query's own d as instants, when they can be computed.
	var dWin *daterange.Window
	if q.HasDate {
		if w, err := q.Date.Resolve(now, loc); err == nil && (known || rangeHasOffsets(q.Date)) {
			dWin = &w
		}
	}
	s0 := &state{fields: slices.Clone(q.Fields), dates: !q.HasDate || dWin != nil,
		meta: !q.HasMetaName && !q.HasMetaValue && q.Resource == filter.Transcripts}

	conj := []int{0}
	if e.Nodes[0].Op == expr.And {
		conj = e.Children(0)
	}
	var residual []int
	split := -1
	var branches []*state
	for _, j := range conj {
		if s0.comparison(e, j, p.windows) {
			continue
		}
		residual = append(residual, j)
	}
	// The first OR (or =in= of several values) whose every branch the
	// API expresses becomes one request per branch.
	for k, j := range residual {
		if bs := s0.split(e, j, p.windows); bs != nil {
			split, branches = k, bs
			break
		}
	}
	if split >= 0 {
		residual = slices.Delete(residual, split, split+1)
	} else {
		branches = []*state{s0}
	}
	p.Residual = subExpr(e, residual)
	seen := map[string]bool{}
	for _, b := range branches {
		r, ok := b.request(&base, dWin, now, loc)
		if !ok {
			continue // a contradiction: nothing to send for this branch
		}
		if r == nil {
			// The variables could not be written so that the API reads
			// them back: send the query without filter, all residual.
			p.Residual = subExpr(e, conj)
			p.Requests = []*filter.Query{&base}
			return p, nil
		}
		text := encode.Canonical(r)
		if !seen[text] {
			seen[text] = true
			p.Requests = append(p.Requests, r)
		}
	}
	return p, nil
}

// needsZone reports whether a date value of e is relative or has no offset.
func needsZone(e *expr.Expr) bool {
	for i := range e.Nodes {
		n := &e.Nodes[i]
		if !n.Op.IsComparison() || e.Selector(n).Kind != expr.Date {
			continue
		}
		for _, v := range e.Args(n) {
			if _, ok := v.Date.Offset(); !ok || v.Date.IsRelative() {
				return true
			}
		}
	}
	return false
}

func rangeHasOffsets(r daterange.Range) bool {
	a := r.From()
	if _, ok := a.Offset(); !ok || a.IsRelative() {
		return false
	}
	if b, ok := r.To(); ok {
		if _, ok := b.Offset(); !ok || b.IsRelative() {
			return false
		}
	}
	return true
}

// subExpr is the conjunction of e's nodes at idx (each a conjunct of e's
// top level), sharing e's values; nil for none.
func subExpr(e *expr.Expr, idx []int) *expr.Expr {
	switch len(idx) {
	case 0:
		return nil
	case 1:
		j := idx[0]
		return &expr.Expr{Resource: e.Resource, Text: e.Text, Nodes: e.Nodes[j : j+int(e.Nodes[j].Size)], Values: e.Values}
	}
	nodes := []expr.Node{{Op: expr.And}}
	for _, j := range idx {
		nodes = append(nodes, e.Nodes[j:j+int(e.Nodes[j].Size)]...)
	}
	nodes[0].Size = int32(len(nodes))
	return &expr.Expr{Resource: e.Resource, Text: e.Text, Nodes: nodes, Values: e.Values}
}

// MaxBranches bounds the requests of a plan: an OR (or =in=) of more
// branches stays in the residual, sent as one request. The merged walk
// holds a page of each branch's walk at once, so this bounds its memory
// at 64 pages, where a filter's 8192 bytes could list thousands of agents.
const MaxBranches = 64

// state is what a request will send: the API's variables a plan has moved
// comparisons into so far.
type state struct {
	fields []filter.Field // the exact matches, the query's own among them
	from   time.Time      // the startDate bounds moved, [from, to); zero is open
	to     time.Time
	bound  bool // a bound was moved
	dates  bool // bounds may move: the query's own d, if any, can be resolved
	meta   bool // the metadata substring variables are free
	metaN  string
	metaV  string
	hasN   bool
	hasV   bool
	none   bool // a contradiction: the branch selects nothing
}

func (s *state) clone() *state {
	c := *s
	c.fields = slices.Clone(s.fields)
	return &c
}

// comparison moves node j of e into s when it is a comparison the API
// expresses exactly, and reports whether it did.
func (s *state) comparison(e *expr.Expr, j int, w []daterange.Window) bool {
	n := &e.Nodes[j]
	if !n.Op.IsComparison() {
		return false
	}
	op := n.Op
	if op == expr.In && n.Count == 1 {
		op = expr.Eq
	}
	return s.value(e, n, op, int(n.First), w)
}

// value moves "selector op Values[k]" into s when the API expresses it
// exactly (docs/CLIENT.md, "What moves").
func (s *state) value(e *expr.Expr, n *expr.Node, op expr.Op, k int, w []daterange.Window) bool {
	sel := e.Selector(n)
	v := &e.Values[k]
	switch sel.Kind {
	case expr.Date:
		if sel.Name != expr.SelStartDate || !s.dates {
			return false
		}
		win := w[k]
		switch op {
		case expr.Eq:
			s.lower(win.From)
			s.upper(win.To)
		case expr.Ge:
			s.lower(win.From)
		case expr.Gt:
			s.lower(win.To)
		case expr.Lt:
			s.upper(win.From)
		case expr.Le:
			s.upper(win.To)
		default:
			return false
		}
		s.bound = true
		return true
	case expr.Integer:
		// duration= matches the integer's text exactly ([D-4]): a
		// non-negative integer is written so, a negative one never.
		if op != expr.Eq || v.Int < 0 {
			return false
		}
		return s.field(sel.Name, strconv.FormatInt(v.Int, 10))
	}
	if op != expr.Eq {
		return false
	}
	if sel.Any {
		// ==*x* on metaData: the API's substring variable, when neither
		// of the pair is used (the pair must match one entry).
		if !s.meta || !v.Wild {
			return false
		}
		pieces := e.Pattern(v)
		if len(pieces) != 3 || pieces[0] != "" || pieces[2] != "" || pieces[1] == "" {
			return false
		}
		s.meta = false
		switch sel.Name {
		case expr.SelMetaValue:
			s.metaV, s.hasV = pieces[1], true
		case expr.SelMetaName:
			s.metaN, s.hasN = pieces[1], true
		default:
			return false
		}
		return true
	}
	if v.Wild {
		return false
	}
	return s.field(sel.Name, e.TextOf(v))
}

func (s *state) lower(t time.Time) {
	if s.from.IsZero() || t.After(s.from) {
		s.from = t
	}
}

func (s *state) upper(t time.Time) {
	if s.to.IsZero() || t.Before(s.to) {
		s.to = t
	}
}

// field adds an exact match; a second one of another value is a
// contradiction.
func (s *state) field(name, value string) bool {
	i, found := slices.BinarySearchFunc(s.fields, name, func(f filter.Field, name string) int {
		switch {
		case f.Name < name:
			return -1
		case f.Name > name:
			return 1
		}
		return 0
	})
	if found {
		if s.fields[i].Value != value {
			s.none = true
		}
		return true
	}
	s.fields = slices.Insert(s.fields, i, filter.Field{Name: name, Value: value})
	return true
}

// split returns one state per branch of node j, an OR or an =in= of
// several values, when the API expresses every branch exactly; else nil.
func (s *state) split(e *expr.Expr, j int, w []daterange.Window) []*state {
	n := &e.Nodes[j]
	branches := int(n.Count) // an =in='s values
	if n.Op == expr.Or {
		branches = len(e.Children(j))
	}
	if branches > MaxBranches {
		return nil
	}
	var out []*state
	switch {
	case n.Op == expr.In:
		for k := n.First; k < n.First+n.Count; k++ {
			b := s.clone()
			if !b.value(e, n, expr.Eq, int(k), w) {
				return nil
			}
			out = append(out, b)
		}
	case n.Op == expr.Or:
		for _, c := range e.Children(j) {
			b := s.clone()
			parts := []int{c}
			if e.Nodes[c].Op == expr.And {
				parts = e.Children(c)
			}
			for _, p := range parts {
				if !b.comparison(e, p, w) {
					return nil
				}
			}
			out = append(out, b)
		}
	}
	return out
}

// request builds the query s sends. It reports false when s selects
// nothing, and a nil query when its variables cannot be written so that
// the API reads them back as they are.
func (s *state) request(base *filter.Query, dWin *daterange.Window, now time.Time, loc *time.Location) (*filter.Query, bool) {
	if s.none {
		return nil, false
	}
	r := *base
	r.Fields = s.fields
	if s.hasN {
		r.MetaName, r.HasMetaName = s.metaN, true
	}
	if s.hasV {
		r.MetaValue, r.HasMetaValue = s.metaV, true
	}
	if s.bound {
		from, to := s.from, s.to
		narrower := false
		if dWin != nil {
			narrower = from.After(dWin.From) || (!to.IsZero() && to.Before(dWin.To))
			if from.IsZero() || dWin.From.After(from) {
				from = dWin.From
			}
			if to.IsZero() || dWin.To.Before(to) {
				to = dWin.To
			}
		} else {
			narrower = true
		}
		if !to.IsZero() && !to.After(from) {
			return nil, false // empty: [from, to) holds no instant
		}
		if narrower {
			d, err := windowRange(from, to, loc)
			if err != nil {
				return nil, true
			}
			r.Date, r.HasDate = d, true
		}
	}
	text, err := encode.CanonicalChecked(&r)
	if err != nil {
		return nil, true
	}
	back, err := filter.Parse("GET", text)
	if err != nil || !slices.Equal(back.Fields, r.Fields) || back.MetaName != r.MetaName || back.MetaValue != r.MetaValue {
		return nil, true
	}
	if _, err := back.Resolve(now, loc); err != nil {
		return nil, true
	}
	return back, true
}

// openFrom and openTo stand for an open end of a startDate window: the
// first and last instants that every zone (offsets within a day) writes
// with a four-digit year, which the API requires (docs/LANGUAGE.md §3.6).
var (
	openFrom = time.Date(0, 1, 2, 0, 0, 0, 0, time.UTC)
	openTo   = time.Date(9999, 12, 30, 23, 59, 59, 999999999, time.UTC)
)

// windowRange writes [from, to) as d=A,B with A and B instants with
// offsets (half-open, [D-10]); an open end is openFrom or openTo.
func windowRange(from, to time.Time, loc *time.Location) (daterange.Range, error) {
	if from.IsZero() {
		from = openFrom
	}
	if to.IsZero() {
		to = openTo
	}
	a, err := valueAt(from.In(loc))
	if err != nil {
		return daterange.Range{}, err
	}
	b, err := valueAt(to.In(loc))
	if err != nil {
		return daterange.Range{}, err
	}
	return daterange.Between(a, b)
}
