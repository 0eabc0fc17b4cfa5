package filter

import (
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter/expr"
)

// Resource is what a request names.
type Resource uint8

// The resources of docs/LANGUAGE.md §1.1.
const (
	Files       Resource = iota // GET /files: the call-recording files
	File                        // DELETE /files/S{yyyymmdd}/R{digits}[.wav]: one file
	Transcripts                 // GET /transcripts: the chat transcripts
	Transcript                  // /transcripts/{interactionGUID}: one transcript
)

var resourceNames = [...]string{"files", "file", "transcripts", "transcript"}

// String returns the name recq parse prints: files, file, transcripts or transcript.
func (r Resource) String() string {
	if int(r) < len(resourceNames) {
		return resourceNames[r]
	}
	return "resource?"
}

// Format is the response encoding a request asks for with its suffix.
type Format uint8

// The formats; XML is the default when the path has no suffix.
const (
	XML Format = iota
	JSON
	CSV
)

var formatNames = [...]string{"xml", "json", "csv"}

// String returns the suffix without its dot: xml, json or csv.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "format?"
}

// DefaultPageSize is how many records a page holds ([D-5]).
const DefaultPageSize = 50

// MaxN bounds the page offset n ([D-5]).
const MaxN = 1_000_000_000

// Field is an exact, case-sensitive match of an output field's text ([D-4]).
type Field struct {
	Name, Value string
}

// Query is one request of the Recordings API, checked: every field holds a
// valid value. The zero Query is GET /files in XML with no variables, but
// for N, which Parse sets to its default of 1 (0 means 1). A Query built or
// changed by hand is checked with Validate before it is used.
type Query struct {
	Method   string // GET or DELETE
	Resource Resource
	Format   Format
	dateFrom int32  // where d's value starts in src (fields are ordered to fill padding)
	ID       string // a file's path (S20071220/R2007….wav) or a transcript's interactionGUID

	Date     daterange.Range // d=, when HasDate
	HasDate  bool
	fromJSON bool // src is the JSON form (UnmarshalJSON)

	// Zone is the tz= zone, and ZoneName its name as given; nil when absent.
	Zone     *time.Location
	ZoneName string

	StartDate     daterange.Value // start-date=, when HasStartDate
	HasStartDate  bool
	FinishDate    daterange.Value // finish-date=, when HasFinishDate (never with HasStartDate, [D-1])
	HasFinishDate bool

	Fields   []Field // field matches, sorted by name, each name once ([D-2])
	fieldBuf [4]Field

	// MetaName and MetaValue are the metaData_fieldName= and
	// metaData_fieldValue= substrings; both must match one entry ([D-3]).
	MetaName, MetaValue       string
	HasMetaName, HasMetaValue bool
	dateTo                    int32 // where d's value ends in src

	N int // the 1-based index of the first record returned

	// Filter is the filter= expression (recq's extension, docs/LANGUAGE.md
	// §11), nil when absent; it ANDs with every other variable.
	Filter               *expr.Expr
	filterBuf            *expr.Expr // kept across ParseInto, so that parsing a filter reuses its storage
	filterFrom, filterTo int32      // where the filter's value is written in src

	Warnings []Warning

	// src is the text the query was read from (given to Parse or
	// UnmarshalJSON), so that Resolve can place a fault of d that only the
	// clock reveals. It is kept by reference: Parse allocates nothing for it.
	src string
}

// dateAt is where d's value is written in src.
func (q *Query) dateAt() place {
	pl := place{value: Span{int(q.dateFrom), int(q.dateTo)}, json: q.fromJSON}
	if q.fromJSON {
		pl.path = varDate
	}
	return pl
}

// Warning is a part of a request that was accepted but does nothing, such as
// a finish-date beside a start-date ([D-1]). Warnings are values, not log lines.
type Warning struct {
	Variable string `json:"variable"`
	Msg      string `json:"message"`
}

// Field returns the value matched for the named field, and whether there is one.
func (q *Query) Field(name string) (string, bool) {
	for _, f := range q.Fields {
		if f.Name == name {
			return f.Value, true
		}
	}
	return "", false
}

// Location returns the zone that dates without an offset are read in: the
// tz= zone, else the tenant's (UTC when tenant is nil).
func (q *Query) Location(tenant *time.Location) *time.Location {
	switch {
	case q.Zone != nil:
		return q.Zone
	case tenant != nil:
		return tenant
	}
	return time.UTC
}

// Resolved is a query's dates as instants.
type Resolved struct {
	Zone       *time.Location
	Date       *daterange.Window // half-open
	StartDate  *daterange.Window // both ends included
	FinishDate *daterange.Window // both ends included

	// Filter holds the interval of each of the filter's date values,
	// indexed as Query.Filter.Values (zero for values of other kinds).
	Filter []daterange.Window
}

// Resolve turns the query's dates into instants, in the query's zone, at
// the clock reading now; tenant is the tenant's zone, for a query without tz.
// It fails when a range's end, once resolved, is not after its start, and
// when an instant, written in the query's zone, falls outside the years
// 0000 to 9999 (docs/LANGUAGE.md §3.6).
func (q *Query) Resolve(now time.Time, tenant *time.Location) (Resolved, error) {
	loc := q.Location(tenant)
	res := Resolved{Zone: loc}
	if q.HasDate {
		w, err := q.Date.Resolve(now, loc)
		if err != nil {
			var l ErrorList
			l.addCause(varDate, err, q.dateAt())
			l.setUTF16(q.src)
			return Resolved{}, l
		}
		res.Date = &w
	}
	if q.HasStartDate {
		w := q.StartDate.Near(now, loc)
		res.StartDate = &w
	}
	if q.HasFinishDate {
		w := q.FinishDate.Near(now, loc)
		res.FinishDate = &w
	}
	var l ErrorList
	if q.Filter != nil {
		res.Filter = q.resolveFilter(now, loc, &l)
	}
	q.checkYears(&l, res, loc)
	if len(l) > 0 {
		return Resolved{}, l
	}
	return res, nil
}
