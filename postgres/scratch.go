package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Scratch creates an empty database beside the one at url, with recq's
// schema, for a test or a benchmark, and returns its URL and a func that
// drops it. The user of url needs the right to create databases.
func Scratch(ctx context.Context, dbURL string) (scratchURL string, drop func(ctx context.Context) error, err error) {
	admin, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return "", nil, fmt.Errorf("postgres: %w", err)
	}
	defer admin.Close(ctx)
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "recq_scratch_" + hex.EncodeToString(b[:])
	// An identifier cannot be a parameter; name is made here of hex digits.
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", nil, fmt.Errorf("postgres: %w", err)
	}
	scratchURL = withDatabase(dbURL, name)
	drop = func(ctx context.Context) error {
		c, err := pgx.Connect(ctx, dbURL)
		if err != nil {
			return err
		}
		defer c.Close(ctx)
		_, err = c.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
		return err
	}
	s, err := Open(ctx, scratchURL)
	if err == nil {
		err = s.Migrate(ctx)
		s.Close()
	}
	if err != nil {
		_ = drop(ctx)
		return "", nil, err
	}
	return scratchURL, drop, nil
}

// withDatabase returns the connection string dsn, a URL or keyword=value
// pairs, naming the database name instead.
func withDatabase(dsn, name string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			u.Path = "/" + name
			return u.String()
		}
	}
	return dsn + " dbname=" + name
}
