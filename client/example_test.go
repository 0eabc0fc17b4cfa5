package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/recq/recq/client"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// Walk every file of a day, whatever the number of pages, against a local
// stand-in for the API (server.New over httptest, so the example runs
// offline); a refused query is answered before anything is sent.
func Example() {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	var files []record.File
	for i := range 120 {
		files = append(files, record.File{
			StartDate: now.Add(-time.Duration(i) * time.Minute),
			AgentID:   []string{"bill", "ann"}[i%2],
			Filename:  fmt.Sprintf("S20261125/R%d.wav", 1000+i),
		})
	}
	api := server.New(server.Config{Store: record.NewStore(files, nil), Tenant: "acme", Token: "s3cret",
		Clock: func() time.Time { return now }})
	srv := httptest.NewTLSServer(api)
	defer srv.Close()

	c, err := client.New(srv.URL+"/api/recordings", "acme", "s3cret",
		client.WithPinnedCertificate(srv.Certificate()), client.WithZone("America/Denver"))
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	n := 0
	for f, err := range c.Files(ctx, "d=2026-11-25&agentID=bill") {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		if n == 0 {
			fmt.Println("first:", f.Filename, f.StartDate.Format(time.RFC3339))
		}
		n++
	}
	fmt.Println("files:", n)

	for _, err := range c.Files(ctx, "d=2026-02-30") {
		var faults filter.ErrorList
		fmt.Println("refused:", errors.As(err, &faults), faults[0].Variable, faults[0].Pos)
		break
	}
	// Output:
	// first: S20261125/R1118.wav 2026-11-25T03:02:00-07:00
	// files: 60
	// refused: true d 8
}

// Bound each request: a server that never answers fails the walk with a
// *TimeoutError once the request has taken longer than the bound, from the
// dial to the last byte of the body.
func ExampleWithRequestTimeout() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers
	}))
	defer srv.Close()
	c, err := client.New(srv.URL+"/api/recordings", "acme", "s3cret", client.WithRequestTimeout(50*time.Millisecond))
	if err != nil {
		panic(err)
	}
	for _, err := range c.Files(context.Background(), "d=today") {
		var te *client.TimeoutError
		fmt.Println(errors.As(err, &te), te.Timeout, errors.Is(err, context.DeadlineExceeded))
		break
	}
	// Output:
	// true 50ms true
}

// The plan of a filter for an API that does not take filter=: one request
// per agent, each with the query's own d, and the duration left to the
// client.
func ExamplePlanFilter() {
	q, err := filter.Parse("GET", "/files.csv?filter=agentID=in=(bill,ann);duration=gt=600&d=today-7d,today")
	if err != nil {
		fmt.Println(err)
		return
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	p, err := client.PlanFilter(q, now, time.UTC)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range p.RequestTexts() {
		fmt.Println(r)
	}
	fmt.Printf("residual: %s\n", p.ResidualText())
	// Output:
	// /files.csv?d=today-7d,today&agentID=bill
	// /files.csv?d=today-7d,today&agentID=ann
	// residual: duration=gt=600
}
