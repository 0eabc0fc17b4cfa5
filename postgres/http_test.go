package postgres_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// TestConformanceOverHTTP runs the conformance suite over HTTP against the
// handler of `recq serve --db`: the server with the PostgreSQL store as its
// Backend, each case's records loaded into it, deletes included. Without
// --filter it refuses filter= with not-in-api, as the real API would.
func TestConformanceOverHTTP(t *testing.T) {
	conformance.RunHTTP(t, serveDB(pgtest.Store(t), false), conformance.Deletes())
}

// TestConformanceOverHTTPWithFilter is `recq serve --db --filter`, which
// answers filter= over the database as over memory (docs/LANGUAGE.md
// §14.6): the store translates each filter into its page statement.
func TestConformanceOverHTTPWithFilter(t *testing.T) {
	conformance.RunHTTP(t, serveDB(pgtest.Store(t), true), conformance.Deletes(), conformance.Extensions())
}

// serveDB serves each case's records from s, cleared and loaded afresh;
// filters says whether the handler answers filter= (--filter).
func serveDB(s *postgres.Store, filters bool) conformance.Start {
	return func(t *testing.T, files []record.File, transcripts []record.Transcript, now time.Time, tenant *time.Location) conformance.Endpoint {
		ctx := context.Background()
		if err := s.Clear(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Load(ctx, files, transcripts, nil); err != nil {
			t.Fatal(err)
		}
		api := server.New(server.Config{Backend: s, Tenant: "acme", Token: "secret", Zone: tenant, Clock: func() time.Time { return now }, Filter: filters})
		ts := httptest.NewServer(api)
		t.Cleanup(ts.Close)
		return conformance.Endpoint{BaseURL: ts.URL + "/api/recordings", Client: ts.Client(), Tenant: "acme", Token: "secret"}
	}
}
