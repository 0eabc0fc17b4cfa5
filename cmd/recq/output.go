package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// printer writes lines to a writer from a goroutine of its own, so that the
// signal loop of recq serve never blocks on an output that nobody reads
// (docs/SERVING.md): a line that does not fit in its queue is dropped.
type printer struct {
	lines chan string
	done  chan struct{}
}

func newPrinter(w io.Writer) *printer {
	p := &printer{lines: make(chan string, 64), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		for s := range p.lines {
			io.WriteString(w, s) // an error (EPIPE: nobody reads) drops the line
		}
	}()
	return p
}

// printf queues one line (a newline is added) without waiting.
func (p *printer) printf(format string, a ...any) {
	select {
	case p.lines <- fmt.Sprintf(format, a...) + "\n":
	default:
	}
}

// close ends the printer, waiting at most wait for the queued lines.
func (p *printer) close(wait time.Duration) {
	close(p.lines)
	select {
	case <-p.done:
	case <-time.After(wait):
	}
}

// readTokenFile returns the token held in path, "" when the file does not
// exist or is empty.
func readTokenFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

// writeTokenFile replaces path with a file holding token, readable by its
// owner only (mode 0600): a new file, renamed over the old one, so that a
// reader never sees half a token and an old file's wider mode is not kept.
func writeTokenFile(path, token string) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after the rename, a no-op
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.WriteString(token + "\n"); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
