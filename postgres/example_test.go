package postgres_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
)

// A store on a database that `recq db init` (or Migrate) prepared: load
// records, then answer a query resolved at the caller's clock. It needs a
// server, so it is compiled but not run.
func Example() {
	ctx := context.Background()
	s, err := postgres.Open(ctx, "postgres://recq@127.0.0.1:55432/recq?sslmode=disable")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		fmt.Println(err)
		return
	}
	start := time.Date(2007, 12, 19, 19, 16, 36, 0, time.FixedZone("", -8*3600))
	err = s.Load(ctx, []record.File{{StartDate: start, AgentID: "bill", Duration: 27, Filename: "S20071220/R1.wav"}}, nil, nil)
	if err != nil {
		fmt.Println(err) // a *postgres.LoadError names the record
		return
	}
	q, _ := filter.Parse("GET", "/files?d=2007-12-19&tz=America/Los_Angeles&agentID=bill")
	res, _ := q.Resolve(time.Now(), time.UTC)
	page, err := s.Files(ctx, q, res)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range page {
		fmt.Println(f.Filename)
	}
}

// A file streamed into the store as it is read, in one transaction: its
// first records are copied while the rest are read, and a fault anywhere
// loads nothing of it. It needs a server, so it is compiled but not run.
func ExampleLoadStream() {
	ctx := context.Background()
	s, err := postgres.Open(ctx, "postgres://recq@127.0.0.1:55432/recq?sslmode=disable")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	f, err := os.Open("files.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	files, transcripts, err := s.LoadStream(ctx, 100_000, func(file func(*record.File) error, transcript func(*record.Transcript) error) error {
		return encode.StreamRecords(f, filter.CSV, file, transcript)
	}, func(n int) { fmt.Println(n, "records") })
	if err != nil {
		fmt.Println(err) // an *encode.ReadError or a *postgres.LoadError
		return
	}
	fmt.Println(files, "files and", transcripts, "transcripts loaded")
}
