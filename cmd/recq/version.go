package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"time"
)

func init() {
	helps["version"] = helpText{
		usage: "recq version",
		about: "Prints recq's module version (\"(devel)\" for a build from a working copy),\nwith the commit it was built from when the build recorded one.",
		more:  "Exit status:\n  0  always\n\nExamples:\n  recq version\n  recq --version\n",
	}
}

// versionCommand prints the module's version from the build information.
func versionCommand(args []string, stdout, stderr io.Writer, _ func() time.Time) int {
	fs := newFlags("version")
	if err := fs.Parse(args); err != nil {
		return flagError("version", fs, err, stdout, stderr)
	}
	if fs.NArg() != 0 {
		usageError(stderr, "version", "unexpected argument "+fmt.Sprintf("%q", fs.Arg(0)))
		return 1
	}
	fmt.Fprintln(stdout, version(debug.ReadBuildInfo()))
	return 0
}

// version is the line recq version prints: recq, the module version, and
// the commit (12 digits, "+dirty" for uncommitted changes) when known.
func version(info *debug.BuildInfo, ok bool) string {
	v := "(devel)"
	if ok && info.Main.Version != "" {
		v = info.Main.Version
	}
	line := "recq " + v
	if !ok {
		return line
	}
	var rev string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		if dirty {
			rev += "+dirty"
		}
		line += " (" + rev + ")"
	}
	return line + " " + info.GoVersion
}
