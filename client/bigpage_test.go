package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/client"
)

// A page of more than 50 records is refused as soon as its 51st record is
// read, not after the whole body (up to 64 MiB) has been decoded: a server
// that sends record after record costs the client a page, not the body
// (issue 21, finding 7a). Measured in-process: the bytes allocated by the
// walk (runtime.MemStats.TotalAlloc), which decoding 64 MiB of records
// would take some 600 MB of.
func TestOversizedPageRefusedWhileDecoding(t *testing.T) {
	f := newFixture(t, nil, nil)
	sent := make(chan int, 1)
	f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
		w.Header().Set("Content-Type", "application/xml")
		written := 0
		defer func() { sent <- written }()
		m, _ := fmt.Fprint(w, "<?xml version='1.0' encoding='UTF-8' ?>\n<recordings>\n")
		written += m
		start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		for i := 0; written < 80<<20; i++ { // past the 64 MiB bound of a body
			m, err := fmt.Fprintf(w, "<file><startDate>%s</startDate><duration>1</duration><filename>S20261101/R%d.wav</filename></file>\n",
				start.Add(time.Duration(i)*time.Second).Format(time.RFC3339), i)
			written += m
			if err != nil {
				break
			}
		}
		return true
	})
	c := f.newClient(t, nil)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := collect(c.Files(context.Background(), ""))
	runtime.ReadMemStats(&after)
	var pe *client.PageError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "more than 50 records") {
		t.Fatalf("err = %v, want a PageError: more than 50 records", err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %.1f MiB", float64(alloc)/(1<<20))
	if alloc > 16<<20 {
		t.Errorf("the walk allocated %d MiB for one refused page, want under 16", alloc>>20)
	}
	f.ts.CloseClientConnections()
	if n := <-sent; n >= 80<<20 {
		t.Errorf("the server could write its whole body (%d bytes): the client read it all", n)
	}
}
