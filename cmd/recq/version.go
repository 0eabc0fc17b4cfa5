package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	"github.com/recq/recq"
)

func init() {
	helps["version"] = helpText{
		usage: "recq version",
		about: "Prints recq's version: the module version the Go toolchain recorded, else the\nrelease this source is (a build from a working copy), with the commit it was\nbuilt from when the build recorded one.",
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
// The module version is the toolchain's when it is a real one (a tagged
// release, or a pseudo-version after one); for a build from source that
// recorded none ("(devel)", or a v0.0.0 pseudo-version of an untagged
// commit) it is the release constant recq.Version.
func version(info *debug.BuildInfo, ok bool) string {
	v := recq.Version
	if ok && realVersion(info.Main.Version) {
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

// realVersion reports whether the toolchain's module version says more than
// the release constant: not empty, not "(devel)", and not the v0.0.0
// pseudo-version of a commit that no tag precedes.
func realVersion(v string) bool {
	return strings.HasPrefix(v, "v") && !strings.HasPrefix(v, "v0.0.0-")
}
