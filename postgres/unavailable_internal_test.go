package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/recq/recq"
)

// TestUnreachable: which errors mean the database is out of reach for now
// (the server answers 503) and which are faults (500) or the client gone.
func TestUnreachable(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{&pgconn.PgError{Code: "57P01"}, true}, // admin_shutdown: the server stopping
		{&pgconn.PgError{Code: "57P03"}, true}, // cannot_connect_now: starting up
		{&pgconn.PgError{Code: "08006"}, true}, // connection_failure
		{&pgconn.PgError{Code: "53300"}, true}, // too_many_connections
		{fmt.Errorf("dial: %w", syscall.ECONNREFUSED), true},
		{io.ErrUnexpectedEOF, true},
		{&pgconn.PgError{Code: "23505"}, false}, // a key broken: a fault
		{&pgconn.PgError{Code: "42P01"}, false}, // no such table: a store without its schema
		{errors.New("something else"), false},
		{context.Canceled, false},
		{fmt.Errorf("read: %w", context.DeadlineExceeded), false},
	} {
		if got := unreachable(c.err); got != c.want {
			t.Errorf("unreachable(%v) = %v, want %v", c.err, got, c.want)
		}
		if got := errors.Is(fault(c.err), recq.ErrUnavailable); got != c.want {
			t.Errorf("fault(%v) is ErrUnavailable: %v", c.err, got)
		}
	}
}
