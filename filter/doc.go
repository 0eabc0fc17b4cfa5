// Package filter holds the typed query of the Recordings API: which resource
// a request names, in which format, and the variables that narrow it (a d=
// range, tz, start-date, finish-date, field and metadata matches, the page
// offset n), checked against docs/LANGUAGE.md §2.
//
// [Parse] reads a request as the API receives it (a path with its query, or
// a whole URL) and returns a [Query] or an [ErrorList] that names every fault
// with its stable [Code], its variable, its [Span] in the request as given,
// suggestions that replace that span, and a hint (docs/ERRORS.md lists the
// codes and says how spans are counted). Parsing needs no clock;
// [Query.Resolve] turns the dates into instants against a clock and a tenant
// zone that the caller supplies.
package filter
