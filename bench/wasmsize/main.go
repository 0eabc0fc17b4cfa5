// Command wasmsize says what a Go WebAssembly module is made of: its
// sections, and its code by Go package, largest first. go tool nm does not
// read WebAssembly; this reads the code section and the names of the
// "name" custom section (so build without -ldflags=-s):
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/recq.wasm ./cmd/recq-wasm
//	cd bench && go run ./wasmsize /tmp/recq.wasm
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize FILE.wasm")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

// reader reads LEB128 numbers and bytes from a module.
type reader struct {
	b   []byte
	i   int
	err error
}

func (r *reader) uleb() int {
	if r.err != nil || r.i >= len(r.b) {
		r.err = errors.New("truncated module")
		return 0
	}
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 {
		r.err = errors.New("bad number")
		return 0
	}
	r.i += n
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || r.i+n > len(r.b) {
		r.err = errors.New("truncated module")
		return nil
	}
	b := r.b[r.i : r.i+n]
	r.i += n
	return b
}

var sectionNames = map[byte]string{0: "custom", 1: "type", 2: "import", 3: "function", 5: "memory", 6: "global", 7: "export", 9: "element", 10: "code", 11: "data"}

func run(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return errors.New(path + " is not WebAssembly")
	}
	r := &reader{b: b, i: 8}
	var bodies []int
	imports := 0
	names := map[int]string{}
	sections := map[string]int{}
	for r.i < len(b) && r.err == nil {
		id := r.bytes(1)
		if r.err != nil {
			break
		}
		size := r.uleb()
		start := r.i
		s := &reader{b: r.bytes(size)}
		switch id[0] {
		case 2: // imports: functions shift the indices of the code
			for n := s.uleb(); n > 0 && s.err == nil; n-- {
				s.bytes(s.uleb())
				s.bytes(s.uleb())
				kind := s.bytes(1)
				if len(kind) == 1 && kind[0] == 0 {
					imports++
					s.uleb()
				} else {
					return errors.New("an import that is not a function")
				}
			}
		case 10:
			for n := s.uleb(); n > 0 && s.err == nil; n-- {
				l := s.uleb()
				bodies = append(bodies, l)
				s.bytes(l)
			}
		case 0:
			if string(s.bytes(s.uleb())) == "name" {
				for s.i < len(s.b) && s.err == nil {
					sub := s.bytes(1)
					sub2 := &reader{b: s.bytes(s.uleb())}
					if len(sub) == 1 && sub[0] == 1 {
						for n := sub2.uleb(); n > 0 && sub2.err == nil; n-- {
							idx := sub2.uleb()
							names[idx] = string(sub2.bytes(sub2.uleb()))
						}
					}
				}
			}
		}
		name := sectionNames[id[0]]
		if name == "" {
			name = fmt.Sprint(id[0])
		}
		sections[name] += r.i - start
	}
	if r.err != nil {
		return r.err
	}
	fmt.Printf("%s: %d bytes\n", path, len(b))
	for _, name := range []string{"code", "data", "custom", "element", "function", "type", "import", "export", "global", "memory"} {
		if n := sections[name]; n > 0 {
			fmt.Printf("%10d  %s section\n", n, name)
		}
	}
	if len(names) == 0 {
		fmt.Println("no names (built with -ldflags=-s?): no breakdown by package")
		return nil
	}
	byPkg := map[string]int{}
	for i, size := range bodies {
		byPkg[pkgOf(names[i+imports])] += size
	}
	type row struct {
		pkg  string
		size int
	}
	var rows []row
	for p, s := range byPkg {
		rows = append(rows, row{p, s})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].size > rows[j].size })
	crypto := 0
	for _, x := range rows {
		if strings.HasSuffix(x.pkg, "[crypto]") {
			crypto += x.size
		}
	}
	fmt.Printf("code by package (crypto in all: %d):\n", crypto)
	for i, x := range rows {
		if i == 40 {
			break
		}
		fmt.Printf("%10d  %s\n", x.size, x.pkg)
	}
	return nil
}

// pkgOf is the package of a function's name as the Go linker writes it for
// WebAssembly ("encoding_json.__decodeState_.object",
// "github.com_recq_recq_filter.Parse"); a package under a domain keeps the
// domain's dot.
func pkgOf(name string) string {
	rest, prefix := name, ""
	for _, domain := range []string{"github.com_", "golang.org_", "pgregory.net_", "gopkg.in_"} {
		if strings.HasPrefix(name, domain) {
			prefix, rest = domain, name[len(domain):]
		}
	}
	if i := strings.IndexByte(rest, '.'); i >= 0 {
		rest = rest[:i]
	}
	p := prefix + rest
	if strings.HasPrefix(p, "crypto") || strings.HasPrefix(p, "vendor_golang.org_x_crypto") {
		return p + "  [crypto]"
	}
	return p
}
