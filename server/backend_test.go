package server_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// counting is a recq.Store of another kind: the memory store, counted.
type counting struct {
	recq.Store
	calls int
}

func (c *counting) Files(ctx context.Context, q *filter.Query, res filter.Resolved) ([]record.File, error) {
	c.calls++
	return c.Store.Files(ctx, q, res)
}

// down is a store whose reads fail.
type down struct{ recq.Store }

func (down) Files(context.Context, *filter.Query, filter.Resolved) ([]record.File, error) {
	return nil, errors.New("connection refused")
}

func get(t *testing.T, s *server.Server, method, path string) (int, string) {
	t.Helper()
	ts := httptest.NewServer(s)
	defer ts.Close()
	req, _ := http.NewRequest(method, ts.URL+path, nil)
	req.SetBasicAuth("acme", "secret")
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// Config.Backend takes any recq.Store; Store then reports none.
func TestBackend(t *testing.T) {
	clock := func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }
	records := record.NewStore([]record.File{{StartDate: clock(), Filename: "S20261125/R1.wav"}}, nil)
	c := &counting{Store: recq.Memory(records)}
	s := server.New(server.Config{Backend: c, Tenant: "acme", Token: "secret", Clock: clock})
	if s.Store() != nil || s.Backend() != c {
		t.Errorf("Store() = %p, Backend() = %v", s.Store(), s.Backend())
	}
	status, body := get(t, s, "GET", "/files.csv")
	if status != http.StatusOK || !strings.Contains(body, "S20261125/R1.wav") || c.calls != 1 {
		t.Errorf("%d %q after %d calls", status, body, c.calls)
	}
	if status, _ := get(t, s, "DELETE", "/files/S20261125/R1.wav"); status != http.StatusNoContent {
		t.Errorf("DELETE: %d", status)
	}
	if status, _ := get(t, s, "DELETE", "/files/S20261125/R1.wav"); status != http.StatusNotFound {
		t.Errorf("DELETE again: %d", status)
	}

	// A memory backend is still reachable through Store.
	m := server.New(server.Config{Backend: recq.Memory(records), Clock: clock})
	if m.Store() != records {
		t.Errorf("Store() of a memory backend = %p, want %p", m.Store(), records)
	}
}

// A store's failure is a 500 whose body does not leak the cause.
func TestBackendFailure(t *testing.T) {
	clock := func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }
	s := server.New(server.Config{Backend: down{recq.Memory(nil)}, Tenant: "acme", Token: "secret", Clock: clock})
	status, body := get(t, s, "GET", "/files.json")
	if status != http.StatusInternalServerError || strings.Contains(body, "refused") || !strings.Contains(body, "internal") {
		t.Errorf("%d %s", status, body)
	}
}
