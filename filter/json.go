package filter

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
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
	return json.Marshal(out)
}

// UnmarshalJSON reads a query in its JSON shape and checks it exactly as
// Parse checks a request: a fault is an [ErrorList] whose variables are the
// query variables (d, tz, agentID, …), "path" for resource, id and format,
// "method", or "json" for JSON that does not have the shape. On a fault q
// is left as it was.
func (q *Query) UnmarshalJSON(b []byte) error {
	var in queryJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return ErrorList{jsonError(err)}
	}
	var errs ErrorList
	x := &Query{Method: "GET", N: 1}
	switch in.Method {
	case "", "GET", "DELETE":
		x.Method = cmpOr(in.Method, "GET")
	default:
		errs.Add("method", -1, "method "+quote(in.Method)+" is not accepted", "the API takes GET, and DELETE for one file or one transcript")
	}
	parsePath(jsonPath(in), x, &errs)
	var seen uint8
	set := func(name string, v *string) {
		if v != nil {
			x.set(name, *v, &seen, &errs)
		}
	}
	set(varDate, in.D)
	set(varZone, in.TZ)
	set(varStartDate, in.StartDate)
	set(varFinishDate, in.FinishDate)
	names := make([]string, 0, len(in.Fields))
	for name := range in.Fields {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if specialBit(name) != 0 {
			errs.Add(name, -1, name+" is not a field", "give it as the JSON key \""+name+"\", beside \"fields\"")
			continue
		}
		v := in.Fields[name]
		set(name, &v)
	}
	if in.MetaData != nil {
		set(varMetaName, in.MetaData.FieldName)
		set(varMetaValue, in.MetaData.FieldValue)
	}
	if in.N != nil {
		n, _, msg := parseN(strconv.Itoa(*in.N))
		if msg != "" {
			errs.Add(varN, -1, msg, "n is the 1-based index of the first record: n=1, n=51, n=101 …")
		}
		x.N = max(n, 1)
	}
	if (in.Resource == "file" || in.Resource == "transcript") && in.ID == "" {
		errs.Add("path", -1, "resource "+in.Resource+" needs an id", "id names one file (DELETE) or one transcript")
	}
	if (x.Resource == File || x.Resource == Transcript) && (seen != 0 || len(x.Fields) > 0) {
		errs.Add("query", -1, "one "+x.Resource.String()+" takes no query variables", "variables narrow the lists files and transcripts")
	}
	if len(errs) > 0 {
		return errs
	}
	check(x)
	*q = *x
	return nil
}

// jsonPath is the request path that a JSON query's resource, id and format
// stand for, so that parsePath checks them as it checks any path.
func jsonPath(in queryJSON) string {
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
	if in.ID != "" {
		b.WriteByte('/')
		b.WriteString(in.ID)
	}
	if in.Format != "" && in.Format != "xml" { // xml is the default and has no suffix on a DELETE path
		b.WriteByte('.')
		b.WriteString(in.Format)
	}
	return b.String()
}

// jsonError places a decoding fault of the JSON text itself.
func jsonError(err error) *Error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return &Error{Variable: "json", Pos: int(syn.Offset), Msg: syn.Error()}
	case errors.As(err, &typ):
		return &Error{Variable: cmpOr(typ.Field, "json"), Pos: -1, Msg: "expected a JSON " + typ.Type.String() + ", found " + typ.Value}
	}
	return &Error{Variable: "json", Pos: -1, Msg: err.Error(), Hint: "the keys are method, resource, id, format, d, tz, start-date, finish-date, fields, metaData and n"}
}

func ptr[T any](v T) *T { return &v }

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
