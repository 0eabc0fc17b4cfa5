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

var specialVars = []string{varDate, varZone, varStartDate, varFinishDate, varMetaName, varMetaValue, varFilter, varN}

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

// fieldsOf is FieldNames without the copy, for reading.
func fieldsOf(r Resource) []string {
	switch r {
	case Files:
		return fileFields
	case Transcripts:
		return transcriptFields
	}
	return nil
}

// isField reports whether name is a field of r that a query may match.
// It compares name only with the fields of its length: a request's every
// variable passes here, so the common case costs a compare or two.
func isField(r Resource, name string) bool {
	var byLen *[maxFieldLen + 1][]string
	switch r {
	case Files:
		byLen = &fileFieldsByLen
	case Transcripts:
		byLen = &transcriptFieldsByLen
	default:
		return false
	}
	return len(name) <= maxFieldLen && slices.Contains(byLen[len(name)], name)
}

// maxFieldLen bounds the length of a field's name.
const maxFieldLen = 32

var fileFieldsByLen, transcriptFieldsByLen = byLength(fileFields), byLength(transcriptFields)

// byLength groups names by their length.
func byLength(names []string) (t [maxFieldLen + 1][]string) {
	for _, n := range names {
		if len(n) > maxFieldLen {
			panic("filter: field name longer than maxFieldLen: " + n)
		}
		t[len(n)] = append(t[len(n)], n)
	}
	return t
}

// unknownVariable explains a name that is not a variable of resource r: a
// known misspelling, a field of the other resource, or the nearest names.
// The suggestions replace the name.
func unknownVariable(r Resource, name string) (msg, hint string, sugg []string) {
	msg = "unknown variable " + quote(name)
	switch name {
	case "startDate":
		return "startDate is not a query variable", "use start-date", []string{varStartDate}
	case "finishDate", "endDate", "end-date":
		return msg, "use finish-date", []string{varFinishDate}
	case "date", "dates", "range":
		return msg, "use d", []string{varDate}
	case "offset", "page", "start":
		return msg, "use n, the 1-based index of the first record", []string{varN}
	case "wrapUpCode", "transactionCodes", "transactionCode", "metaDatas", "metaData", "messages", "message", "listName":
		return name + " is a nested list, not a query variable", "match metadata with metaData_fieldName and metaData_fieldValue", nil
	case "fieldName", "fieldValue":
		return msg, "use metaData_" + name, []string{"metaData_" + name}
	}
	other := Transcripts
	if r == Transcripts {
		other = Files
	}
	if isField(other, name) {
		return name + " is a field of " + other.String() + ", not of " + r.String(), "query /" + other.String() + " to match it", nil
	}
	if s := nearest(name, specialVars, fieldsOf(r)); s != "" {
		return msg, "did you mean " + s + "?", []string{s}
	}
	return msg, "the variables are d, tz, start-date, finish-date, n, metaData_fieldName, metaData_fieldValue and the fields " + fieldList(r), nil
}

// fieldList is the fields of r joined for a hint, built once per resource.
func fieldList(r Resource) string {
	if r == Transcripts {
		return transcriptFieldList
	}
	return fileFieldList
}

var (
	fileFieldList       = strings.Join(fileFields, ", ")
	transcriptFieldList = strings.Join(transcriptFields, ", ")
)

// nearest is editdist.Nearest: the closest name of lists to s, or "".
func nearest(s string, lists ...[]string) string { return editdist.Nearest(s, lists...) }
