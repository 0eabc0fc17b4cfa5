// Package schema describes the Recordings API's query language as data, for
// tools and query-builder UIs: which resources and formats there are, which
// variables each resource takes and of what kind, the output fields and how
// a query matches them, the date forms, the zone names, the error codes and
// the limits. [Get] returns it; `recq schema` prints it (docs/SCHEMA.md).
//
// QueryJSONSchema is a JSON Schema (draft 2020-12) of a Query's JSON form
// (filter.Query.MarshalJSON).
package schema
