package client

import (
	"context"
	"errors"
	"io"
	"time"
)

// DefaultRequestTimeout bounds each request when WithRequestTimeout is not
// given: from the dial to the last byte of the body (recq get --timeout).
const DefaultRequestTimeout = 60 * time.Second

// WithRequestTimeout bounds each HTTP request, from the dial (and TLS
// handshake) to the last byte of its body, its redirects included, by d
// (default DefaultRequestTimeout; 0: no bound but the context's). The waits
// between retries are not counted: they are bounded by RetryPolicy. A
// request past it fails with a *TimeoutError.
func WithRequestTimeout(d time.Duration) Option {
	return func(c *Client) error {
		if d < 0 {
			return errors.New("client: WithRequestTimeout: a negative timeout")
		}
		c.timeout = d
		return nil
	}
}

// TimeoutError is a request that was not answered in full within the
// client's request timeout: a server that never answers, or drips its
// answer. errors.Is(err, context.DeadlineExceeded) holds.
type TimeoutError struct {
	Method  string
	Request string // the path and query sent, below the base URL
	Timeout time.Duration
}

func (e *TimeoutError) Error() string {
	return e.Method + " " + e.Request + ": no complete answer within " + e.Timeout.String() +
		" (the request timeout): the server does not answer, or too slowly"
}

// Unwrap makes errors.Is(err, context.DeadlineExceeded) true.
func (e *TimeoutError) Unwrap() error { return context.DeadlineExceeded }

// bounded returns the context of one request under the client's timeout,
// and its cancel; the error it ends with is a *TimeoutError.
func (c *Client) bounded(ctx context.Context, method, target string) (context.Context, context.CancelFunc) {
	if c.timeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, c.timeout, &TimeoutError{Method: method, Request: target, Timeout: c.timeout})
}

// timedOut returns the *TimeoutError that ended rctx, else err: whatever a
// transport makes of a deadline (a canceled request, a closed body), the
// caller is told why.
func timedOut(rctx context.Context, err error) error {
	if err == nil || rctx.Err() == nil {
		return err
	}
	var te *TimeoutError
	if errors.As(context.Cause(rctx), &te) {
		return te
	}
	return err
}

// timedBody is a body read under its request's deadline: its errors are
// told as timedOut tells them, and Close ends the request's context.
type timedBody struct {
	io.ReadCloser
	ctx    context.Context
	cancel context.CancelFunc
}

func (b *timedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = timedOut(b.ctx, err)
	}
	return n, err
}

func (b *timedBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
