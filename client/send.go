package client

import (
	"context"
	"io"
	"net/http"

	"github.com/recq/recq/filter"
)

// send sends method target (a path and query below the base URL), following
// redirects as do does, each try bounded by the request timeout from the
// dial to the last byte of the body (a 2xx body's bound ends when the
// caller closes it), and returns a 2xx response, whose body the caller closes, or the error: a
// 503 or 429 is retried as c.retry says; a 401 is an *AuthError; any other
// status a *StatusError with the faults of its body, read in format f.
// ev is the walk's state, passed to the observer with each retry.
func (c *Client) send(ctx context.Context, method, target string, f filter.Format, ev Event) (*http.Response, error) {
	for try := 1; ; try++ {
		rctx, cancel := c.bounded(ctx, method, target)
		resp, err := c.do(rctx, method, target)
		if err != nil {
			cancel()
			return nil, timedOut(rctx, err)
		}
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			resp.Body = &timedBody{ReadCloser: resp.Body, ctx: rctx, cancel: cancel}
			return resp, nil
		}
		body, readErr := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		resp.Body.Close()
		cancel()
		if readErr != nil && rctx.Err() != nil {
			return nil, timedOut(rctx, readErr)
		}
		if resp.StatusCode == http.StatusUnauthorized {
			return nil, &AuthError{Method: method, Request: target, Faults: readFaults(body, f)}
		}
		se := &StatusError{Status: resp.StatusCode, Method: method, Request: target}
		if readErr == nil {
			se.Faults = readFaults(body, f)
		}
		if se.Faults == nil {
			se.Body = body[:min(len(body), 512)]
		}
		if !retryable(resp.StatusCode) {
			return nil, se
		}
		if try >= c.retry.Tries {
			return nil, &RetryError{Tries: try, Last: se}
		}
		now := c.now()
		wait := c.retry.wait(try+1, resp.Header, now, c.jitter)
		if pastDeadline(ctx, now, wait) {
			return nil, &RetryError{Tries: try, Wait: wait, Deadline: true, Last: se}
		}
		e := ev
		e.Kind, e.Status, e.Wait = EventRetry, resp.StatusCode, wait
		c.emit(e)
		if err := c.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}
