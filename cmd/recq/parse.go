package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/filter"
)

// rejection is what recq parse prints for a refused request: the first
// fault as error, and every fault in errors.
type rejection struct {
	Error  *filter.Error   `json:"error"`
	Errors []*filter.Error `json:"errors"`
}

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
		return reject("recq parse", err, stdout, stderr)
	}
	out, err := recq.Describe(q, now, tenant)
	if err != nil {
		return reject("recq parse", err, stdout, stderr)
	}
	for _, w := range q.Warnings {
		fmt.Fprintf(stderr, "recq parse: warning: %s: %s\n", w.Variable, w.Msg)
	}
	return printJSON(stdout, stderr, out, 0)
}

// reject prints a refused request: JSON on stdout, one human line per fault
// on stderr, and exit status 2.
func reject(cmd string, err error, stdout, stderr io.Writer) int {
	list := filter.Faults(err)
	if list == nil {
		list = filter.ErrorList{{Code: filter.CodeInternal, Variable: "query", Pos: -1, Msg: err.Error()}}
	}
	for _, e := range list {
		fmt.Fprintf(stderr, "%s: %s at %d-%d: %v\n", cmd, e.Code, e.Span.Start, e.Span.End, e)
	}
	return printJSON(stdout, stderr, rejection{Error: list[0], Errors: list}, 2)
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
