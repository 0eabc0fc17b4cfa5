package client

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

var contextDeadline = context.DeadlineExceeded

// RetryPolicy bounds the retries of a request answered 503 or 429.
type RetryPolicy struct {
	// Tries is how many times a request is sent at most (1: no retry).
	Tries int
	// Base is the first back-off when the answer has no Retry-After; each
	// further one doubles, up to Max, and the wait is drawn in [0, back-off].
	Base time.Duration
	// Max caps a back-off and a Retry-After.
	Max time.Duration
}

// DefaultRetryPolicy tries a request up to 6 times, backing off from half a
// second up to 30 s.
var DefaultRetryPolicy = RetryPolicy{Tries: 6, Base: 500 * time.Millisecond, Max: 30 * time.Second}

// retryable reports whether an answer of this status is retried.
func retryable(status int) bool {
	return status == http.StatusServiceUnavailable || status == http.StatusTooManyRequests
}

// wait returns how long to wait before try number next (2, 3, …) after an
// answer with header h: its Retry-After (seconds or an HTTP date, read
// against now), else the jittered exponential back-off; capped by p.Max.
func (p RetryPolicy) wait(next int, h http.Header, now time.Time, jitter func(time.Duration) time.Duration) time.Duration {
	if d, ok := retryAfter(h.Get("Retry-After"), now); ok {
		return min(d, p.Max)
	}
	d := p.Base
	for i := 2; i < next && d < p.Max; i++ {
		d *= 2
	}
	return jitter(min(d, p.Max))
}

// retryAfter reads a Retry-After value (RFC 9110 section 10.2.3): a number
// of seconds or an HTTP date. A date in the past is no wait.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

func fullJitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return rand.N(d + 1)
}

// sleepContext waits d or until ctx ends.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// pastDeadline reports whether waiting d from now would pass ctx's deadline.
func pastDeadline(ctx context.Context, now time.Time, d time.Duration) bool {
	dl, ok := ctx.Deadline()
	return ok && now.Add(d).After(dl)
}
