package filter

import (
	"encoding/json"
	"strings"
)

// topKeys are the keys of a query's JSON shape (MarshalJSON).
var topKeys = []string{"d", "tz", "start-date", "finish-date", "fields", "metaData", "n", "method", "resource", "id", "format"}

// jsonKey is where one key of a query's JSON text is written.
type jsonKey struct {
	place
	unknown bool // not a key of the shape
}

// jsonKeys maps key paths (d, fields.agentID, metaData.fieldName) to where
// they are written; "" holds the span of the object's opening brace.
type jsonKeys map[string]jsonKey

// get returns the place of a key path; a key that is absent is placed at
// the object's opening brace.
func (k jsonKeys) get(path string) place {
	if p, ok := k[path]; ok {
		return p.place
	}
	top := k[""].value
	return place{name: top, value: top, json: true, path: path}
}

// scanJSON finds the keys of a query's JSON text and the spans of their
// names and values. It is run on a fault only, and reads what
// encoding/json accepted, so it stops quietly at anything unexpected.
// Keys are matched as encoding/json matches them: ignoring case, but for
// the names inside "fields".
func scanJSON(src string) jsonKeys {
	keys := jsonKeys{}
	s := &jsonScan{src: src, dec: json.NewDecoder(strings.NewReader(src))}
	t, span, ok := s.next()
	if !ok || t != json.Delim('{') {
		return keys
	}
	keys[""] = jsonKey{place: place{name: span, value: span, json: true}}
	s.object("", keys)
	return keys
}

type jsonScan struct {
	src string
	dec *json.Decoder
}

// next reads one token and its span in src.
func (s *jsonScan) next() (json.Token, Span, bool) {
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
func (s *jsonScan) object(prefix string, keys jsonKeys) bool {
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
func (s *jsonScan) skip() bool {
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

// canonicalKey returns the key path of name under prefix, and whether the
// shape has that key.
func canonicalKey(prefix, name string) (string, bool) {
	var known []string
	switch prefix {
	case "":
		known = topKeys
	case "metaData.":
		known = []string{"fieldName", "fieldValue"}
	case "fields.":
		return prefix + name, true
	}
	for _, k := range known {
		if strings.EqualFold(k, name) {
			return prefix + k, true
		}
	}
	return prefix + name, false
}
