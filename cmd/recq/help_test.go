package main

import (
	"bytes"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq"
)

func runArgs(args ...string) (status int, stdout, stderr string) {
	var o, e bytes.Buffer
	status = run(args, &o, &e, clock)
	return status, o.String(), e.String()
}

// recq's own usage lists every command, on stdout for a request of help
// and on stderr, with exit 1, when no command is given.
func TestUsageListsEveryCommand(t *testing.T) {
	names := []string{"parse", "eval", "serve", "version", "help"}
	for _, c := range commands {
		if !strings.Contains(strings.Join(names, " "), c.name) {
			names = append(names, c.name)
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}, {}} {
		status, stdout, stderr := runArgs(args...)
		out, want := stdout, 0
		if len(args) == 0 {
			out, want = stderr, 1
		}
		if status != want {
			t.Errorf("recq %v: exit %d, want %d", args, status, want)
		}
		for _, name := range names {
			if !regexp.MustCompile(`(?m)^  ` + name + ` +\S`).MatchString(out) {
				t.Errorf("recq %v does not list %s:\n%s", args, name, out)
			}
		}
	}
}

// recq help COMMAND, recq COMMAND --help and recq COMMAND -h print the
// same help on stdout and exit 0; flags are written with two dashes.
func TestCommandHelp(t *testing.T) {
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			status, help, stderr := runArgs("help", c.name)
			if status != 0 || stderr != "" {
				t.Fatalf("recq help %s: exit %d, stderr %q", c.name, status, stderr)
			}
			if !strings.HasPrefix(help, "Usage: recq "+c.name) || !strings.Contains(help, "Exit status:") || !strings.Contains(help, "Examples:\n  recq "+c.name) {
				t.Errorf("recq help %s lacks its usage, exit status or examples:\n%s", c.name, help)
			}
			for _, flag := range []string{"--help", "-h"} {
				status, stdout, stderr := runArgs(c.name, flag)
				if status != 0 || stderr != "" || stdout != help {
					t.Errorf("recq %s %s: exit %d, stderr %q, stdout differs from recq help %s:\n%s", c.name, flag, status, stderr, c.name, stdout)
				}
			}
			if m := regexp.MustCompile(`(?m)^\s+-[a-z][a-z-]+`).FindAllString(help, -1); len(m) > 0 { // one letter (-h, -o) takes one dash
				t.Errorf("single-dash flags in the help of %s: %q", c.name, m)
			}
		})
	}
	// The commands that take a REQUEST say what it is and list their flags.
	for name, flags := range map[string][]string{
		"parse": {"--method GET|DELETE", "--now TIME", "--tenant-tz ZONE"},
		"eval":  {"--data FILE[,FILE...]", "--now TIME", "--tenant-tz ZONE"},
		"serve": {"--addr HOST:PORT", "--data FILE[,FILE...]", "--tenant NAME", "--token TOKEN", "--http\n"},
	} {
		_, help, _ := runArgs("help", name)
		for _, f := range flags {
			if !strings.Contains(help, "\n  "+f) {
				t.Errorf("recq help %s does not list %q", name, f)
			}
		}
		if name != "serve" && !strings.Contains(help, "REQUEST is") {
			t.Errorf("recq help %s does not say what REQUEST is", name)
		}
	}
	if status, _, stderr := runArgs("help", "nope"); status != 1 || !strings.Contains(stderr, `unknown command "nope"`) {
		t.Errorf("recq help nope: exit %d, stderr %q", status, stderr)
	}
}

// A usage error names the flag with two dashes and points at the help.
func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"eval", "--zone", "UTC"}, {"parse", "--method"}, {"serve", "--max-in-flight", "x"}, {"version", "extra"}} {
		status, stdout, stderr := runArgs(args...)
		if status != 1 || stdout != "" || !strings.HasPrefix(stderr, "recq "+args[0]+": ") || !strings.Contains(stderr, "Run 'recq help "+args[0]+"'") {
			t.Errorf("recq %v: exit %d, stdout %q, stderr %q", args, status, stdout, stderr)
		}
		if regexp.MustCompile(`(^|\s)-[a-z]`).MatchString(strings.SplitN(stderr, "\n", 2)[0]) {
			t.Errorf("recq %v: a single-dash flag in %q", args, stderr)
		}
	}
}

func TestVersion(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	want := version(info, ok) + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}} {
		status, stdout, stderr := runArgs(args...)
		if status != 0 || stderr != "" || stdout != want || !strings.HasPrefix(stdout, "recq ") {
			t.Errorf("recq %v: exit %d, stdout %q, stderr %q, want %q", args, status, stdout, stderr, want)
		}
	}
	built := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/recq/recq", Version: "v1.2.3"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}
	for _, tt := range []struct {
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{built, true, "recq v1.2.3 (0123456789ab+dirty) go1.26.0"},
		{&debug.BuildInfo{GoVersion: "go1.26.0"}, true, "recq " + recq.Version + " go1.26.0"},
		{&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}}, true, "recq " + recq.Version + " go1.26.0"},
		{&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.0.0-20261207014500-0123456789ab+dirty"}}, true, "recq " + recq.Version + " go1.26.0"},
		{&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.9.1-0.20261207014500-0123456789ab"}}, true, "recq v0.9.1-0.20261207014500-0123456789ab go1.26.0"},
		{nil, false, "recq " + recq.Version},
	} {
		if got := version(tt.info, tt.ok); got != tt.want {
			t.Errorf("version = %q, want %q", got, tt.want)
		}
	}
}

// --now takes an instant, or a date or a local time read in the tenant zone.
func TestParseNow(t *testing.T) {
	denver, err := time.LoadLocation("America/Denver")
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"2026-11-25T12:00:00Z":           "2026-11-25T12:00:00Z",
		"2026-11-25T12:00:00.5+01:00":    "2026-11-25T11:00:00.5Z",
		"2026-11-25":                     "2026-11-25T07:00:00Z",
		"20261125":                       "2026-11-25T07:00:00Z",
		"2026-11-25T09:30":               "2026-11-25T16:30:00Z",
		"2026-11-25 09:30Z":              "2026-11-25T09:30:00Z",
		"2026-03-08":                     "2026-03-08T07:00:00Z",
		"2026-11-25T12:00:00.123456789Z": "2026-11-25T12:00:00.123456789Z",
	} {
		got, ok := parseNow(in, denver)
		if !ok || got.UTC().Format(time.RFC3339Nano) != want {
			t.Errorf("parseNow(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"today", "today-1d", "yesterday", "", "2026-13-01", "2026-11-25T25:00"} {
		if got, ok := parseNow(in, denver); ok {
			t.Errorf("parseNow(%q) = %v, want a refusal", in, got)
		}
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 files", 1: "1 file", 2: "2 files", 50: "50 files"} {
		if got := count(n, "file", "files"); got != want {
			t.Errorf("count(%d) = %q", n, got)
		}
	}
}
