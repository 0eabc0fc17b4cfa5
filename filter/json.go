package filter

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// queryJSON is the JSON shape of a Query; MarshalJSON documents it.
type queryJSON struct {
	Method     string            `json:"method,omitempty"`
	Resource   string            `json:"resource"`
	ID         string            `json:"id,omitempty"`
	Format     string            `json:"format,omitempty"`
	D          *string           `json:"d,omitempty"`
	TZ         *string           `json:"tz,omitempty"`
	StartDate  *string           `json:"start-date,omitempty"`
	FinishDate *string           `json:"finish-date,omitempty"`
	Fields     map[string]string `json:"fields,omitempty"`
	MetaData   *metaJSON         `json:"metaData,omitempty"`
	Filter     *string           `json:"filter,omitempty"`
	N          *int              `json:"n,omitempty"`
	Warnings   []Warning         `json:"warnings,omitempty"`
}

type metaJSON struct {
	FieldName  *string `json:"fieldName,omitempty"`
	FieldValue *string `json:"fieldValue,omitempty"`
}

// MarshalJSON writes the query in its stable JSON shape, for UIs that build
// one, send it and get it back checked. Variables that are absent are left
// out; values are canonical texts (dates keep their relativity):
//
//	{"method": "GET", "resource": "files", "format": "csv",
//	 "d": "today-1d,today", "tz": "America/Denver",
//	 "start-date": "2007-12-19T19:16:58Z", "finish-date": "…",
//	 "fields": {"agentID": "bill"},
//	 "metaData": {"fieldName": "Color", "fieldValue": "Blue"},
//	 "filter": "duration=gt=600;(agentID==bill,agentID==ann)",
//	 "n": 101, "warnings": [{"variable": "finish-date", "message": "…"}]}
//
// "resource" is files, file, transcripts or transcript; "id" holds the file
// path (DELETE of one file) or the interactionGUID; "format" is xml, json or
// csv. "warnings" is written, never read.
func (q *Query) MarshalJSON() ([]byte, error) {
	out := queryJSON{Method: q.Method, Resource: q.Resource.String(), ID: q.ID, Format: q.Format.String(), N: ptr(q.N), Warnings: q.Warnings}
	if q.HasDate {
		out.D = ptr(q.Date.String())
	}
	if q.Zone != nil {
		out.TZ = ptr(q.ZoneName)
	}
	if q.HasStartDate {
		out.StartDate = ptr(q.StartDate.String())
	}
	if q.HasFinishDate {
		out.FinishDate = ptr(q.FinishDate.String())
	}
	if len(q.Fields) > 0 {
		out.Fields = make(map[string]string, len(q.Fields))
		for _, f := range q.Fields {
			out.Fields[f.Name] = f.Value
		}
	}
	if q.HasMetaName || q.HasMetaValue {
		out.MetaData = &metaJSON{}
		if q.HasMetaName {
			out.MetaData.FieldName = ptr(q.MetaName)
		}
		if q.HasMetaValue {
			out.MetaData.FieldValue = ptr(q.MetaValue)
		}
	}
	if q.Filter != nil {
		out.Filter = ptr(q.Filter.String())
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads a query in its JSON shape and checks it exactly as
// Parse checks a request: a fault is an [ErrorList] whose variables are the
// query variables (d, tz, agentID, …), "path" for resource, id and format,
// "method", or "json" for JSON that does not have the shape. Each fault's
// JSONPath is the key the user wrote (d, fields.agentID, metaData.fieldName,
// resource), and its spans are offsets into b: the key for an unknown or
// repeated name, else the text at fault inside the value (docs/ERRORS.md).
// On a fault q is left as it was.
func (q *Query) UnmarshalJSON(b []byte) error {
	var in queryJSON
	src := string(b)
	if fault := decodeQueryJSON(src, &in); fault != nil {
		l := ErrorList{jsonError(fault, b)}
		l.setUTF16(src)
		return l
	}
	keys := scanJSON(src)
	var errs ErrorList
	x := &Query{Method: "GET", N: 1, src: src}
	switch in.Method {
	case "", "GET", "DELETE":
		x.Method = cmpOr(in.Method, "GET")
	default:
		errs.Add(CodeBadMethod, "method", -1, keys.get("method").whole(), "method "+quote(in.Method)+" is not accepted", "the API takes GET, and DELETE for one file or one transcript", "GET", "DELETE").JSONPath = "method"
	}
	jsonPathFaults(in, keys, x, &errs)
	var seen uint8
	set := func(name, path string, v *string) {
		if v != nil {
			x.set(name, *v, keys.get(path), &seen, &errs)
		}
	}
	set(varDate, varDate, in.D)
	set(varZone, varZone, in.TZ)
	set(varStartDate, varStartDate, in.StartDate)
	set(varFinishDate, varFinishDate, in.FinishDate)
	if x.Resource == Files || x.Resource == Transcripts {
		set(varFilter, varFilter, in.Filter)
	} else if in.Filter != nil {
		seen |= specialBit(varFilter) // one file or one transcript: refused below
	}
	names := make([]string, 0, len(in.Fields))
	for name := range in.Fields {
		names = append(names, name)
	}
	at := func(name string) int { return keys.get("fields." + name).name.Start }
	for i := 1; i < len(names); i++ { // in the order written: an insertion sort of a few names
		for j := i; j > 0 && at(names[j]) < at(names[j-1]); j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	for _, name := range names {
		path := "fields." + name
		if specialBit(name) != 0 {
			errs.Add(CodeBadJSON, name, -1, keys.get(path).name, name+" is not a field", "give it as the JSON key \""+name+"\", beside \"fields\"").JSONPath = path
			continue
		}
		v := in.Fields[name]
		set(name, path, &v)
	}
	if in.MetaData != nil {
		set(varMetaName, "metaData.fieldName", in.MetaData.FieldName)
		set(varMetaValue, "metaData.fieldValue", in.MetaData.FieldValue)
	}
	if in.N != nil {
		n, _, msg := parseN(strconv.Itoa(*in.N))
		if msg != "" {
			var sugg []string
			if n == 0 {
				sugg = []string{"1"}
			}
			errs.Add(CodeBadPage, varN, -1, keys.get("n").whole(), msg, "n is the 1-based index of the first record: 1, 51, 101 …", sugg...).JSONPath = "n"
		}
		x.N = max(n, 1)
	}
	if (in.Resource == "file" || in.Resource == "transcript") && in.ID == "" {
		errs.Add(CodeBadPath, "path", -1, keys.get("resource").whole(), "resource "+in.Resource+" needs an id", "id names one file (DELETE) or one transcript").JSONPath = "resource"
	}
	if (x.Resource == File || x.Resource == Transcript) && (seen != 0 || len(x.Fields) > 0) {
		errs.Add(CodeQueryNotAllowed, "query", -1, keys.get("resource").whole(), "one "+x.Resource.String()+" takes no query variables", "variables narrow the lists files and transcripts").JSONPath = "resource"
	}
	if len(errs) > 0 {
		errs.setUTF16(src)
		return errs
	}
	x.fromJSON = true
	check(x)
	*q = *x
	return nil
}

// jsonPathFaults checks a JSON query's resource, id and format as parsePath
// checks a path, by building the path they stand for, and places each fault
// on the key it comes from.
func jsonPathFaults(in queryJSON, keys jsonKeys, x *Query, errs *ErrorList) {
	var b strings.Builder
	b.WriteByte('/')
	switch in.Resource {
	case "file", "files":
		b.WriteString("files")
	case "transcript", "transcripts":
		b.WriteString("transcripts")
	default:
		b.WriteString(in.Resource)
	}
	idAt, formatAt := -1, -1
	if in.ID != "" {
		b.WriteByte('/')
		idAt = b.Len()
		b.WriteString(in.ID)
	}
	if in.Format != "" && in.Format != "xml" { // xml is the default and has no suffix on a DELETE path
		b.WriteByte('.')
		formatAt = b.Len()
		b.WriteString(in.Format)
	}
	var found ErrorList
	parsePath(b.String(), 0, x, &found)
	for _, e := range found {
		switch start := e.Span.Start; {
		case formatAt >= 0 && start >= formatAt-1:
			e.JSONPath, e.Pos, e.Span = "format", -1, keys.get("format").whole()
			for i, s := range e.Suggestions {
				e.Suggestions[i] = strings.TrimPrefix(s, ".")
			}
		case idAt >= 0 && start >= idAt:
			pl := keys.get("id")
			e.JSONPath, e.Pos, e.Span = "id", start-idAt, pl.at(start-idAt, e.Span.End-idAt)
		default:
			e.JSONPath, e.Pos, e.Span = "resource", -1, keys.get("resource").whole()
			if e.Code == CodeUnknownResource {
				e.Msg = "unknown resource " + quote(in.Resource)
				e.Hint = "the resources are files, file, transcripts and transcript"
			}
		}
		*errs = append(*errs, e)
	}
}

// jsonError places a decoding fault of the JSON text b itself.
func jsonError(f *jsonFault, b []byte) *Error {
	src := string(b)
	at := func(off int) Span { // the character that ends at off
		o := max(0, min(off, len(b)))
		start := max(0, o-1)
		for start > 0 && !utf8.RuneStart(b[start]) {
			start--
		}
		return Span{start, start + runeLen(src, start)}
	}
	switch {
	case f.syntax:
		return &Error{Code: CodeBadJSON, Variable: "json", Pos: f.offset, Span: at(f.offset), Msg: f.msg}
	case f.typed:
		path := f.field
		span := at(f.offset)
		if k, ok := scanJSON(src)[path]; ok {
			span = k.value
		}
		v := path
		if i := strings.LastIndexByte(v, '.'); i >= 0 {
			v = v[i+1:]
		}
		return &Error{Code: CodeBadJSON, Variable: cmpOr(v, "json"), JSONPath: path, Pos: -1, Span: span, Msg: "expected a JSON " + f.want + ", found " + f.value}
	}
	const keyHint = "the keys are method, resource, id, format, d, tz, start-date, finish-date, fields, metaData, filter and n"
	if f.unknown != "" || strings.HasPrefix(f.msg, "unknown field ") {
		name := f.unknown
		e := &Error{Code: CodeBadJSON, Variable: "json", JSONPath: name, Pos: -1, Msg: "unknown key " + quote(name), Hint: keyHint}
		found := false
		for path, k := range scanJSON(src) {
			// The unknown key of that name written first, as the decoder
			// met it (a map's order would pick one at random).
			if k.unknown && (path == name || strings.HasSuffix(path, "."+name)) && (!found || k.name.Start < e.Span.Start) {
				found = true
				e.JSONPath, e.Span = path, k.name
				e.Hint, e.Suggestions = keyHint, nil
				if strings.HasPrefix(path, "metaData.") {
					e.Hint = "metaData holds fieldName and fieldValue"
					if n := nearest(name, []string{"fieldName", "fieldValue"}); n != "" {
						e.Suggestions = []string{n}
					}
				} else if n := nearest(name, topKeys); n != "" {
					e.Suggestions = []string{n}
				}
			}
		}
		return e
	}
	return &Error{Code: CodeBadJSON, Variable: "json", Pos: -1, Msg: f.msg, Hint: keyHint}
}

func ptr[T any](v T) *T { return &v }

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
