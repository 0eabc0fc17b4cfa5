package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// helpText is a command's help: its usage line, what it does, and what
// follows the list of flags (arguments, exit codes, examples).
type helpText struct {
	usage string // after "Usage: "
	about string
	more  string
}

// helps holds each command's help text; NAME_help.go sets its own.
var helps = map[string]helpText{}

// helpCommand is recq help [COMMAND]: recq's usage, or the command's help,
// on standard output.
func helpCommand(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	switch {
	case len(args) == 0 || len(args) == 1 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help"):
		if len(args) == 1 {
			printHelp(stdout, "help", nil)
			return 0
		}
		fmt.Fprint(stdout, usage())
		return 0
	case len(args) > 1:
		fmt.Fprintf(stderr, "recq help: expected one COMMAND, got %d\n\n%s", len(args), usage())
		return 1
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "recq help: %s\n\n%s", unknownCommand(args[0]), usage())
		return 1
	}
	return c.run([]string{"--help"}, stdout, stderr, clock)
}

func init() {
	helps["help"] = helpText{
		usage: "recq help [COMMAND]",
		about: "Prints recq's commands or, for COMMAND, its usage, flags, exit codes and\nexamples, on standard output. 'recq COMMAND --help' prints the same.",
		more:  "Exit status:\n  0  the help is printed\n  1  COMMAND is not a command of recq\n\nExamples:\n  recq help\n  recq help parse\n",
	}
}

// newFlags returns the flag set of a command. Its errors are printed by
// flagError, never by the flag package, so that flags read with two dashes.
func newFlags(cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet("recq "+cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// flagError answers a failed fs.Parse: for -h or --help the command's help
// on standard output and exit 0, otherwise the fault and the usage line on
// standard error and exit 1.
func flagError(cmd string, fs *flag.FlagSet, err error, stdout, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		printHelp(stdout, cmd, fs)
		return 0
	}
	msg := err.Error()
	msg = strings.Replace(msg, "flag provided but not defined: -", "unknown flag --", 1)
	msg = strings.Replace(msg, " for flag -", " for flag --", 1)
	msg = strings.Replace(msg, "flag needs an argument: -", "flag needs an argument: --", 1)
	usageError(stderr, cmd, msg)
	return 1
}

// usageError prints a usage fault, the command's usage line and where its
// help is, on w.
func usageError(w io.Writer, cmd, msg string) {
	fmt.Fprintf(w, "recq %s: %s\nUsage: %s\nRun 'recq help %s' for the flags and examples.\n", cmd, msg, helps[cmd].usage, cmd)
}

// printHelp writes a command's help: usage, what it does, its flags (from
// fs, with two dashes) and the rest.
func printHelp(w io.Writer, cmd string, fs *flag.FlagSet) {
	h := helps[cmd]
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", h.usage, strings.TrimRight(h.about, "\n"))
	if fs != nil {
		fmt.Fprint(w, "\nFlags:\n")
		fs.VisitAll(func(f *flag.Flag) {
			name, text := flag.UnquoteUsage(f)
			if arg, ok := argNames[f.Name]; ok {
				name = arg
			}
			dashes := "--"
			if len(f.Name) == 1 { // -o, as a one-letter flag is written
				dashes = "-"
			}
			fmt.Fprintf(w, "  %s%s", dashes, f.Name)
			if name != "" {
				fmt.Fprintf(w, " %s", name)
			}
			fmt.Fprintf(w, "\n      %s", text)
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				fmt.Fprintf(w, " (default %s)", f.DefValue)
			}
			fmt.Fprintln(w)
		})
		fmt.Fprint(w, "  -h, --help\n      print this help\n")
	}
	if h.more != "" {
		fmt.Fprintf(w, "\n%s", h.more)
	}
}

// argNames names the argument of each flag in help texts.
var argNames = map[string]string{
	"method":        "GET|DELETE",
	"now":           "TIME",
	"tenant-tz":     "ZONE",
	"data":          "FILE[,FILE...]",
	"addr":          "HOST:PORT",
	"tenant":        "NAME",
	"token":         "TOKEN",
	"max-in-flight": "N",
	"seed":          "N",
	"http":          "",
	"url":           "BASE",
	"token-file":    "FILE",
	"max":           "N",
	"insecure":      "",
	"for":           "react-querybuilder|json-schema",
	"resource":      "files|transcripts",
	"db":            "URL",
	"cors":          "ORIGIN[,ORIGIN...]",
	"timeout":       "D",
	"o":             "FILE",
}
