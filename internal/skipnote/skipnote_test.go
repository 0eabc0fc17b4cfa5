package skipnote

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSummary(t *testing.T) {
	reset()
	defer reset()
	if got := Summary("p"); got != "" {
		t.Errorf("no skips: %q", got)
	}
	record("chromium", "apt-get install -y chromium")
	if got, want := Summary("p"), "p: skipped 1 test that needs chromium (to run it: apt-get install -y chromium)"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	record("PostgreSQL", "run .ci/postgres")
	record("chromium", "apt-get install -y chromium")
	if got, want := Summary("p"), "p: skipped 2 tests that need chromium (to run them: apt-get install -y chromium); skipped 1 test that needs PostgreSQL (to run it: run .ci/postgres)"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
}

func TestPackagePath(t *testing.T) {
	if got, want := packagePath(), "github.com/recq/recq/internal/skipnote"; got != want {
		t.Errorf("packagePath = %q, want %q", got, want)
	}
}

// A package whose test skips through Skip prints its line without -v (on
// standard output when there is no terminal, which go test -v shows), and
// go test does not cache the run, so that the next run prints it again.
func TestMainPrintsAndIsNotCached(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	gocmd := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	if _, err := os.Stat(gocmd); err != nil {
		gocmd = "go"
	}
	for run := range 2 {
		out, err := exec.Command(gocmd, "test", "-v", "./testdata/skipper").CombinedOutput()
		if err != nil {
			t.Fatalf("go test: %v\n%s", err, out)
		}
		if !strings.Contains(string(out), "github.com/recq/recq/internal/skipnote/testdata/skipper: skipped 2 tests that need a thing (to run them: get a thing)\n") {
			t.Errorf("run %d: no summary line in\n%s", run, out)
		}
		if strings.Contains(string(out), "(cached)") {
			t.Errorf("run %d: the run was cached:\n%s", run, out)
		}
	}
}

// Every package of the module whose tests can skip for want of a program
// (through browsertest, pgtest or Skip itself) runs them through Main, so
// that go test ./... says so.
func TestEverySkippingPackageUsesMain(t *testing.T) {
	root, _ := module()
	if root == "" {
		t.Fatal("no go.mod above the working directory")
	}
	uses := regexp.MustCompile(`\bbrowsertest\.New\(|\bpgtest\.|\bskipnote\.Skip\(|\brunInterop\(`)
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != root {
			return filepath.SkipDir // another module (bench)
		}
		files, _ := filepath.Glob(filepath.Join(path, "*.go")) // a package that calls Skip itself (browsertest) skips in its own tests too
		skips, main, tests := false, false, 0
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			if strings.HasSuffix(f, "_test.go") {
				tests++
			}
			skips = skips || uses.Match(b)
			main = main || strings.Contains(string(b), "skipnote.Main(m)") || strings.Contains(string(b), "skipnote.Run(m)")
		}
		skips = skips && tests > 0
		if skips && filepath.Base(path) != "skipnote" {
			checked++
			if !main {
				t.Errorf("%s: its tests can skip but its TestMain is not skipnote.Main", path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 5 {
		t.Errorf("only %d packages found whose tests can skip: the pattern no longer sees them", checked)
	}
}
