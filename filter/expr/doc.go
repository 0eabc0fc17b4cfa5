// Package expr is the filter= expression of recq's extension to the
// Recordings API: RSQL/FIQL comparisons (agentID==bill, duration=gt=600,
// startDate=ge=today-7d) joined by ';' (and) and ',' (or), typed by the
// resource's selectors, with recq's date language inside
// (docs/LANGUAGE.md §14).
//
// [Parse] reads the filter's text, already percent-decoded, into an [Expr]:
// a tree in prefix order, every comparison's values checked against its
// selector's kind. Faults are [Error] values with a stable code and a span
// in that text; package filter maps them back into the request as given.
// [Expr.Resolve] turns date values into instants against a clock and a
// zone the caller supplies, [Expr.AppendText] writes the canonical form,
// and [CompileFiles] and [CompileTranscripts] make the predicate that
// evaluates it over records.
package expr
