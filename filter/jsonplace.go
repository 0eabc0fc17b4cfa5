package filter

import (
	"strings"

	"github.com/recq/recq/internal/jsonr"
)

// topKeys are the keys of a query's JSON shape (MarshalJSON).
var topKeys = []string{"d", "tz", "start-date", "finish-date", "fields", "metaData", "filter", "n", "method", "resource", "id", "format"}

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
// names and values. It is run on a fault only, and reads the first value
// of the text, as the decoder does, so it stops quietly at anything
// unexpected. Keys are matched as encoding/json matches them: ignoring case,
// but for the names inside "fields".
func scanJSON(src string) jsonKeys {
	keys := jsonKeys{}
	start := jsonr.Space(src, 0)
	end, err := jsonr.CheckFirst(src)
	if err != nil || start >= len(src) || src[start] != '{' {
		return keys
	}
	brace := Span{start, start + 1}
	keys[""] = jsonKey{place: place{name: brace, value: brace, json: true}}
	scanObject(src, start, end, "", keys)
	return keys
}

// scanObject records the members of the object src[start:end] under prefix
// ("" for the top, "fields." or "metaData.").
func scanObject(src string, start, end int, prefix string, keys jsonKeys) {
	members, _ := jsonr.Members(src[start:end])
	for _, m := range members {
		path, known := canonicalKey(prefix, m.Name)
		nameAt := start + m.NameAt
		nameEnd := jsonr.Skip(src, nameAt)
		vAt := start + m.ValueAt
		vEnd := vAt + len(m.Value)
		k := jsonKey{place: place{name: Span{nameAt + 1, nameEnd - 1}, value: Span{vAt, vEnd}, json: true, path: path}, unknown: !known}
		switch jsonr.Kind(m.Value) {
		case "object":
			if known && (path == "fields" || path == "metaData") {
				scanObject(src, vAt, vEnd, path+".", keys)
			}
		case "string":
			k.raw = src[vAt+1 : vEnd-1]
			k.value = Span{vAt + 1, vEnd - 1}
		}
		keys[path] = k
	}
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
