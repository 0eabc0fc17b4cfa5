package filter

import (
	"sync/atomic"
	"time"

	"github.com/recq/recq/timezone"
)

// Validate checks a Query built or changed by hand against the rules that
// Parse keeps, so that its canonical form is one the API reads back as the
// same query (docs/LANGUAGE.md §11). It returns nil or
// an ErrorList with a fault per broken rule, each with its code:
//
//   - method: GET (or "", which is GET) for the lists and one transcript,
//     DELETE for one file or one transcript (bad-method);
//   - path: a Resource and a Format of their lists (bad-query, bad-format),
//     an ID only for one file or one transcript and in the form Parse gives
//     (S20071220/R2007….wav with its .wav; an interactionGUID) (bad-path),
//     no CSV for one transcript and no suffix on a DELETE (bad-format), and
//     no variables for one file or one transcript (query-not-allowed);
//   - tz: a Zone with the IANA name it was loaded by in ZoneName, or
//     neither (bad-query, unknown-zone);
//   - finish-date beside start-date: Parse keeps only start-date ([D-1])
//     (bad-query);
//   - fields: names that are fields of the resource (unknown-variable; a
//     name such as "d" or "n" has a Query field of its own: bad-query),
//     sorted by name (bad-query) and each once (duplicate-variable);
//   - values of fields and metadata: UTF-8 text without control characters
//     (bad-encoding), and no metadata text without its Has flag (bad-query);
//   - n: 1 to MaxN, or 0 for the default 1 (bad-page).
//
// Dates need no check: a daterange.Range or Value can only be made valid.
// A Query from Parse, ParseInto or UnmarshalJSON always passes. On success
// Validate allocates nothing.
func (q *Query) Validate() error {
	var l ErrorList
	q.validatePath(&l)
	if q.Resource == File || q.Resource == Transcript {
		if q.hasVariables() {
			l.addCode(CodeQueryNotAllowed, "query", -1, "one "+q.Resource.String()+" takes no query variables", "variables narrow the lists /files and /transcripts")
		}
		return l.Err()
	}
	q.validateZone(&l)
	if q.HasStartDate && q.HasFinishDate {
		l.addCode(CodeBadQuery, varFinishDate, -1, "finish-date is set beside start-date", "only start-date applies ([D-1]): clear HasFinishDate")
	}
	for i, f := range q.Fields {
		switch {
		case specialBit(f.Name) != 0:
			l.addCode(CodeBadQuery, f.Name, -1, f.Name+" is not a field", "set the Query's own field for "+f.Name)
			continue
		case !isField(q.Resource, f.Name):
			msg, hint, sugg := unknownVariable(q.Resource, f.Name)
			l.addCode(CodeUnknownVariable, f.Name, -1, msg, hint).Suggestions = sugg
			continue
		case i > 0 && q.Fields[i-1].Name == f.Name:
			l.addCode(CodeDuplicate, f.Name, -1, f.Name+" is given twice", "give each field once: the API matches one value")
			continue
		case i > 0 && q.Fields[i-1].Name > f.Name:
			l.addCode(CodeBadQuery, f.Name, -1, "Fields are not sorted by name: "+f.Name+" comes after "+q.Fields[i-1].Name, "sort Fields by Name")
		}
		validText(&l, f.Name, f.Value)
	}
	q.validateMeta(&l, varMetaName, q.MetaName, q.HasMetaName)
	q.validateMeta(&l, varMetaValue, q.MetaValue, q.HasMetaValue)
	q.validateFilter(&l)
	if q.N < 0 || q.N > MaxN {
		l.addCode(CodeBadPage, varN, -1, "n is out of range 1–1000000000", "n is the 1-based index of the first record: n=1, n=51, n=101 …")
	}
	return l.Err()
}

