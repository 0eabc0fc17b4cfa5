// Command recq parses, checks and answers queries of the Recordings API.
//
//	recq parse [--method GET|DELETE] [--now TIME] [--tenant-tz ZONE] REQUEST
//
// prints the request as one JSON object (docs/LANGUAGE.md §9), or its
// faults, with exit status 2. A usage error exits 1.
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
//
//	recq version
//
// prints the module's version. recq help COMMAND, and recq COMMAND --help,
// print a command's usage, flags, exit codes and examples.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/recq/recq/internal/editdist"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now))
}

// command is one subcommand: its name, a line for the list of commands,
// and the function that runs it with the arguments after its name. Each
// command's help text is in its own file (NAME_help.go).
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer, clock func() time.Time) int
}

// commands lists every command in the order recq help prints them (set in
// init: help looks commands up).
var commands []command

func init() {
	commands = []command{
		{"parse", "read a request and print its resolved form, or its faults, as JSON", parseCommand},
		{"eval", "print the body the API answers to a GET, over records in files", evalCommand},
		{"serve", "serve a local stand-in for the API, over HTTPS", serveCommand},
		{"get", "fetch every page of a GET from the API as one document", getCommand},
		{"schema", "print the query language's schema as JSON, for query builders", noClock(schemaCommand)},
		{"db", "create the PostgreSQL store's tables: recq db init --db URL", noClock(dbCommand)},
		{"load", "load XML, JSON or CSV records into the PostgreSQL store", loadCommand},
		{"version", "print recq's version", versionCommand},
		{"help", "print the help of a command", helpCommand},
	}
}

// noClock adapts a command that never reads the clock.
func noClock(run func(args []string, stdout, stderr io.Writer) int) func([]string, io.Writer, io.Writer, func() time.Time) int {
	return func(args []string, stdout, stderr io.Writer, _ func() time.Time) int {
		return run(args, stdout, stderr)
	}
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// usage returns recq's own help: what it is and its commands.
func usage() string {
	var b strings.Builder
	b.WriteString("recq reads, checks and answers queries of the Recordings API.\n\n")
	b.WriteString("Usage:\n  recq COMMAND [FLAGS] [ARGUMENTS]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun 'recq help COMMAND' or 'recq COMMAND --help' for a command's flags, exit codes and examples.\n")
	return b.String()
}

// run is the command with its arguments, streams and clock passed in, so
// tests drive it as a user would without a process per case.
func run(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return 1
	}
	switch args[0] {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usage())
		return 0
	case "-version", "--version":
		return versionCommand(args[1:], stdout, stderr, clock)
	}
	if c, ok := lookup(args[0]); ok {
		return c.run(args[1:], stdout, stderr, clock)
	}
	fmt.Fprintf(stderr, "recq: %s\n\n%s", unknownCommand(args[0]), usage())
	return 1
}

// unknownCommand says that name is no command of recq and, when one is
// near, which was meant: the same name in another case, the one command
// it begins (pars → parse), or the one nearest within two edits (one for
// a name of four letters or fewer).
func unknownCommand(name string) string {
	msg := fmt.Sprintf("unknown command %q", name)
	if c, ok := nearestCommand(name); ok {
		msg += "; did you mean " + c + "?"
	}
	return msg
}

func nearestCommand(name string) (string, bool) {
	if name == "" {
		return "", false
	}
	var prefixed []string
	for _, c := range commands {
		if strings.EqualFold(c.name, name) {
			return c.name, true
		}
		if len(name) >= 2 && strings.HasPrefix(c.name, strings.ToLower(name)) {
			prefixed = append(prefixed, c.name)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], true
	}
	limit := 2
	if len(name) <= 4 {
		limit = 1
	}
	best, bestD, ties := "", limit+1, 0
	for _, c := range commands {
		switch d := editdist.Distance(strings.ToLower(name), c.name, limit, nil); {
		case d < bestD:
			best, bestD, ties = c.name, d, 1
		case d == bestD:
			ties++
		}
	}
	return best, bestD <= limit && ties == 1
}
