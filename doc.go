// Package recq is the front door of the query language of the Recordings
// API: /files and /transcripts, d= date ranges, tz=, start-date and
// finish-date, n= pages, field and metadata matches, in XML, JSON or CSV.
//
// The work is done in its packages, each with one job:
//
//   - [github.com/recq/recq/filter] reads a request into a typed Query, or
//     lists every fault with its variable, byte position and a hint;
//   - [github.com/recq/recq/encode] writes the one canonical query string;
//   - [github.com/recq/recq/daterange] parses, canonicalizes and resolves
//     date values and ranges against a clock and a zone the caller gives;
//   - [github.com/recq/recq/timezone] loads IANA zones from embedded data and
//     finds the start of a day from the zone's transitions;
//   - [github.com/recq/recq/grammar] is the language of record, in participle.
//
// This package joins them for a program that answers or describes
// requests:
//
//   - [Answer] writes the body the API answers to a GET over any [Store]
//     (records in memory: [Memory]; a database: package postgres), in the
//     query's format and zone, and [Delete] carries out a DELETE; a refusal
//     is an error whose HTTP status is filter.Status(err) and whose body
//     encode.WriteErrors writes;
//   - [Describe] returns the resolved form that recq parse prints, as a
//     [Report].
//
// Nothing reads the clock or the host's zone: the caller passes both, so a
// query means the same on every machine. Canonical strings and fault codes
// are stable; the wording of error messages is not (docs/VERSIONS.md says
// what each release promises; [Version] is this one). The language, with
// every decision and its reason, is docs/LANGUAGE.md.
package recq
