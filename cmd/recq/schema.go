package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/querybuilder"
	"github.com/recq/recq/schema"
)

// schemaCommand prints the schema (docs/SCHEMA.md), or a UI's view of it.
func schemaCommand(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("schema")
	forUI := fs.String("for", "", "react-querybuilder or json-schema")
	resource := fs.String("resource", "files", "files or transcripts, with --for react-querybuilder")
	if err := fs.Parse(args); err != nil {
		return flagError("schema", fs, err, stdout, stderr)
	}
	if fs.NArg() != 0 {
		usageError(stderr, "schema", "unexpected argument "+strconv.Quote(fs.Arg(0)))
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
