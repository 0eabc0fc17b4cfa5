package server_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// start serves each case's records with recq serve's handler; filters says
// whether it answers filter= (recq serve --filter).
func start(filters bool) conformance.Start {
	return func(t *testing.T, files []record.File, transcripts []record.Transcript, now time.Time, tenant *time.Location) conformance.Endpoint {
		s := server.New(server.Config{
			Store: record.NewStore(files, transcripts), Tenant: "acme", Token: "secret",
			Zone: tenant, Clock: func() time.Time { return now }, Filter: filters,
		})
		ts := httptest.NewServer(s)
		t.Cleanup(ts.Close)
		return conformance.Endpoint{BaseURL: ts.URL + "/api/recordings", Client: ts.Client(), Tenant: "acme", Token: "secret"}
	}
}

// recq serve's handler passes the conformance suite over HTTP, deletes
// included; as the real API does, it refuses filter= with not-in-api.
func TestConformanceOverHTTP(t *testing.T) {
	conformance.RunHTTP(t, start(false), conformance.Deletes())
}

// With Config.Filter (recq serve --filter) the handler answers the cases
// of filter= as the library does, and every other case as before.
func TestConformanceOverHTTPWithFilter(t *testing.T) {
	conformance.RunHTTP(t, start(true), conformance.Deletes(), conformance.Extensions())
}
