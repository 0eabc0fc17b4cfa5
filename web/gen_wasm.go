//go:build ignore

// gen_wasm builds cmd/recq-wasm for the browser, shrinks it with
// binaryen's wasm-opt, and writes recq.wasm.gz, wasm_exec.js (from the
// toolchain) and recq.wasm.version, so that a rebuild with the same
// toolchain and wasm-opt gives the same bytes: go generate ./web. With
// -out DIR it writes them there instead (module_test.go compares).
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

// Flags are the build's flags.
var flags = []string{"build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w"}

// optFlags are wasm-opt's: optimize for size, with the features Go's
// output uses (and every browser and node the module targets has); the
// module is 5% smaller (docs/BROWSER.md, "Size").
var optFlags = []string{"-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int", "--enable-mutable-globals"}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen_wasm:", err)
		os.Exit(1)
	}
}

func run() error {
	dest := "."
	if len(os.Args) == 3 && os.Args[1] == "-out" {
		dest = os.Args[2]
	}
	opt, err := exec.LookPath("wasm-opt")
	if err != nil {
		return fmt.Errorf("wasm-opt not found: install binaryen (apt-get install binaryen), which shrinks the module")
	}
	optVersion, err := exec.Command(opt, "--version").Output()
	if err != nil {
		return err
	}
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
	small := filepath.Join(dir, "recq.opt.wasm")
	cmd = exec.Command(opt, append(append([]string(nil), optFlags...), out, "-o", small)...)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("wasm-opt: %v", err)
	}
	raw, err := os.ReadFile(small)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression) // no name, no time: the same bytes every time
	w.Write(raw)
	if err := w.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dest, "recq.wasm.gz"), gz.Bytes(), 0o644); err != nil {
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
	if err := os.WriteFile(filepath.Join(dest, "wasm_exec.js"), exec_, 0o644); err != nil {
		return err
	}
	line := strings.TrimSpace(string(version)) + " GOOS=js GOARCH=wasm go " + strings.Join(flags, " ") +
		"; " + strings.TrimSpace(string(optVersion)) + " " + strings.Join(optFlags, " ") + "\n"
	if err := os.WriteFile(filepath.Join(dest, "recq.wasm.version"), []byte(line), 0o644); err != nil {
		return err
	}
	fmt.Printf("recq.wasm: %d bytes, %d gzip-compressed (%s)", len(raw), gz.Len(), line)
	return nil
}
