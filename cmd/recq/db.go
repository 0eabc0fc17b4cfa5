package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/recq/recq/postgres"
)

// dbCommand is `recq db init --db URL`: it applies the PostgreSQL store's
// schema (package postgres) where it is missing; running it again is harmless.
func dbCommand(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("db")
	url := fs.String("db", "", "the PostgreSQL database, as pgx takes it: "+exampleDB)
	if len(args) == 0 || args[0] != "init" {
		if err := fs.Parse(args); err != nil {
			return flagError("db", fs, err, stdout, stderr)
		}
		usageError(stderr, "db", "expected the subcommand init")
		return 1
	}
	if err := fs.Parse(args[1:]); err != nil {
		return flagError("db", fs, err, stdout, stderr)
	}
	if *url == "" || fs.NArg() != 0 {
		usageError(stderr, "db", "expected --db URL and nothing else")
		return 1
	}
	ctx, s, done, err := openDB(*url)
	if err != nil {
		fmt.Fprintf(stderr, "recq db init: %v\n", err)
		return 1
	}
	defer done()
	if err := s.Migrate(ctx); err != nil {
		fmt.Fprintf(stderr, "recq db init: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "recq db init: the schema is in place")
	return 0
}

// exampleDB is a database URL as pgx takes it, for help texts.
const exampleDB = "postgres://user@127.0.0.1:5432/recq?sslmode=disable"

// openDB connects to the PostgreSQL store at url, under a context that
// SIGINT and SIGTERM cancel; done closes both.
func openDB(url string) (context.Context, *postgres.Store, func(), error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	s, err := postgres.Open(ctx, url)
	if err != nil {
		stop()
		return nil, nil, nil, err
	}
	return ctx, s, func() { s.Close(); stop() }, nil
}
