// Package grammar is the grammar of record of the Recordings API's query
// language, in participle/v2: the date language (the value of d=,
// start-date= and finish-date= after URL decoding, docs/LANGUAGE.md §3, [ParseDateRange]),
// the request language (path, resource, id, format suffix, name=value
// pairs, docs/LANGUAGE.md §1 and §2, [ParseRequest]) and the filter
// language of recq's extension (the value of filter= after URL decoding,
// docs/LANGUAGE.md §14, [ParseFilter]).
//
// They fix syntax only — digit counts, separators, which parts may follow
// which, that a date is all extended or all basic, that a path holds no '%',
// which characters a filter's value must quote — and leave calendar, range
// and name checks (month 13, Feb 30, unknown variables and selectors, the
// operators a selector's kind takes) to whoever converts the tree. The
// hand-written parsers in daterange, filter and filter/expr are held to
// these grammars by property tests; every accepted string prints back
// unchanged through String. docs/GRAMMAR.md is generated from them.
package grammar
