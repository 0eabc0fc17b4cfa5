package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/recq/recq/internal/skipnote"
)

// Install is the command that installs the browser these tests drive.
const Install = "apt-get update && apt-get install -y chromium"

// Path is where Debian installs chromium; [New] falls back to "chromium" on
// the PATH.
const Path = "/usr/bin/chromium"

// Timeout bounds the whole life of a browser started by [New]: every action
// run on its context fails once it has passed. A test's own deadline
// (go test -timeout) shortens it.
const Timeout = 2 * time.Minute

// startTimeout bounds the start of the browser, so that a chromium that hangs
// while starting fails in seconds with a clear message, not at Timeout.
const startTimeout = 30 * time.Second

// New starts a fresh headless chromium (its own temporary profile, no network
// of its own, no sandbox when run as root) and returns the context of its
// first tab, for chromedp.Run and chromedp.Do. The browser stops and its
// profile is removed when the test ends. If the test fails, what the page
// wrote to its console is logged.
//
// When chromium is missing or cannot start, New skips the test with one line
// saying how to install it, or fails it when the environment has CI=true.
func New(t testing.TB) context.Context {
	t.Helper()
	path, err := find()
	if err != nil {
		unavailable(t, err)
	}
	profile, err := os.MkdirTemp("", "recq-chromium-")
	if err != nil {
		t.Fatalf("browsertest: a profile directory: %v", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("password-store", "basic"),
	}
	if os.Getuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}

	deadline := time.Now().Add(Timeout)
	if d, ok := deadlineOf(t); ok && d.Before(deadline) {
		deadline = d
	}
	base, cancelBase := context.WithDeadline(context.Background(), deadline)
	alloc, cancelAlloc := chromedp.NewExecAllocator(base, opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	stop := func() {
		cancelTab()
		cancelAlloc()
		cancelBase()
		os.RemoveAll(profile)
	}

	// The first action starts the browser; it must not carry a shorter
	// deadline than the browser's life (chromedp ties the two), so the start
	// is bounded from outside.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err = <-started:
	case <-time.After(startTimeout):
		err = fmt.Errorf("no answer after %v", startTimeout)
	}
	if err != nil {
		stop()
		unavailable(t, fmt.Errorf("%s did not start: %w", path, err))
	}

	var (
		mu      sync.Mutex
		console []string
		done    = make(chan struct{})
	)
	messages := chromedp.Console(ctx)
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			mu.Lock()
			console = append(console, m.String())
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		stop()
		<-done
		if t.Failed() {
			mu.Lock()
			defer mu.Unlock()
			for _, line := range console {
				t.Logf("browser console: %s", line)
			}
		}
	})
	return ctx
}

// Eval evaluates a JavaScript expression in the tab of ctx, waits for the
// promise it returns (if any), and decodes its JSON value into T. A thrown
// exception or a rejected promise fails the test with the browser's message.
func Eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("browsertest: evaluating %s: %v", abbreviate(expr), err)
	}
	return v
}

// find returns the path of the chromium binary.
func find() (string, error) {
	if _, err := os.Stat(Path); err == nil {
		return Path, nil
	}
	p, err := exec.LookPath("chromium")
	if err != nil {
		return "", errors.New("chromium is not installed")
	}
	return p, nil
}

// unavailable ends the test when there is no usable browser: a failure under
// CI=true, a skip otherwise.
func unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("browsertest: %v (CI=true: a browser test may not be skipped; install it with: %s)", err, Install)
	}
	skipnote.Skip(t, "chromium", Install, fmt.Sprintf("browsertest: %v; install it with: %s", err, Install))
}

// deadlineOf returns the test's deadline, when t has one.
func deadlineOf(t testing.TB) (time.Time, bool) {
	if d, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		return d.Deadline()
	}
	return time.Time{}, false
}

// abbreviate shortens a script for an error message.
func abbreviate(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}