// validatePath checks the method, the resource, its ID and the format.
func (q *Query) validatePath(l *ErrorList) {
	method := q.Method
	if method == "" {
		method = "GET"
	}
	if method != "GET" && method != "DELETE" {
		l.addCode(CodeBadMethod, "method", -1, "method "+quote(q.Method)+" is not accepted", "the API takes GET, and DELETE for one file or one transcript")
		return
	}
	if q.Format > CSV {
		l.addCode(CodeBadFormat, "path", -1, "Format "+q.Format.String()+" is none of XML, JSON and CSV", "")
	}
	switch q.Resource {
	case Files, Transcripts:
		if q.ID != "" {
			l.addCode(CodeBadPath, "path", -1, "a list of "+q.Resource.String()+" has no ID", "set Resource to File or Transcript for one record")
		}
		if method != "GET" {
			l.addCode(CodeBadMethod, "method", -1, "a list is not deleted", "DELETE takes one file or one transcript")
		}
	case File:
		if method != "DELETE" {
			l.addCode(CodeBadMethod, "method", -1, "one recording file is only deleted", "set Method to DELETE")
		}
		if q.Format != XML {
			l.addCode(CodeBadFormat, "path", -1, "DELETE of a file takes no format", "leave Format at XML")
		}
		x := Query{Method: "DELETE"}
		var faults ErrorList
		parseFilePath(q.ID, 0, &x, pathErrs{&faults, 0})
		if len(faults) == 0 && x.ID != q.ID {
			faults.Add(CodeBadPath, "path", -1, Span{}, "the file path "+quote(q.ID)+" is not in its canonical form", "write it as Parse does: "+x.ID)
		}
		l.adopt(faults, CodeBadPath)
	case Transcript:
		if q.Format == CSV {
			l.addCode(CodeBadFormat, "path", -1, "one transcript has no CSV form", "use XML or JSON for one transcript")
		}
		if method == "DELETE" && q.Format != XML {
			l.addCode(CodeBadFormat, "path", -1, "DELETE takes no format suffix", "leave Format at XML for a DELETE")
		}
		x := Query{Method: "GET"}
		var faults ErrorList
		parseGUID(q.ID, 0, &x, pathErrs{&faults, 0})
		if len(faults) == 0 && x.ID != q.ID {
			faults.Add(CodeBadPath, "path", -1, Span{}, "the interactionGUID "+quote(q.ID)+" holds a suffix", "set the suffix in Format")
		}
		l.adopt(faults, CodeBadPath)
	default:
		l.addCode(CodeBadQuery, "path", -1, "Resource "+q.Resource.String()+" is none of Files, File, Transcripts and Transcript", "")
	}
}

// hasVariables reports whether q holds any query variable.
func (q *Query) hasVariables() bool {
	return q.HasDate || q.Zone != nil || q.ZoneName != "" || q.HasStartDate || q.HasFinishDate ||
		len(q.Fields) > 0 || q.HasMetaName || q.HasMetaValue || q.MetaName != "" || q.MetaValue != "" ||
		q.N != 0 && q.N != 1 || q.Filter != nil
}

// validateZone checks that Zone and ZoneName agree.
func (q *Query) validateZone(l *ErrorList) {
	switch {
	case q.Zone == nil && q.ZoneName == "":
	case q.Zone == nil:
		l.addCode(CodeBadQuery, varZone, -1, "ZoneName "+quote(q.ZoneName)+" is set without a Zone", "set Zone to the zone timezone.Load returns for ZoneName")
	case q.ZoneName == "":
		l.addCode(CodeBadQuery, varZone, -1, "Zone "+quote(q.Zone.String())+" is set with an empty ZoneName", "set ZoneName to the IANA name the zone was loaded by")
	default:
		if c := lastZone.Load(); c != nil && c.loc == q.Zone && c.name == q.ZoneName {
			return // this very pair was checked before; zones never change
		}
		loc, err := timezone.Load(q.ZoneName)
		if err != nil {
			var faults ErrorList
			faults.addCause(varZone, err, place{})
			l.adopt(faults, CodeUnknownZone)
			return
		}
		if loc.String() != q.Zone.String() {
			l.addCode(CodeBadQuery, varZone, -1, "Zone "+quote(q.Zone.String())+" is not the zone ZoneName "+quote(q.ZoneName)+" names", "set Zone to the zone timezone.Load returns for ZoneName")
			return
		}
		if loc == q.Zone {
			lastZone.Store(&zoneCheck{loc, q.ZoneName}) // allocates once per new zone, not per query
		}
	}
}

// zoneCheck is a Zone and ZoneName found to agree, so that validating the
// queries of a server, which mostly share one or a few zones, skips the
// lookup of the zone's name.
type zoneCheck struct {
	loc  *time.Location
	name string
}

var lastZone atomic.Pointer[zoneCheck]

// validateMeta checks one metadata substring.
func (q *Query) validateMeta(l *ErrorList, name, value string, has bool) {
	if !has {
		if value != "" {
			l.addCode(CodeBadQuery, name, -1, name+" has a value but is not set", "set its Has flag, or clear the value")
		}
		return
	}
	validText(l, name, value)
}

// validText checks that a value is text a request can carry: UTF-8
// without control characters, as Parse decodes it.
func validText(l *ErrorList, name, value string) {
	if j := invalidByte(value); j >= 0 {
		l.addCode(CodeBadEncoding, name, j, "the value holds "+describeByte(value, j), "values are UTF-8 text without control characters")
	}
}

// addCode appends a fault with its code.
// A hand-built Query has no request text, so its faults have empty spans.
func (l *ErrorList) addCode(code Code, variable string, pos int, msg, hint string) *Error {
	return l.Add(code, variable, pos, Span{}, msg, hint)
}

// adopt appends faults found by the parser's own checks, giving code to
// those that have none.
func (l *ErrorList) adopt(faults ErrorList, code Code) {
	for _, e := range faults {
		if e.Code == "" {
			e.Code = code
		}
		*l = append(*l, e)
	}
}
