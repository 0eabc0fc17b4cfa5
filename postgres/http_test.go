package postgres_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// TestConformanceOverHTTP runs the conformance suite over HTTP against the
// handler of `recq serve --db`: the server with the PostgreSQL store as its
// Backend, each case's records loaded into it, deletes included.
func TestConformanceOverHTTP(t *testing.T) {
	s := pgtest.Store(t)
	conformance.RunHTTP(t, func(t *testing.T, files []record.File, transcripts []record.Transcript, now time.Time, tenant *time.Location) conformance.Endpoint {
		ctx := context.Background()
		if err := s.Clear(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Load(ctx, files, transcripts, nil); err != nil {
			t.Fatal(err)
		}
		api := server.New(server.Config{Backend: s, Tenant: "acme", Token: "secret", Zone: tenant, Clock: func() time.Time { return now }})
		ts := httptest.NewServer(api)
		t.Cleanup(ts.Close)
		return conformance.Endpoint{BaseURL: ts.URL + "/api/recordings", Client: ts.Client(), Tenant: "acme", Token: "secret"}
	}, conformance.Deletes())
}
