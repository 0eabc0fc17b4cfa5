// Package client is a Go client for the Recordings API: it lists every
// page of /files and /transcripts as one sequence of records, reads one
// transcript, and deletes files and transcripts, over HTTPS with HTTP Basic
// authentication (the tenant name as user, the token as password).
//
// A query is checked by package filter before anything is sent: a refused
// query returns the library's [filter.ErrorList] and no request. Every
// request carries an explicit tz (UTC unless [WithZone] names another, or
// [WithTenantZone] or [WithKnownTenantZone] ask for the tenant's), so an
// answer never depends on the tenant's setting by accident. Credentials go
// only to the base URL's origin, and every request has a deadline
// (docs/CLIENT.md).
//
// Listing walks the pages so that no record is lost or listed twice while
// records are deleted under the walk: by key when the query's dates allow
// (d is narrowed to start at the last startDate seen), else by offset with
// a one-record overlap that detects shifts and drops repeats. What each
// walk promises is written in docs/CLIENT.md.
//
// 503 and 429 are retried after Retry-After or a jittered exponential
// back-off, a bounded number of times and never past the context's
// deadline; a 401 is an [*AuthError] (a regenerated token revokes the old
// one at once); any other failure is a [*StatusError] with the API's error
// body, and a page cut short or malformed is a [*PageError] naming the page,
// never a shorter listing.
package client
