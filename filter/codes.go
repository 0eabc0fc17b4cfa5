package filter

// Code names a kind of fault with a stable kebab-case word. Messages and
// hints may be reworded between releases; codes never change meaning, and
// a code once listed here is never removed (docs/ERRORS.md).
type Code string

// The codes of faults in a request, of the JSON form, and of a server's
// answers. Each has one HTTP status (Code.Status).
const (
	// The request as a whole.
	CodeTooLong         Code = "too-long"              // the request is longer than MaxRequestLength
	CodeBadMethod       Code = "bad-method"            // a method other than GET or DELETE (405 in a server)
	CodeUnknownResource Code = "unknown-resource"      // the path names no resource of the API (404)
	CodeBadFormat       Code = "bad-format"            // a suffix other than .xml, .json, .csv, or .csv for one transcript
	CodeBadPath         Code = "bad-path"              // a file path or interactionGUID that is not well formed
	CodeQueryNotAllowed Code = "query-not-allowed"     // variables on one file or one transcript
	CodeBadEncoding     Code = "bad-encoding"          // a '%' without two hex digits, bytes that are not UTF-8, control characters
	CodeMissingName     Code = "missing-name"          // a value without a variable name (=x)
	CodeMissingValue    Code = "missing-value"         // a variable name without '=' and a value
	CodeEmptyValue      Code = "empty-value"           // a variable given with an empty value where one is needed
	CodeUnknownVariable Code = "unknown-variable"      // a name that is neither a special variable nor a field of the resource
	CodeDuplicate       Code = "duplicate-variable"    // a variable given twice ([D-2])
	CodeBadDate         Code = "bad-date"              // a date value that does not follow the grammar
	CodeBadDatePart     Code = "bad-date-part"         // a part of a date out of its range: month 13, hour 25, Feb 30, offset +24:00, today-100001d
	CodeMixedForms      Code = "mixed-forms"           // extended and basic forms in one value ([D-6])
	CodeDecimalComma    Code = "decimal-comma"         // a ',' as the decimal sign ([D-7])
	CodePlusAsSpace     Code = "plus-as-space"         // a '+' that arrived as a space: write %2B
	CodeUnsupportedDate Code = "unsupported-date-form" // week dates, ordinal dates, ISO intervals A/B
	CodeBadRange        Code = "bad-range"             // a range with an empty end or more than two ends
	CodeReversedRange   Code = "reversed-range"        // a range whose end is not after its start ([D-10])
	CodeUnknownZone     Code = "unknown-zone"          // tz names no IANA zone
	CodeBadPage         Code = "bad-page"              // n is not a whole number from 1 to MaxN ([D-5])
	CodeBadJSON         Code = "bad-json"              // the JSON form of a query is not well formed or has the wrong types
	CodeBadQuery        Code = "bad-query"             // a Query built by hand breaks a rule the parser keeps (Query.Validate)
	CodeUnsupportedRule Code = "unsupported-rule"      // a query builder's rule recq cannot express (field against field, an unknown operator, d under an or)
	CodeTooManyFaults   Code = "too-many-faults"       // parsing stopped after MaxErrors faults; the rest of the query was not read

	// A server's answers.
	CodeUnauthorized Code = "unauthorized" // the tenant name or token is missing or wrong (401)
	CodeNotFound     Code = "not-found"    // no such recording file or transcript (404)
	CodeOverloaded   Code = "overloaded"   // too many requests at once: retry after Retry-After (503)
	CodeInternal     Code = "internal"     // the server failed; its log has the cause (500)
)

// CodeInfo describes one code for documentation and schemas.
type CodeInfo struct {
	Code    Code   `json:"code"`
	Status  int    `json:"status"`
	Meaning string `json:"meaning"`
}

