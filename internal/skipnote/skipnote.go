// Package skipnote makes the tests that skip for want of a program from
// outside Go (chromium, PostgreSQL, node) say so where go test ./... shows
// it: go test prints only "ok" for a package that passed, whatever its
// tests wrote, so a newcomer would not know that part of the suite did not
// run. A package whose tests may skip runs them through Main, and each skip
// goes through Skip; after the run, one line per package names what was
// skipped and how to install it (docs/DEVELOPING.md).
package skipnote

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// need is one program the tests wanted: what it is, how to install it,
// and how many tests skipped for want of it.
type need struct {
	what, how string
	n         int
}

var (
	mu    sync.Mutex
	needs []*need
)

// Skip records that t skips for want of what (installed by how) and
// skips it with msg.
func Skip(t testing.TB, what, how, msg string) {
	t.Helper()
	record(what, how)
	uncache(true)
	t.Skip(msg)
}

func record(what, how string) {
	mu.Lock()
	defer mu.Unlock()
	for _, n := range needs {
		if n.what == what {
			n.n++
			return
		}
	}
	needs = append(needs, &need{what: what, how: how, n: 1})
}

// Summary is the line Main prints for the package pkg, "" when no test
// skipped: "PKG: skipped 3 tests that need chromium (to run them: …)", one
// clause per program, in the order the first skips came.
func Summary(pkg string) string {
	mu.Lock()
	defer mu.Unlock()
	if len(needs) == 0 {
		return ""
	}
	var parts []string
	for _, n := range needs {
		tests, them := "tests that need", "them"
		if n.n == 1 {
			tests, them = "test that needs", "it"
		}
		parts = append(parts, fmt.Sprintf("skipped %d %s %s (to run %s: %s)", n.n, tests, n.what, them, n.how))
	}
	return pkg + ": " + strings.Join(parts, "; ")
}

// Main runs the package's tests and, when some skipped, prints the summary
// where the developer sees it, then exits with the tests' status. Use it
// as the package's TestMain:
//
//	func TestMain(m *testing.M) { skipnote.Main(m) }
func Main(m *testing.M) { os.Exit(Run(m)) }

// Run is Main without the exit, for a TestMain that has more to do once
// the tests are done: it returns the status to exit with.
func Run(m *testing.M) int {
	code := m.Run()
	if line := Summary(packagePath()); line != "" {
		show(line)
		uncache(false)
	}
	return code
}

// show writes line where it is seen. go test -v shows what a test binary
// writes, so it goes to standard output then; without -v go test drops it
// for a package that passed, so it goes to the terminal the tests were
// started from (/dev/tty), else to standard output after all (a run
// without a terminal, as in CI, where CI=true makes these tests fail
// rather than skip).
func show(line string) {
	w := io.Writer(os.Stdout)
	if !testing.Verbose() {
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			defer tty.Close()
			w = tty
		}
	}
	fmt.Fprintln(w, line)
}

// uncache keeps go test from caching this run, so that the next run of the
// package runs its tests again and prints the line again instead of
// replaying a bare "ok (cached)". go test does not cache a run whose tests
// opened a file of the module modified less than two seconds before the
// run ended: a skip opens the module's .skipnote (ignored by Git; go test
// logs the files a test opens, not those opened after the tests), and Main
// touches it again once the tests are done. Where the module cannot be
// written (a read-only module cache), the run is cached as usual.
func uncache(open bool) {
	root, _ := module()
	if root == "" {
		return
	}
	name := filepath.Join(root, ".skipnote")
	now := time.Now()
	if err := os.Chtimes(name, now, now); err != nil {
		if err := os.WriteFile(name, []byte("touched by internal/skipnote so that go test does not cache a run with skipped tests\n"), 0o644); err != nil {
			return
		}
	}
	if open {
		if f, err := os.Open(name); err == nil {
			f.Close()
		}
	}
}

// packagePath is the import path of the package under test, from the
// module's go.mod and the directory go test runs the binary in (the
// package's own); the directory itself when there is no go.mod above it.
func packagePath() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	root, path := module()
	rel, err := filepath.Rel(root, dir)
	switch {
	case root == "" || err != nil:
		return dir
	case rel == ".":
		return path
	}
	return path + "/" + filepath.ToSlash(rel)
}

// module returns the directory of the go.mod above the working directory
// and its module path, or "" and "".
func module() (root, path string) {
	dir, err := os.Getwd()
	if err != nil {
		return "", ""
	}
	for root := dir; ; {
		if b, err := os.ReadFile(filepath.Join(root, "go.mod")); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if mod, ok := strings.CutPrefix(strings.TrimSpace(l), "module "); ok {
					return root, strings.TrimSpace(mod)
				}
			}
			return "", ""
		}
		up := filepath.Dir(root)
		if up == root {
			return "", ""
		}
		root = up
	}
}

// reset forgets the skips recorded so far (for the package's own tests).
func reset() {
	mu.Lock()
	defer mu.Unlock()
	needs = slices.Delete(needs, 0, len(needs))
}
