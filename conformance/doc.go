// Package conformance is recq's promises written as data: cases under
// testdata/ that a reader who knows no Go can follow and extend, a runner for
// the library (TestConformance) and one for any HTTP implementation of the
// Recordings API ([RunHTTP]; with [Deletes], on stores the caller gives
// each case afresh, the DELETE cases too: 204, then 404 for a file deleted
// twice), so a server built on recq, or another implementation, can be held
// to the same cases.
//
// A case file holds cases separated by blank lines; '#' starts a comment
// line. Each case is a list of "key value" lines:
//
//	case       D-10/half-open              the name: go test -run TestConformance/D-10 selects it
//	request    GET /files?d=2007-08-05,2007-08-07
//	now        2026-11-25T12:00:00Z        the clock (default 2026-11-25T12:00:00Z)
//	tenant     America/Los_Angeles         the tenant zone (default UTC)
//	canonical  /files?d=2007-08-05,2007-08-07
//	d          2007-08-05T00:00:00-07:00 2007-08-07T00:00:00-07:00    [from, to)
//	start-date FROM TO                     the ±5 s window, both ends in
//	finish-date FROM TO
//	extension  filter                      the request uses recq's extension filter= (docs/LANGUAGE.md §11),
//	                                       which the real API refuses: see RunHTTP's option Extensions
//	filter-date FROM TO                    the interval of the filter's next date value, in the order
//	                                       written: [from, to), the value's precision in the query's zone
//	warning    finish-date                 a variable that drew a warning
//	error      d 8 bad-date-part 17 19     the first fault: variable, position in the value, and
//	                                       optionally its code and its span [start, end) in the
//	                                       request's bytes (docs/ERRORS.md); after the request line
//	suggestions ["agentID"]                the first fault's suggestions, best first, as a JSON array
//	records    records/document.xml        records, in the API's own formats
//	page       S20071220/R1.wav ...        the filenames or interactionGUIDs of the page, in order ("page" alone: empty)
//	skip       why                         a case the code does not keep yet, with the reason: listed as
//	                                       skipped, and TestConformance fails once it holds
//
// Instants compare as instants, in any offset.
package conformance
