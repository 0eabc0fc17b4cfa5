package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/recq/recq"
)

// fault wraps an error of a query as the store returns it: with
// recq.ErrUnavailable when the database is out of reach (unreachable), so
// that the server answers 503 with Retry-After, not 500.
func fault(err error) error {
	if unreachable(err) {
		return fmt.Errorf("postgres: %w: %w", recq.ErrUnavailable, err)
	}
	return fmt.Errorf("postgres: %w", err)
}

// unreachable reports whether err is the database being out of reach
// rather than a fault of the statement: a connection that cannot be made
// (refused, no route, a server starting up or shutting down, too many
// connections) or one that broke under the query (the server stopped or
// was killed). A cancelled context is not: that is the client gone.
func unreachable(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) || pgconn.SafeToRetry(err) { // SafeToRetry: the connection failed before the statement was sent
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// Class 08: connection exception; 57P01–57P03: the server shutting
		// down, crashed or not yet accepting connections; 53300: too many
		// connections.
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03" || pe.Code == "53300"
	}
	if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) {
		return true
	}
	var ne *net.OpError
	return errors.As(err, &ne)
}
