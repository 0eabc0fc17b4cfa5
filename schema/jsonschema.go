package schema

import (
	"strconv"
	"strings"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter"
)

// JSONSchemaDialect is the JSON Schema draft that QueryJSONSchema follows.
const JSONSchemaDialect = "https://json-schema.org/draft/2020-12/schema"

// QueryJSONSchema returns a JSON Schema (draft 2020-12) of a Query's JSON
// form, the shape filter.Query's MarshalJSON writes and UnmarshalJSON reads.
// It checks the shape: keys, types, names of fields per resource, the bounds
// of n and of an id; the grammar of dates and the zone names are the
// library's to check (UnmarshalJSON, or the browser module's fromJSON).
// Each call builds a new value the caller owns; it encodes with encoding/json.
func QueryJSONSchema() map[string]any {
	str := map[string]any{"type": "string"}
	date := map[string]any{"type": "string", "minLength": 1,
		"description": "a date value as in a URL's query, decoded: 2007-08-05, 2007-08-05T13:15Z, today-1d (relative days up to " + strconv.Itoa(daterange.MaxRelativeDays) + ")"}
	noVariables := map[string]any{"not": map[string]any{"anyOf": []any{
		map[string]any{"required": []any{"d"}}, map[string]any{"required": []any{"tz"}},
		map[string]any{"required": []any{"start-date"}}, map[string]any{"required": []any{"finish-date"}},
		map[string]any{"required": []any{"fields"}}, map[string]any{"required": []any{"metaData"}},
		map[string]any{"required": []any{"filter"}},
	}}}
	fieldsOf := func(r filter.Resource) map[string]any {
		return map[string]any{"properties": map[string]any{
			"fields": map[string]any{"propertyNames": map[string]any{"enum": anys(filter.FieldNames(r))}},
			"filter": map[string]any{"pattern": firstSelector(r)},
		}}
	}
	is := func(resource string) map[string]any {
		return map[string]any{"properties": map[string]any{"resource": map[string]any{"const": resource}}, "required": []any{"resource"}}
	}
	return map[string]any{
		"$schema":              JSONSchemaDialect,
		"$id":                  "https://github.com/recq/recq/schema/query.schema.json",
		"title":                "recq Query, JSON form",
		"description":          "One request of the Recordings API as filter.Query's MarshalJSON writes it; absent variables are left out.",
		"type":                 "object",
		"required":             []any{"resource"},
		"additionalProperties": false,
		"properties": map[string]any{
			"method":      map[string]any{"enum": []any{"GET", "DELETE"}, "description": "default GET"},
			"resource":    map[string]any{"enum": []any{"files", "file", "transcripts", "transcript"}},
			"id":          map[string]any{"type": "string", "minLength": 1, "maxLength": filter.MaxIDLength, "description": "a file's path S{yyyymmdd}/R{digits}.wav (DELETE), or an interactionGUID"},
			"format":      map[string]any{"enum": []any{"xml", "json", "csv"}, "description": "default xml"},
			"d":           date,
			"tz":          map[string]any{"type": "string", "minLength": 1, "description": "an IANA zone name, case-sensitive"},
			"start-date":  date,
			"finish-date": date,
			"fields":      map[string]any{"type": "object", "additionalProperties": str},
			"metaData": map[string]any{"type": "object", "additionalProperties": false,
				"properties": map[string]any{"fieldName": str, "fieldValue": str}},
			"filter": map[string]any{"type": "string", "minLength": 1, "maxLength": filter.MaxRequestLength,
				"description": "recq's extension: an RSQL/FIQL expression (docs/LANGUAGE.md §14), its canonical text when written; its grammar is the library's to check"},
			"n": map[string]any{"type": "integer", "minimum": 1, "maximum": filter.MaxN},
			"warnings": map[string]any{"type": "array", "description": "written by MarshalJSON, ignored when read",
				"items": map[string]any{"type": "object", "required": []any{"variable", "message"},
					"properties": map[string]any{"variable": str, "message": str}}},
		},
		"allOf": []any{
			map[string]any{"if": is("files"), "then": fieldsOf(filter.Files)},
			map[string]any{"if": is("transcripts"), "then": fieldsOf(filter.Transcripts)},
			map[string]any{"if": is("file"), "then": merge(noVariables, map[string]any{"required": []any{"id"},
				"properties": map[string]any{"method": map[string]any{"const": "DELETE"}, "id": map[string]any{"pattern": `^S[0-9]{8}/R[0-9]+(\.wav)?$`}}})},
			map[string]any{"if": is("transcript"), "then": merge(noVariables, map[string]any{"required": []any{"id"},
				"properties": map[string]any{"id": map[string]any{"pattern": `^[A-Za-z0-9_-]+$`}, "format": map[string]any{"enum": []any{"xml", "json"}}}})},
			map[string]any{"if": map[string]any{"required": []any{"id"}}, "then": map[string]any{"properties": map[string]any{"resource": map[string]any{"enum": []any{"file", "transcript"}}}}},
		},
	}
}

func merge(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// firstSelector is a pattern that a canonical filter of resource r
// matches: it opens with one of r's selectors (docs/LANGUAGE.md §14.2),
// after the parentheses of an or, and an operator.
func firstSelector(r filter.Resource) string {
	var names []string
	for _, s := range selectors(r) {
		// A selector's name is letters and '.', the one to escape; not
		// regexp.QuoteMeta, which would link regexp into the browser
		// module (docs/BROWSER.md).
		names = append(names, strings.ReplaceAll(s.Name, ".", `\.`))
	}
	return `^\(*(?:` + strings.Join(names, "|") + `)(?:==|!=|=[a-z]+=)`
}
