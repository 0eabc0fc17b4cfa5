package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// stuckWriter is a standard output that nobody reads: every Write blocks
// until the test ends.
type stuckWriter struct{ done chan struct{} }

func (w stuckWriter) Write(p []byte) (int, error) {
	<-w.done
	return 0, os.ErrClosed
}

// waitToken waits until the token file holds a token other than old and
// returns it.
func waitToken(t *testing.T, path, old string) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(path)
		if tok := strings.TrimSpace(string(b)); err == nil && tok != "" && tok != old {
			return tok
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s never held a token other than %q", path, old)
	return ""
}

// TestServeStuckStdout: with a standard output nobody reads, recq serve
// still starts, rotates the token on SIGHUP into --token-file, and stops
// on SIGTERM (issue 14, finding 3: the signal loop never blocks on output).
func TestServeStuckStdout(t *testing.T) {
	tokenFile := filepath.Join(t.TempDir(), "token")
	done := make(chan struct{})
	defer close(done)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	rotate := make(chan os.Signal, 1)
	status := make(chan int, 1)
	stderr := &lockedBuffer{}
	go func() {
		status <- serve(ctx, rotate, []string{"--addr", "127.0.0.1:0", "--http", "--token-file", tokenFile}, stuckWriter{done}, stderr, clock)
	}()
	first := waitToken(t, tokenFile, "")
	info, err := os.Stat(tokenFile)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("the token file's mode is %v, want 0600", info.Mode().Perm())
	}
	rotate <- syscall.SIGHUP
	second := waitToken(t, tokenFile, first)
	if len(second) != 32 {
		t.Errorf("the rotated token is %q", second)
	}
	stop()
	select {
	case code := <-status:
		if code != 0 {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("recq serve did not stop with its standard output stuck")
	}
}

// TestServeTokenFile: a token in --token-file is taken (so it need not be
// in the command line), and the address line says where the token is
// instead of printing it.
func TestServeTokenFile(t *testing.T) {
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte("from-the-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := startServe(t, "--addr", "127.0.0.1:0", "--http", "--token-file", tokenFile)
	addr := r.line(t, "address: ", 1)
	if got := r.line(t, "token: ", 1); !strings.Contains(got, tokenFile) || strings.Contains(r.stdout.String(), "from-the-file") {
		t.Errorf("token line %q; stdout:\n%s", got, r.stdout)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	if status, _ := get(t, client, "http://"+addr+"/files.csv", "acme", "from-the-file"); status != 200 {
		t.Errorf("the file's token: %d", status)
	}
	r.rotate <- syscall.SIGHUP
	fresh := waitToken(t, tokenFile, "from-the-file")
	// The file is written before the token is switched (so that a failed
	// write rotates nothing): the rotation is done once it says so.
	r.line(t, "token rotated", 1)
	if status, _ := get(t, client, "http://"+addr+"/files.csv", "acme", fresh); status != 200 {
		t.Errorf("the rotated token: %d", status)
	}
}

// TestServeClosedStdout runs recq serve in a child process whose standard
// output is a pipe closed at the reading end (recq serve | head -0): a
// SIGHUP must not kill it by SIGPIPE, and SIGTERM stops it with status 0.
func TestServeClosedStdout(t *testing.T) {
	if os.Getenv("RECQ_SERVE_CHILD") != "" {
		args := strings.Split(os.Getenv("RECQ_SERVE_CHILD"), " ")
		os.Exit(serveCommand(args, os.Stdout, os.Stderr, clock))
	}
	tokenFile := filepath.Join(t.TempDir(), "token")
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	pr.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeClosedStdout$")
	cmd.Env = append(os.Environ(), "RECQ_SERVE_CHILD=--addr 127.0.0.1:0 --http --token-file "+tokenFile)
	cmd.Stdout = pw
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	go bufio.NewReader(stderr).WriteTo(discard{})
	defer cmd.Process.Kill()
	first := waitToken(t, tokenFile, "")
	cmd.Process.Signal(syscall.SIGHUP)
	waitToken(t, tokenFile, first)
	cmd.Process.Signal(syscall.SIGHUP) // a second print to the closed pipe
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	errc := make(chan error, 1)
	go func() { errc <- cmd.Wait() }()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("recq serve with its standard output closed: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("recq serve did not stop")
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

var _ = fmt.Sprint
