package timezone

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// zoneinfoZip is a copy of $GOROOT/lib/time/zoneinfo.zip (see gen_zoneinfo.go).
//
//go:generate go run gen_zoneinfo.go $GOROOT/lib/time/zoneinfo.zip zoneinfo.zip
//go:embed zoneinfo.zip
var zoneinfoZip []byte

// zone is one entry of the embedded database. Its Location is parsed on first
// use and then shared.
type zone struct {
	data []byte
	loc  atomic.Pointer[time.Location]
}

// database is the index of the embedded archive, built once and then read-only.
type database struct {
	zones map[string]*zone
	names []string          // sorted
	low   []string          // names[i] with ASCII letters lower-cased
	lower map[string]string // ASCII-lower-cased name -> name
	err   error             // non-nil if the archive could not be read
}

var (
	dbOnce sync.Once
	dbVal  database
)

// db returns the index of the embedded archive, reading it on first use.
func db() *database {
	dbOnce.Do(func() { dbVal = readArchive(zoneinfoZip) })
	return &dbVal
}

func readArchive(b []byte) database {
	d := database{zones: map[string]*zone{}, lower: map[string]string{}}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		d.err = err
		return d
	}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			d.err = err
			continue
		}
		data, err := io.ReadAll(rc) // reading to EOF verifies the CRC
		rc.Close()
		if err != nil {
			d.err = err
			continue
		}
		d.zones[f.Name] = &zone{data: data}
		d.names = append(d.names, f.Name)
	}
	slices.Sort(d.names)
	for _, n := range d.names {
		l := asciiLower(n)
		d.low = append(d.low, l)
		if _, dup := d.lower[l]; !dup {
			d.lower[l] = n
		}
	}
	return d
}

// Names returns the names of all zones in the embedded database, sorted.
// The caller owns the returned slice.
func Names() []string {
	return slices.Clone(db().names)
}

// asciiLower lower-cases ASCII letters and leaves every other byte alone
// (zone names are ASCII; input may be any bytes).
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
