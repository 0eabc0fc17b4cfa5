package client

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/recq/recq/filter"
)

// ErrNotFound is matched (errors.Is) by a *StatusError of status 404: no
// such transcript or recording file.
var ErrNotFound = errors.New("not found")

// StatusError is an answer of the API other than 2xx, 401 excepted: the
// status, the request it answered, and the faults of the API's error body
// (empty when the body could not be read as one; Body then holds its start).
type StatusError struct {
	Status  int
	Method  string
	Request string           // the path and query sent, without the base URL
	Faults  filter.ErrorList // the error body's faults, in its order
	Body    []byte           // the body's first bytes when Faults is empty
}

// Error returns the status, the request and the first fault on one line.
func (e *StatusError) Error() string {
	var b strings.Builder
	b.WriteString(e.Method)
	b.WriteString(" ")
	b.WriteString(e.Request)
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(e.Status))
	b.WriteString(" ")
	b.WriteString(http.StatusText(e.Status))
	switch {
	case len(e.Faults) > 0:
		b.WriteString(": ")
		b.WriteString(e.Faults.Error())
	case len(e.Body) > 0:
		b.WriteString(": ")
		b.WriteString(strconv.Quote(string(e.Body)))
	}
	return b.String()
}

// Is makes errors.Is(err, ErrNotFound) true for a 404.
func (e *StatusError) Is(target error) bool {
	return target == ErrNotFound && e.Status == http.StatusNotFound
}

// Unwrap gives errors.As access to the faults of the error body.
func (e *StatusError) Unwrap() error {
	if len(e.Faults) == 0 {
		return nil
	}
	return e.Faults
}

// AuthError is a 401: the tenant name or the token was refused. The API
// revokes a token at once when a new one is generated, so a walk that
// worked a moment ago fails this way when the token was regenerated.
type AuthError struct {
	Method  string
	Request string
	Faults  filter.ErrorList
}

// Error says what to do.
func (e *AuthError) Error() string {
	return e.Method + " " + e.Request + ": 401 Unauthorized: the tenant name or token was refused; " +
		"the token may have been regenerated (a new token revokes the old one at once): fetch the current one"
}

// PageError is a failure while a list was being walked: it names the page
// (its ordinal in the walk and the n and request it was fetched with) and
// wraps the cause: a body cut short or malformed (*encode.ReadError, an
// error of the connection), a *StatusError, an *AuthError, a *RetryError or
// the context's error. The records of earlier pages were already yielded;
// none of this page's were.
type PageError struct {
	Page    int    // 1-based ordinal of the page in the walk
	N       int    // the n the page was asked with
	Request string // the path and query sent
	Err     error
}

func (e *PageError) Error() string {
	s := "page " + strconv.Itoa(e.Page) + " (n=" + strconv.Itoa(e.N)
	switch e.Err.(type) {
	case *StatusError, *AuthError, *RetryError: // they name the request
	default:
		s += ", " + e.Request
	}
	return s + "): " + e.Err.Error()
}

func (e *PageError) Unwrap() error { return e.Err }

// RetryError is a request that was answered 503 or 429 every time it was
// tried: Tries times, or fewer when waiting once more would have passed the
// context's deadline (Deadline; errors.Is(err, context.DeadlineExceeded)
// is then true). Last is the last answer.
type RetryError struct {
	Tries    int
	Wait     time.Duration // the wait that was not taken, when Deadline
	Deadline bool
	Last     *StatusError
}

func (e *RetryError) Error() string {
	s := "gave up after " + strconv.Itoa(e.Tries) + " tries"
	if e.Deadline {
		s += " (waiting " + e.Wait.String() + " more would pass the context's deadline)"
	}
	return s + ": " + e.Last.Error()
}

// Unwrap returns the last answer and, when the deadline ended the retries,
// context.DeadlineExceeded.
func (e *RetryError) Unwrap() []error {
	if e.Deadline {
		return []error{e.Last, contextDeadline}
	}
	return []error{e.Last}
}
