package main

import (
	"io"
	"os"
	"path/filepath"
)

// sink is where recq get writes its document: standard output as the
// pages come, or (-o FILE) a temporary file beside FILE, renamed to FILE
// only when the walk has completed, so that FILE is the whole listing or
// is not touched (docs/CLIENT.md, "recq get").
type sink struct {
	w    io.Writer
	f    *os.File // the temporary file, for -o
	path string   // FILE
}

func newSink(path string, stdout io.Writer) (*sink, error) {
	if path == "" {
		return &sink{w: stdout}, nil
	}
	// In FILE's directory, so that the rename is one step of one file
	// system; mode 0600 (the listing is the tenant's data).
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".recq-get-*")
	if err != nil {
		return nil, err
	}
	return &sink{w: f, f: f, path: path}, nil
}

func (s *sink) Write(p []byte) (int, error) { return s.w.Write(p) }

// commit makes the temporary file FILE: its text on disk first, then the
// rename.
func (s *sink) commit() error {
	if s.f == nil {
		return nil
	}
	f := s.f
	s.f = nil
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), s.path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// abort removes the temporary file of a walk that did not complete.
func (s *sink) abort() {
	if s.f != nil {
		s.f.Close()
		os.Remove(s.f.Name())
		s.f = nil
	}
}
