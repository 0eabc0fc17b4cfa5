//go:build ignore

// gen_wasm builds cmd/recq-wasm for the browser and writes recq.wasm.gz,
// wasm_exec.js (from the toolchain) and recq.wasm.version, so that a
// rebuild with the same toolchain gives the same bytes: go generate ./web
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Flags are the build's flags; module_test.go rebuilds with the same.
var flags = []string{"build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w"}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen_wasm:", err)
		os.Exit(1)
	}
}

func run() error {
	dir, err := os.MkdirTemp("", "recq-wasm-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "recq.wasm")
	cmd := exec.Command("go", append(flags, "-o", out, "../cmd/recq-wasm")...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return err
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression) // no name, no time: the same bytes every time
	w.Write(raw)
	if err := w.Close(); err != nil {
		return err
	}
	if err := os.WriteFile("recq.wasm.gz", gz.Bytes(), 0o644); err != nil {
		return err
	}
	version, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return err
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return err
	}
	exec_, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	if err := os.WriteFile("wasm_exec.js", exec_, 0o644); err != nil {
		return err
	}
	line := strings.TrimSpace(string(version)) + " GOOS=js GOARCH=wasm go " + strings.Join(flags, " ") + "\n"
	if err := os.WriteFile("recq.wasm.version", []byte(line), 0o644); err != nil {
		return err
	}
	fmt.Printf("recq.wasm: %d bytes, %d gzip-compressed (%s)", len(raw), gz.Len(), line)
	return nil
}
