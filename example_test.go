package recq_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
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

// A server's GET: parse the request, then answer it over a store, in the
// format and the zone the query asks for. A refused request, or an unknown
// record, says which HTTP status it means.
func ExampleAnswer() {
	store := recq.Memory(record.NewStore([]record.File{
		{StartDate: time.Date(2026, 11, 24, 17, 30, 0, 0, time.UTC), AgentID: "bill", Duration: 27, Filename: "S20261124/R1.wav"},
	}, nil))
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, target := range []string{
		"/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill",
		"/transcripts/int-unknown.json",
	} {
		q, err := filter.Parse("GET", target)
		if err != nil {
			fmt.Println(filter.Status(err), err)
			continue
		}
		var body strings.Builder
		if err := recq.Answer(context.Background(), &body, q, store, now, time.UTC); err != nil {
			fmt.Println(filter.Status(err), err)
			continue
		}
		fmt.Print(strings.ReplaceAll(body.String(), "\r\n", "\n")) // CSV rows end in CRLF

	}
	// Output:
	// startDate,agentID,phoneNumber,channel,caseID,duration,filename,queueID,queueName,accountNumber,transactionID,extVar1,extVar2,outDialCode,wrapUpCode,metaDatas
	// 2026-11-24T10:30:00-07:00,bill,,,,27,S20261124/R1.wav,,,,,,,,,
	// 404 path: no transcript int-unknown; GET /transcripts lists the transcripts
}

// The resolved form of a query, as recq parse prints it.
func ExampleDescribe() {
	q, err := filter.Parse("GET", "/files?d=today-1d,today&tz=America/Denver&agentID=bill")
	if err != nil {
		fmt.Println(err)
		return
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	r, err := recq.Describe(q, now, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Canonical)
	fmt.Println(r.Zone, r.D.From, r.D.To)
	b, _ := json.Marshal(r.D)
	fmt.Println(string(b))
	// Output:
	// /files?d=today-1d,today&tz=America/Denver&agentID=bill
	// America/Denver 2026-11-24 00:00:00 -0700 MST 2026-11-25 00:00:00 -0700 MST
	// {"from":"2026-11-24T00:00:00-07:00","to":"2026-11-25T00:00:00-07:00"}
}
