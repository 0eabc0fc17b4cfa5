package filter

import "errors"

// Status returns the HTTP status that the API answers err with: the status
// of the first fault's code (Code.Status) for an *Error or an ErrorList (a
// list is in the order of the request, so a fault of the path, such as an
// unknown resource, decides), and 500 for any other error (a store's
// failure, for instance): such an error is the server's, not the request's.
// A nil err is 200.
func Status(err error) int {
	if err == nil {
		return statusOK
	}
	var list ErrorList
	if errors.As(err, &list) {
		if len(list) == 0 {
			return statusInternalServerError
		}
		return list[0].Code.Status()
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code.Status()
	}
	return statusInternalServerError
}

// Faults returns the faults err holds: the list itself, a one-fault list
// for an *Error, or nil when err is none of them (a failure of a store or
// of a writer rather than a fault of the request).
func Faults(err error) ErrorList {
	var list ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return list
	}
	var e *Error
	if errors.As(err, &e) {
		return ErrorList{e}
	}
	return nil
}
