package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

func parseCommand(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	fs := newFlags("parse")
	method := fs.String("method", "GET", "the request's method: GET, or DELETE for one file or one transcript")
	nowText := fs.String("now", "", "the clock reading that today means (default: the current time)")
	tenantName := fs.String("tenant-tz", "UTC", "the tenant's IANA time zone, for queries without tz")
	if err := fs.Parse(args); err != nil {
		return flagError("parse", fs, err, stdout, stderr)
	}
	if fs.NArg() != 1 {
		usageError(stderr, "parse", fmt.Sprintf("expected one REQUEST, got %d", fs.NArg()))
		return 1
	}
	now, tenant, ok := clockAndZone("recq parse", *nowText, *tenantName, stderr, clock)
	if !ok {
		return 1
	}
	q, err := filter.Parse(*method, fs.Arg(0))
	if err != nil {
		return rejectRequest("recq parse", err, fs.Arg(0), stdout, stderr)
	}
	out, err := recq.Describe(q, now, tenant)
	if err != nil {
		return rejectRequest("recq parse", err, fs.Arg(0), stdout, stderr)
	}
	for _, w := range q.Warnings {
		fmt.Fprintf(stderr, "recq parse: warning: %s: %s\n", w.Variable, w.Msg)
	}
	return printJSON(stdout, stderr, out, 0)
}

// reject prints a refused request: JSON on stdout, one human line per fault
// on stderr, and exit status 2.
func reject(cmd string, err error, stdout, stderr io.Writer) int {
	return rejectRequest(cmd, err, "", stdout, stderr)
}

// rejectRequest is reject for a request given on the command line: the
// first fault is also shown under the request ("" shows none).
func rejectRequest(cmd string, err error, request string, stdout, stderr io.Writer) int {
	list := filter.Faults(err)
	if list == nil {
		list = filter.ErrorList{{Code: filter.CodeInternal, Variable: "query", Pos: -1, Msg: err.Error()}}
	}
	for _, e := range list {
		fmt.Fprintf(stderr, "%s: %s at %d-%d: %v\n", cmd, e.Code, e.Span.Start, e.Span.End, e)
	}
	if request != "" && list[0].JSONPath == "" {
		for _, line := range strings.Split(list[0].Caret(request), "\n") {
			fmt.Fprintf(stderr, "  %s\n", line)
		}
	}
	return printJSON(stdout, stderr, encode.NewRejection(list), 2)
}

func printJSON(stdout, stderr io.Writer, v any, status int) int {
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "recq: %v\n", err)
		return 1
	}
	return status
}
