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

// rejectRequest prints a refused request: JSON on stdout, and on stderr
// one line per fault and then the request with carets under every fault
// ("" shows none), and returns exit status 2.
func rejectRequest(cmd string, err error, request string, stdout, stderr io.Writer) int {
	list := filter.Faults(err)
	if list == nil {
		list = filter.ErrorList{{Code: filter.CodeInternal, Variable: "query", Pos: -1, Msg: err.Error()}}
	}
	for _, e := range list {
		fmt.Fprintln(stderr, faultLine(cmd, e))
	}
	if request != "" {
		if carets := list.Caret(request); carets != "" {
			for _, line := range strings.Split(carets, "\n") {
				fmt.Fprintf(stderr, "  %s\n", line)
			}
		}
	}
	return printJSON(stdout, stderr, encode.NewRejection(list), 2)
}

// faultLine is a fault for a person, with one position: where its span
// starts in the request as given, the offset that the JSON's span.start
// holds (a fault of the JSON form counts in its JSON text, and names the
// key path):
//
//	recq parse: d at 17: bad-date-part: day 30 is out of range: February 2007 has 28 days
func faultLine(cmd string, e *filter.Error) string {
	where := e.Variable
	if e.JSONPath != "" {
		where = e.JSONPath
	}
	line := fmt.Sprintf("%s: %s at %d: %s: %s", cmd, where, e.Span.Start, e.Code, e.Msg)
	if e.Hint != "" {
		line += "; " + e.Hint
	}
	return line
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
