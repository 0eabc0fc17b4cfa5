package filter

// Query.UnmarshalJSON as it was written with encoding/json's Decoder (git
// history: filter/json.go and jsonplace.go before internal/jsonr), kept as
// the reference json_read_test.go holds the hand-written reading to.

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

func refUnmarshalJSON(q *Query, b []byte) error {
	var in queryJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		l := ErrorList{refJsonError(err, b)}
		l.setUTF16(string(b))
		return l
	}
	src := string(b)
	keys := refScanJSON(src)
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
	names := make([]string, 0, len(in.Fields))
	for name := range in.Fields {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int { return keys.get("fields."+a).name.Start - keys.get("fields."+b).name.Start })
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

// refJsonError places a decoding fault of the JSON text b itself.
func refJsonError(err error, b []byte) *Error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	src := string(b)
	at := func(off int64) Span { // the character that ends at off
		o := max(0, min(int(off), len(b)))
		start := max(0, o-1)
		for start > 0 && !utf8.RuneStart(b[start]) {
			start--
		}
		return Span{start, start + runeLen(src, start)}
	}
	switch {
	case errors.As(err, &syn):
		return &Error{Code: CodeBadJSON, Variable: "json", Pos: int(syn.Offset), Span: at(syn.Offset), Msg: strings.TrimPrefix(syn.Error(), "json: ")}
	case errors.As(err, &typ):
		path := typ.Field
		span := at(typ.Offset)
		if k, ok := refScanJSON(src)[path]; ok {
			span = k.value
		}
		v := path
		if i := strings.LastIndexByte(v, '.'); i >= 0 {
			v = v[i+1:]
		}
		return &Error{Code: CodeBadJSON, Variable: cmpOr(v, "json"), JSONPath: path, Pos: -1, Span: span, Msg: "expected a JSON " + refJsonKind(typ.Type.Kind()) + ", found " + typ.Value}
	}
	const keyHint = "the keys are method, resource, id, format, d, tz, start-date, finish-date, fields, metaData, filter and n"
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name, _ = strconv.Unquote(name)
		e := &Error{Code: CodeBadJSON, Variable: "json", JSONPath: name, Pos: -1, Msg: "unknown key " + quote(name), Hint: keyHint}
		found := false
		for path, k := range refScanJSON(src) {
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
	return &Error{Code: CodeBadJSON, Variable: "json", Pos: -1, Msg: strings.TrimPrefix(err.Error(), "json: "), Hint: keyHint}
}

// refJsonKind names a Go kind as JSON does.
func refJsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "string"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "number"
	case reflect.Map, reflect.Struct, reflect.Pointer:
		return "object"
	}
	return k.String()
}

// refScanJSON finds the keys of a query's JSON text and the spans of their
// names and values. It is run on a fault only, and reads what
// encoding/json accepted, so it stops quietly at anything unexpected.
// Keys are matched as encoding/json matches them: ignoring case, but for
// the names inside "fields".
func refScanJSON(src string) jsonKeys {
	keys := jsonKeys{}
	s := &refJsonScan{src: src, dec: json.NewDecoder(strings.NewReader(src))}
	t, span, ok := s.next()
	if !ok || t != json.Delim('{') {
		return keys
	}
	keys[""] = jsonKey{place: place{name: span, value: span, json: true}}
	s.object("", keys)
	return keys
}

type refJsonScan struct {
	src string
	dec *json.Decoder
}

// next reads one token and its span in src.
func (s *refJsonScan) next() (json.Token, Span, bool) {
	start := int(s.dec.InputOffset())
	for start < len(s.src) && strings.IndexByte(" \t\r\n,:", s.src[start]) >= 0 {
		start++
	}
	t, err := s.dec.Token()
	if err != nil {
		return nil, Span{}, false
	}
	return t, Span{start, int(s.dec.InputOffset())}, true
}

// object reads the members of an object whose '{' was read, under prefix
// ("" for the top, "fields." or "metaData.").
func (s *refJsonScan) object(prefix string, keys jsonKeys) bool {
	for {
		t, nameSpan, ok := s.next()
		if !ok {
			return false
		}
		if t == json.Delim('}') {
			return true
		}
		name, _ := t.(string)
		path, known := canonicalKey(prefix, name)
		if nameSpan.End-nameSpan.Start >= 2 { // the name without its quotes
			nameSpan = Span{nameSpan.Start + 1, nameSpan.End - 1}
		}
		v, span, ok := s.next()
		if !ok {
			return false
		}
		k := jsonKey{place: place{name: nameSpan, value: span, json: true, path: path}, unknown: !known}
		switch v {
		case json.Delim('{'):
			if known && (path == "fields" || path == "metaData") {
				if !s.object(path+".", keys) {
					return false
				}
			} else if !s.skip() {
				return false
			}
			k.value.End = int(s.dec.InputOffset())
		case json.Delim('['):
			if !s.skip() {
				return false
			}
			k.value.End = int(s.dec.InputOffset())
		default:
			if _, isString := v.(string); isString && span.End-span.Start >= 2 {
				k.raw = s.src[span.Start+1 : span.End-1]
				k.value = Span{span.Start + 1, span.End - 1}
			}
		}
		keys[path] = k
	}
}

// skip reads the rest of an object or array whose opening delimiter was read.
func (s *refJsonScan) skip() bool {
	for depth := 1; depth > 0; {
		t, _, ok := s.next()
		if !ok {
			return false
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return true
}
