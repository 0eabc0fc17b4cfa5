package schema

import (
	_ "embed"
	"slices"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/timezone"
)

// Version is the version of the document's shape. It grows when a key is
// added, never changes a key's meaning; a client checks it is at least the
// one it was written for.
const Version = 2

// Schema is the whole document, in the order `recq schema` prints it. The
// top-level keys are fixed by the command's contract.
type Schema struct {
	Version   int               `json:"version"`
	Resources []Resource        `json:"resources"`
	DateForms []DateForm        `json:"dateForms"`
	Zones     []string          `json:"zones"`
	Codes     []filter.CodeInfo `json:"codes"`
	Limits    Limits            `json:"limits"`
	Filter    Filter            `json:"filter"` // since version 2
}

// Resource is one resource of the API: its paths, methods, formats, the
// variables it takes and the fields it answers with.
type Resource struct {
	Name        string     `json:"name"`
	Path        string     `json:"path"`
	Methods     []string   `json:"methods"`
	Formats     []string   `json:"formats"`
	Description string     `json:"description"`
	Variables   []Variable `json:"variables"`
	Fields      []Field    `json:"fields"`
	Selectors   []Selector `json:"selectors"` // filter='s, since version 2
}

// The kinds of a query variable.
const (
	KindDateRange = "date-range" // d: a date or a half-open range A,B ([D-10])
	KindDatePoint = "date-point" // start-date, finish-date: within ±5 s of the value
	KindZone      = "zone"       // tz: an IANA zone name
	KindPage      = "page"       // n: the 1-based index of the first record
	KindExact     = "exact"      // a field: its text exactly, case-sensitive ([D-4])
	KindSubstring = "substring"  // metaData_fieldName, metaData_fieldValue: case-sensitive substring ([D-3])
)

// Variable is one query variable of a resource.
type Variable struct {
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	Description   string `json:"description"`
	CaseSensitive bool   `json:"caseSensitive,omitempty"`
	// ToleranceSeconds is the half-width of a date-point's window, both ends included.
	ToleranceSeconds int `json:"toleranceSeconds,omitempty"`
	// Field is the output field an exact variable matches.
	Field string `json:"field,omitempty"`
	// ValueKind is how the matched field is written (text, integer or date).
	ValueKind string `json:"valueKind,omitempty"`
	// Min, Max and Default bound a page offset.
	Min     int `json:"min,omitempty"`
	Max     int `json:"max,omitempty"`
	Default int `json:"default,omitempty"`
	// Examples are values as they are written in a URL's query.
	Examples []string `json:"examples,omitempty"`
}

// The kinds of an output field's value, as the API writes it.
const (
	FieldText    = "text"
	FieldInteger = "integer" // a whole number, written in decimal
	FieldDate    = "date"    // ISO 8601 with the query zone's offset, to the second
)

// The ways a query matches an output field.
const (
	MatchExact     = "exact"     // the variable of the same name: the field's text exactly ([D-4])
	MatchDate      = "date"      // d, start-date and finish-date
	MatchSubstring = "substring" // metaData_fieldName and metaData_fieldValue, in one entry ([D-3])
	MatchNone      = "none"      // not matched by any variable
)

// Field is one output field of a resource: its name (a slash path for a
// field inside a nested list, as in wrapUpCode/transactionCodes/transactionCode/name),
// the kind of its value, and how a query matches it.
type Field struct {
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Match     string   `json:"match"`
	Variables []string `json:"variables,omitempty"`
	Note      string   `json:"note,omitempty"`
}

// DateForm is one written form of a date value, with examples as they are
// written in a URL.
type DateForm struct {
	Name     string   `json:"name"`
	Grammar  string   `json:"grammar"`
	Examples []string `json:"examples"`
	Meaning  string   `json:"meaning"`
}

// Limits are the bounds the API enforces.
type Limits struct {
	RequestLength    int `json:"requestLength"`    // bytes of path and query
	NMin             int `json:"nMin"`             // the least n
	NMax             int `json:"nMax"`             // the greatest n
	PageSize         int `json:"pageSize"`         // records in one page
	RelativeDays     int `json:"relativeDays"`     // the greatest N in today-Nd, today+Nd
	IDLength         int `json:"idLength"`         // bytes of an interactionGUID or a file path
	ToleranceSeconds int `json:"toleranceSeconds"` // half-width of start-date's and finish-date's windows
}

// Tolerance is the half-width, in seconds, of the windows of start-date and
// finish-date (docs/LANGUAGE.md §2.1).
const Tolerance = 5

// Get returns the schema. Each call builds a new value the caller owns.
func Get() *Schema {
	return &Schema{
		Version: Version,
		Resources: []Resource{
			{
				Name: filter.Files.String(), Path: "/files[.xml|.json|.csv]", Methods: []string{"GET"},
				Formats: formats(filter.Files), Description: "the call-recording files, 50 a page, by startDate",
				Variables: variables(filter.Files), Fields: fileFields(), Selectors: selectors(filter.Files),
			},
			{
				Name: filter.File.String(), Path: "/files/S{yyyymmdd}/R{digits}[.wav]", Methods: []string{"DELETE"},
				Formats: formats(filter.File), Description: "one recording file, deleted; it takes no variables",
				Variables: []Variable{}, Fields: []Field{}, Selectors: selectors(filter.File),
			},
			{
				Name: filter.Transcripts.String(), Path: "/transcripts[.xml|.json|.csv]", Methods: []string{"GET"},
				Formats: formats(filter.Transcripts), Description: "the chat transcripts, 50 a page, by startDate, without their messages",
				Variables: variables(filter.Transcripts), Fields: transcriptFields(false), Selectors: selectors(filter.Transcripts),
			},
			{
				Name: filter.Transcript.String(), Path: "/transcripts/{interactionGUID}[.xml|.json]", Methods: []string{"GET", "DELETE"},
				Formats: formats(filter.Transcript), Description: "one transcript with its messages (GET), or its messages removed (DELETE, no suffix); it takes no variables",
				Variables: []Variable{}, Fields: transcriptFields(true), Selectors: selectors(filter.Transcript),
			},
		},
		DateForms: dateForms(),
		Zones:     timezone.Names(),
		Codes:     filter.Codes(),
		Limits: Limits{
			RequestLength:    filter.MaxRequestLength,
			NMin:             1,
			NMax:             filter.MaxN,
			PageSize:         filter.DefaultPageSize,
			RelativeDays:     daterange.MaxRelativeDays,
			IDLength:         filter.MaxIDLength,
			ToleranceSeconds: Tolerance,
		},
		Filter: filterInfo(),
	}
}

// formats lists the formats of a resource, the default (xml) first.
func formats(r filter.Resource) []string {
	switch r {
	case filter.Transcript:
		return []string{filter.XML.String(), filter.JSON.String()}
	case filter.File:
		return []string{} // a DELETE answers with a status alone
	}
	return []string{filter.XML.String(), filter.JSON.String(), filter.CSV.String()}
}

// integerFields are the fields written as whole numbers; every other leaf
// but the dates is text.
var integerFields = []string{"duration"}

// kindOf is the value kind of a field a query may match exactly.
func kindOf(name string) string {
	if slices.Contains(integerFields, name) {
		return FieldInteger
	}
	return FieldText
}
