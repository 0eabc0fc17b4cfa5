// Package pgtest gives tests a scratch PostgreSQL database: from the server
// whose URL is in RECQ_TEST_POSTGRES, a fresh database with recq's schema,
// dropped when the test ends. Without the variable a test skips, but fails
// under CI (CI=true), where .ci/run starts a server and must run them.
package pgtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/recq/recq/internal/skipnote"
	"github.com/recq/recq/postgres"
)

// Env is the variable that holds the server's URL.
const Env = "RECQ_TEST_POSTGRES"

// How tells a developer how to run the tests that need PostgreSQL.
const How = "no PostgreSQL: run `url=$(.ci/postgres start /tmp/recqpg); RECQ_TEST_POSTGRES=$url go test ./...` (then `.ci/postgres stop /tmp/recqpg`)"

// Server returns the server's URL, or skips (fails under CI) without one.
func Server(t testing.TB) string {
	t.Helper()
	url := os.Getenv(Env)
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s is not set: .ci/run starts PostgreSQL for these tests", Env)
		}
		skipnote.Skip(t, "PostgreSQL", "url=$(.ci/postgres start /tmp/recqpg) && RECQ_TEST_POSTGRES=$url go test ./...", How)
	}
	return url
}

// URL returns the URL of a scratch database with recq's schema, dropped
// when t ends.
func URL(t testing.TB) string {
	t.Helper()
	server := Server(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	url, drop, err := postgres.Scratch(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := drop(ctx); err != nil {
			t.Errorf("dropping the scratch database: %v", err)
		}
	})
	return url
}

// Store opens a store on a scratch database, closed when t ends.
func Store(t testing.TB) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}
