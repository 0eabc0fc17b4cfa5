package main

import (
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestModuleImports fails if the module's import graph takes back a package
// it was made to do without (docs/BROWSER.md, "What the module links, and
// what it keeps out"): the zone archive's readers, net/http, package encode
// with its record writers, the root package, regexp (package schema escapes
// selector names by hand for its JSON Schema).
func TestModuleImports(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	for _, p := range []string{"archive/zip", "compress/flate", "net/http", "encoding/xml", "encoding/csv", "regexp", "github.com/recq/recq/encode", "github.com/recq/recq"} {
		if deps[p] {
			t.Errorf("the js/wasm build of cmd/recq-wasm imports %s", p)
		}
	}
}

// TestModuleLinksNoJSON builds the module with its function names and fails
// if it links more than a trace of encoding/json, fmt or reflect: the
// module reads and writes JSON by hand (internal/jsonr, internal/jsonw,
// internal/report). Those packages stay in the import graph (filter and
// querybuilder keep encoding/json for their MarshalJSON and UnmarshalJSON
// methods, and json.RawMessage in querybuilder.Rule), so the test counts
// what the linker keeps: the package initialization of an imported package
// and the methods it reaches, about 10 KB, against 0.5 MB when the module
// called them.
func TestModuleLinksNoJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the module")
	}
	wasm := filepath.Join(t.TempDir(), "recq.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", wasm, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	b, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	sizes, err := codeByFunction(b)
	if err != nil {
		t.Fatal(err)
	}
	const bound = 24 << 10
	total, linked := 0, map[string]int{}
	for name, size := range sizes {
		for _, pkg := range []string{"encoding_json.", "fmt.", "reflect."} {
			if strings.HasPrefix(name, pkg) {
				total += size
				linked[name] = size
			}
		}
	}
	if total > bound {
		t.Errorf("the module links %d bytes of encoding/json, fmt and reflect (at most %d): %v", total, bound, linked)
	}
	if len(sizes) < 1000 {
		t.Errorf("only %d named functions: the name section was not read", len(sizes))
	}
	t.Logf("%d bytes of code of encoding/json, fmt and reflect in %d functions", total, len(linked))
}

// codeByFunction reads a WebAssembly module's code section and its "name"
// section: the size of each function's body by its name.
func codeByFunction(b []byte) (map[string]int, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not WebAssembly")
	}
	var bodies []int
	imports := 0
	names := map[int]string{}
	uleb := func(b []byte, i *int) int {
		v, n := binary.Uvarint(b[min(*i, len(b)):])
		if n <= 0 {
			*i = len(b) + 1
			return 0
		}
		*i += n
		return int(v)
	}
	for i := 8; i < len(b); {
		id := b[i]
		i++
		size := uleb(b, &i)
		if i+size > len(b) {
			return nil, errors.New("truncated module")
		}
		s, j := b[i:i+size], 0
		i += size
		switch id {
		case 2: // imported functions come first in the index space
			for n := uleb(s, &j); n > 0 && j < len(s); n-- {
				j += uleb(s, &j)
				j += uleb(s, &j)
				if j < len(s) && s[j] == 0 {
					imports++
					j++
					uleb(s, &j)
				} else {
					return nil, errors.New("an import that is not a function")
				}
			}
		case 10:
			for n := uleb(s, &j); n > 0 && j < len(s); n-- {
				l := uleb(s, &j)
				bodies = append(bodies, l)
				j += l
			}
		case 0:
			l := uleb(s, &j)
			if j+l > len(s) || string(s[j:j+l]) != "name" {
				continue
			}
			for j += l; j < len(s); {
				sub := s[j]
				j++
				l := uleb(s, &j)
				if j+l > len(s) {
					break
				}
				sec, k := s[j:j+l], 0
				j += l
				if sub != 1 {
					continue
				}
				for n := uleb(sec, &k); n > 0 && k < len(sec); n-- {
					idx := uleb(sec, &k)
					nl := uleb(sec, &k)
					if k+nl > len(sec) {
						break
					}
					names[idx] = string(sec[k : k+nl])
					k += nl
				}
			}
		}
	}
	sizes := map[string]int{}
	for i, size := range bodies {
		if name, ok := names[i+imports]; ok {
			sizes[name] += size
		}
	}
	return sizes, nil
}
