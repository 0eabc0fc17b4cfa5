// Command recq parses, checks and answers queries of the Recordings API.
//
//	recq parse [--method GET|DELETE] [--now TIME] [--tenant-tz ZONE] REQUEST
//
// prints the request as one JSON object (SPEC section 10), or its faults,
// with exit status 2. A usage error exits 1.
//
//	recq eval --data FILE[,FILE...] [--now TIME] [--tenant-tz ZONE] REQUEST
//
// prints the body the API would answer for a GET over the records in the
// XML, JSON or CSV files.
//
//	recq serve [--addr HOST:PORT] [--data FILE,...] [--tenant NAME] [--token TOKEN] [--http]
//
// is a local stand-in for the API over HTTPS (package server), serving an
// embedded sample data set unless --data names files.
package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now))
}

const usage = `usage:
  recq parse [--method GET|DELETE] [--now TIME] [--tenant-tz ZONE] REQUEST
  recq eval --data FILE[,FILE...] [--now TIME] [--tenant-tz ZONE] REQUEST

REQUEST is a path with its query (/files.csv?d=today-1d,today&tz=America/Denver)
or a whole URL (https://vcc-na1.8x8.com/api/recordings/files?d=2007-08-05).
`

// run is the command with its arguments, streams and clock passed in, so
// tests drive it as a user would without a process per case.
func run(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 1
	}
	switch args[0] {
	case "parse":
		return parseCommand(args[1:], stdout, stderr, clock)
	case "eval":
		return evalCommand(args[1:], stdout, stderr, clock)
	case "serve":
		return serveCommand(args[1:], stdout, stderr, clock)
	case "db": // the PostgreSQL store: db.go
		return dbCommand(args[1:], stdout, stderr)
	case "load":
		return loadCommand(args[1:], stdout, stderr, clock)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "recq: unknown command %q\n%s", args[0], usage)
	return 1
}
