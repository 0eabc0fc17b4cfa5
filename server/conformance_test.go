package server_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// recq serve's handler passes the conformance suite over HTTP, deletes included.
func TestConformanceOverHTTP(t *testing.T) {
	conformance.RunHTTP(t, func(t *testing.T, files []record.File, transcripts []record.Transcript, now time.Time, tenant *time.Location) conformance.Endpoint {
		s := server.New(server.Config{
			Store: record.NewStore(files, transcripts), Tenant: "acme", Token: "secret",
			Zone: tenant, Clock: func() time.Time { return now },
		})
		ts := httptest.NewServer(s)
		t.Cleanup(ts.Close)
		return conformance.Endpoint{BaseURL: ts.URL + "/api/recordings", Client: ts.Client(), Tenant: "acme", Token: "secret"}
	}, conformance.Deletes())
}