// codes is every code in the order of its documentation.
var codes = []CodeInfo{
	{CodeTooLong, statusBadRequest, "the request is longer than 8192 bytes"},
	{CodeBadMethod, statusMethodNotAllowed, "the method is not GET, or DELETE for one file or one transcript"},
	{CodeUnknownResource, statusNotFound, "the path names no resource of the API"},
	{CodeBadFormat, statusBadRequest, "the suffix is not .xml, .json or .csv, or .csv is asked of one transcript"},
	{CodeBadPath, statusBadRequest, "a file path (S{yyyymmdd}/R{digits}[.wav]) or an interactionGUID is not well formed"},
	{CodeQueryNotAllowed, statusBadRequest, "one file or one transcript takes no query variables"},
	{CodeBadEncoding, statusBadRequest, "a '%' without two hex digits, bytes that are not UTF-8, or a control character"},
	{CodeMissingName, statusBadRequest, "a value without a variable name"},
	{CodeMissingValue, statusBadRequest, "a variable name without '=' and a value"},
	{CodeEmptyValue, statusBadRequest, "a variable that needs a value is given an empty one"},
	{CodeUnknownVariable, statusBadRequest, "the name is not a variable of the resource"},
	{CodeDuplicate, statusBadRequest, "a variable is given twice: the API matches one value"},
	{CodeBadDate, statusBadRequest, "a date value does not follow the date grammar"},
	{CodeBadDatePart, statusBadRequest, "a part of a date is out of its range (month, day, hour, minute, second, offset, relative days)"},
	{CodeMixedForms, statusBadRequest, "one date value mixes extended and basic forms"},
	{CodeDecimalComma, statusBadRequest, "a comma is used as the decimal sign: write '.'"},
	{CodePlusAsSpace, statusBadRequest, "a '+' arrived as a space: write %2B"},
	{CodeUnsupportedDate, statusBadRequest, "a week date, an ordinal date or an ISO 8601 interval: the API takes calendar dates"},
	{CodeBadRange, statusBadRequest, "a date range has an empty end or more than two ends"},
	{CodeReversedRange, statusBadRequest, "a date range's end is not after its start"},
	{CodeUnknownZone, statusBadRequest, "tz names no IANA time zone"},
	{CodeBadPage, statusBadRequest, "n is not a whole number from 1 to 1000000000"},
	{CodeBadJSON, statusBadRequest, "the JSON form of a query is not well formed or has a value of the wrong type"},
	{CodeBadQuery, statusBadRequest, "a Query built by hand breaks a rule that parsing keeps"},
	{CodeUnsupportedRule, statusBadRequest, "a query builder's rule that the API cannot express"},
	{CodeTooManyFaults, statusBadRequest, "the request has so many faults that the rest of it was not read"},
	{CodeFilterSyntax, statusBadRequest, "a filter has an unexpected or missing character, or an unclosed parenthesis or quote"},
	{CodeUnknownSelector, statusBadRequest, "a filter compares a name that is no selector of the resource"},
	{CodeOperatorType, statusBadRequest, "a filter's operator does not compare its selector's kind (=gt= on text)"},
	{CodeBadValue, statusBadRequest, "a filter's value is not of its selector's kind (duration=gt=10m)"},
	{CodeTooDeep, statusBadRequest, "a filter nests more than 32 parentheses"},
	{CodeNotInAPI, statusBadRequest, "recq's extension (filter=) where recq stands in for the API: start recq serve with --filter"},
	{CodeUnauthorized, statusUnauthorized, "the tenant name or token is missing or wrong; a regenerated token revokes the old one"},
	{CodeNotFound, statusNotFound, "no such recording file or transcript"},
	{CodeOverloaded, statusServiceUnavailable, "too many requests at once: retry after Retry-After"},
	{CodeInternal, statusInternalServerError, "the server failed; its log has the cause"},
}

// Codes returns every code with its HTTP status and meaning, in the order
// of docs/ERRORS.md. The caller may modify the slice.
func Codes() []CodeInfo {
	return append([]CodeInfo(nil), codes...)
}

// Status returns the HTTP status that a fault of this code is answered
// with: 400 for most faults of a request, 404 for an unknown resource or
// record, 405 for a method, and 401, 500, 503 for a server's own.
// An unknown code is 400.
func (c Code) Status() int {
	for _, i := range codes {
		if i.Code == c {
			return i.Status
		}
	}
	return statusBadRequest
}

// Span is a half-open range [Start, End) of offsets into a request exactly
// as received (before percent-decoding: %20 is three bytes), in bytes or,
// for Error.UTF16, in UTF-16 code units.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}
