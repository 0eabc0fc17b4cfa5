// Package daterange parses, canonicalizes and resolves the date values of the
// Recordings API: the d= ranges and the start-date= and finish-date= points.
//
// A [Value] is a point written at some precision (a day, a minute, a second or
// a fraction of one) or a relative constant (today, today-7d); a [Range] is one
// value or two separated by a comma. Parsing needs no clock and no zone;
// [Value.Interval] and [Range.Resolve] turn them into instants against a clock
// and a zone that the caller supplies, so nothing here reads time.Now.
//
// The hand-written parser is the fast path; the participle grammar in package
// grammar is the language of record, and a property test holds the two to the
// same strings and the same values. String forms are canonical and stable:
// parse(v.String()) == v for every value.
package daterange
