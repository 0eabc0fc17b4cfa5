package filter

import (
	"slices"
	"strings"

	"github.com/recq/recq/internal/editdist"
	"github.com/recq/recq/record"
)

// The output fields that may be matched as query variables, per resource:
// the leaves of the document's XML examples. startDate is refused (use
// start-date) and nested lists (wrapUpCode, metaDatas, messages) are not
// variables (docs/LANGUAGE.md §2.1).
var (
	fileFields       = record.FileFieldNames
	transcriptFields = record.TranscriptFieldNames
)

// The variables that are not fields, in canonical order.
const (
	varDate       = "d"
	varZone       = "tz"
	varStartDate  = "start-date"
	varFinishDate = "finish-date"
	varMetaName   = "metaData_fieldName"
	varMetaValue  = "metaData_fieldValue"
	varN          = "n"
)

var specialVars = []string{varDate, varZone, varStartDate, varFinishDate, varMetaName, varMetaValue, varN}

// FieldNames returns the names of the fields of r that a query may match, in
// output order. One file and one transcript take no variables.
func FieldNames(r Resource) []string {
	switch r {
	case Files:
		return slices.Clone(fileFields)
	case Transcripts:
		return slices.Clone(transcriptFields)
	}
	return nil
}

func isField(r Resource, name string) bool {
	switch r {
	case Files:
		return slices.Contains(fileFields, name)
	case Transcripts:
		return slices.Contains(transcriptFields, name)
	}
	return false
}

// unknownVariable explains a name that is not a variable of resource r: a
// known misspelling, a field of the other resource, or the nearest names.
func unknownVariable(r Resource, name string) (msg, hint string) {
	msg = "unknown variable " + quote(name)
	switch name {
	case "startDate":
		return "startDate is not a query variable", "use start-date"
	case "finishDate", "endDate", "end-date":
		return msg, "use finish-date"
	case "date", "dates", "range":
		return msg, "use d"
	case "offset", "page", "start":
		return msg, "use n, the 1-based index of the first record"
	case "wrapUpCode", "transactionCodes", "transactionCode", "metaDatas", "metaData", "messages", "message", "listName":
		return name + " is a nested list, not a query variable", "match metadata with metaData_fieldName and metaData_fieldValue"
	case "fieldName", "fieldValue":
		return msg, "use metaData_" + name
	}
	other := Transcripts
	if r == Transcripts {
		other = Files
	}
	if isField(other, name) {
		return name + " is a field of " + other.String() + ", not of " + r.String(), ""
	}
	names := append(append([]string{}, specialVars...), FieldNames(r)...)
	if s := nearest(name, names); s != "" {
		return msg, "did you mean " + s + "?"
	}
	return msg, "the variables are d, tz, start-date, finish-date, n, metaData_fieldName, metaData_fieldValue and the fields " + strings.Join(FieldNames(r), ", ")
}

// nearest returns the name closest to s: an exact match ignoring case and
// '-'/'_', else one within an edit distance of 2 (case-insensitive), else "".
func nearest(s string, names []string) string {
	if len(s) > 64 {
		return ""
	}
	fold := func(x string) string { return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(x)) }
	for _, n := range names {
		if fold(n) == fold(s) {
			return n
		}
	}
	best, bestD := "", 3
	var buf editdist.Buffer
	for _, n := range names {
		if d := editdist.Distance(strings.ToLower(s), strings.ToLower(n), 2, &buf); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}
