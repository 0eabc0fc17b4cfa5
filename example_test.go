package recq_test

import (
	"fmt"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/timezone"
)

// A server's path through recq: parse a request, resolve its dates at the
// request's clock in the tenant's zone, and write its canonical form.
func Example() {
	q, err := filter.Parse("GET", "https://vcc-na1.8x8.com/api/recordings/files.csv?tz=America/Denver&d=today-1d,today&agentID=bill")
	if err != nil {
		fmt.Println(err)
		return
	}
	tenant, _ := timezone.Load("America/Los_Angeles")
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	res, err := q.Resolve(now, tenant)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(encode.Canonical(q))
	fmt.Println(res.Date.From, "up to", res.Date.To)
	// Output:
	// /files.csv?d=today-1d,today&tz=America/Denver&agentID=bill
	// 2026-11-24 00:00:00 -0700 MST up to 2026-11-25 00:00:00 -0700 MST
}

// A refused request lists every fault, each with its variable and position.
func Example_errors() {
	_, err := filter.Parse("GET", "/files?d=2007-08-05T13:15+05:30&Start-Date=today&n=0")
	for _, e := range err.(filter.ErrorList) {
		fmt.Println(e)
	}
	// Output:
	// d: 16: a space where the offset's sign belongs; a '+' in a query string decodes to a space: write %2B for +
	// Start-Date: unknown variable "Start-Date"; did you mean start-date?
	// n: n counts from 1, not 0; n is the 1-based index of the first record: n=1, n=51, n=101 …
}
