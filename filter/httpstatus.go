package filter

// The HTTP statuses the codes mean, as plain numbers rather than net/http's
// constants: importing net/http for them would link it, and the crypto it
// brings, into the browser module (docs/BROWSER.md). httpstatus_test.go
// checks each against net/http.
const (
	statusOK                  = 200 // http.StatusOK
	statusBadRequest          = 400 // http.StatusBadRequest
	statusUnauthorized        = 401 // http.StatusUnauthorized
	statusNotFound            = 404 // http.StatusNotFound
	statusMethodNotAllowed    = 405 // http.StatusMethodNotAllowed
	statusInternalServerError = 500 // http.StatusInternalServerError
	statusServiceUnavailable  = 503 // http.StatusServiceUnavailable
)
