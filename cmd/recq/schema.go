package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/querybuilder"
	"github.com/recq/recq/schema"
)

const schemaUsage = `usage: recq schema [--for react-querybuilder|json-schema] [--resource files|transcripts]

Prints the query language as one JSON object (version, resources, dateForms,
zones, codes, limits). --for react-querybuilder prints react-querybuilder's
fields array for the variables of --resource (default files); --for
json-schema prints the JSON Schema (draft 2020-12) of a Query's JSON form.
`

// schemaCommand prints the schema (docs/SCHEMA.md), or a UI's view of it.
func schemaCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("recq schema", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, schemaUsage) }
	forUI := fs.String("for", "", "react-querybuilder or json-schema")
	resource := fs.String("resource", "files", "files or transcripts, with --for react-querybuilder")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fmt.Fprint(stdout, schemaUsage)
			return 0
		}
		return 1
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "recq schema: unexpected argument %q\n%s", fs.Arg(0), schemaUsage)
		return 1
	}
	switch *forUI {
	case "":
		return printJSON(stdout, stderr, schema.Get(), 0)
	case "json-schema":
		return printJSON(stdout, stderr, schema.QueryJSONSchema(), 0)
	case "react-querybuilder":
		switch *resource {
		case "files":
			return printJSON(stdout, stderr, querybuilder.Fields(filter.Files), 0)
		case "transcripts":
			return printJSON(stdout, stderr, querybuilder.Fields(filter.Transcripts), 0)
		}
		fmt.Fprintf(stderr, "recq schema: --resource %q: use files or transcripts\n", *resource)
		return 1
	}
	fmt.Fprintf(stderr, "recq schema: --for %q: use react-querybuilder or json-schema\n", *forUI)
	return 1
}
