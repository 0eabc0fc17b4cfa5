package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/recq/recq/postgres"
)

const dbUsage = `usage: recq db init --db URL
  applies the PostgreSQL store's schema where it is missing (again: harmless);
  URL as pgx takes it: postgres://user@127.0.0.1:5432/recq?sslmode=disable
`

// dbCommand is `recq db init --db URL`: it applies the PostgreSQL store's
// schema (package postgres) where it is missing; running it again is harmless.
func dbCommand(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "init" {
		fmt.Fprint(stderr, dbUsage)
		return 1
	}
	fs := flag.NewFlagSet("recq db init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("db", "", "the PostgreSQL database, as pgx takes it: postgres://user@127.0.0.1:5432/recq?sslmode=disable")
	if err := fs.Parse(args[1:]); err != nil {
		return 1
	}
	if *url == "" || fs.NArg() != 0 {
		fmt.Fprint(stderr, dbUsage)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := postgres.Open(ctx, *url)
	if err != nil {
		fmt.Fprintf(stderr, "recq db init: %v\n", err)
		return 1
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		fmt.Fprintf(stderr, "recq db init: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "recq db init: the schema is in place")
	return 0
}
