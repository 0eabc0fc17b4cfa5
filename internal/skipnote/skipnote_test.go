package skipnote

import (
	"os"
	"os/exec"
	"path/filepath"
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
