package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/timezone"
)

// parseResult is what recq parse prints for an accepted request (SPEC
// section 10); keys of absent variables are left out.
type parseResult struct {
	Method     string            `json:"method"`
	Resource   string            `json:"resource"`
	ID         string            `json:"id,omitempty"`
	Format     string            `json:"format"`
	Canonical  string            `json:"canonical"`
	Zone       string            `json:"zone"`
	D          *window           `json:"d,omitempty"`
	StartDate  *window           `json:"startDate,omitempty"`
	FinishDate *window           `json:"finishDate,omitempty"`
	Fields     map[string]string `json:"fields,omitempty"`
	MetaData   map[string]string `json:"metaData,omitempty"`
	N          int               `json:"n"`
	Warnings   []filter.Warning  `json:"warnings"`
}

type window struct {
	From string `json:"from"`
	To   string `json:"to"`
}

func newWindow(w *daterange.Window) *window {
	if w == nil {
		return nil
	}
	return &window{From: w.From.Format(time.RFC3339Nano), To: w.To.Format(time.RFC3339Nano)}
}

// rejection is what recq parse prints for a refused request: the first
// fault as error, and every fault in errors.
type rejection struct {
	Error  *filter.Error   `json:"error"`
	Errors []*filter.Error `json:"errors"`
}

func parseCommand(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	fs := flag.NewFlagSet("recq parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	method := fs.String("method", "GET", "GET or DELETE")
	nowText := fs.String("now", "", "the clock reading for today, as RFC 3339 (default: the current time)")
	tenantName := fs.String("tenant-tz", "UTC", "the tenant's IANA time zone, for queries without tz")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "recq parse: expected one REQUEST, got %d\n%s", fs.NArg(), usage)
		return 1
	}
	now, tenant, ok := clockAndZone("recq parse", *nowText, *tenantName, stderr, clock)
	if !ok {
		return 1
	}
	q, err := filter.Parse(*method, fs.Arg(0))
	if err != nil {
		return rejectRequest(err, fs.Arg(0), stdout, stderr)
	}
	res, err := q.Resolve(now, tenant)
	if err != nil {
		return rejectRequest(err, fs.Arg(0), stdout, stderr)
	}
	out := parseResult{
		Method:     q.Method,
		Resource:   q.Resource.String(),
		ID:         q.ID,
		Format:     q.Format.String(),
		Canonical:  encode.Canonical(q),
		Zone:       res.Zone.String(),
		D:          newWindow(res.Date),
		StartDate:  newWindow(res.StartDate),
		FinishDate: newWindow(res.FinishDate),
		N:          q.N,
		Warnings:   q.Warnings,
	}
	if out.Warnings == nil {
		out.Warnings = []filter.Warning{}
	}
	if len(q.Fields) > 0 {
		out.Fields = make(map[string]string, len(q.Fields))
		for _, f := range q.Fields {
			out.Fields[f.Name] = f.Value
		}
	}
	if q.HasMetaName || q.HasMetaValue {
		out.MetaData = map[string]string{}
		if q.HasMetaName {
			out.MetaData["fieldName"] = q.MetaName
		}
		if q.HasMetaValue {
			out.MetaData["fieldValue"] = q.MetaValue
		}
	}
	for _, w := range q.Warnings {
		fmt.Fprintf(stderr, "recq parse: warning: %s: %s\n", w.Variable, w.Msg)
	}
	return printJSON(stdout, stderr, out, 0)
}

// clockAndZone reads the --now and --tenant-tz flags: the command is where
// the clock is read, never the library.
func clockAndZone(cmd, nowText, tenantName string, stderr io.Writer, clock func() time.Time) (time.Time, *time.Location, bool) {
	now := clock()
	if nowText != "" {
		t, err := time.Parse(time.RFC3339Nano, nowText)
		if err != nil {
			fmt.Fprintf(stderr, "%s: --now: %v\n", cmd, err)
			return time.Time{}, nil, false
		}
		now = t
	}
	tenant, err := timezone.Load(tenantName)
	if err != nil {
		fmt.Fprintf(stderr, "%s: --tenant-tz: %v\n", cmd, err)
		return time.Time{}, nil, false
	}
	return now, tenant, true
}

// reject prints a refused request: JSON on stdout, one human line per fault
// on stderr, and exit status 2.
func reject(err error, stdout, stderr io.Writer) int {
	return rejectRequest(err, "", stdout, stderr)
}

// rejectRequest is reject for a request given on the command line: the
// first fault is also shown under the request ("" shows none).
func rejectRequest(err error, request string, stdout, stderr io.Writer) int {
	var list filter.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		list = filter.ErrorList{{Code: filter.CodeInternal, Variable: "query", Pos: -1, Msg: err.Error()}}
	}
	for _, e := range list {
		fmt.Fprintf(stderr, "recq parse: %s at %d-%d: %v\n", e.Code, e.Span.Start, e.Span.End, e)
	}
	if request != "" && list[0].JSONPath == "" {
		for _, line := range strings.Split(list[0].Caret(request), "\n") {
			fmt.Fprintf(stderr, "  %s\n", line)
		}
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
