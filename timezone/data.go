package timezone

import (
	_ "embed"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// zonesBin is Go's $GOROOT/lib/time/zoneinfo.zip packed by gen_zoneinfo.go:
// an index of the sorted names, then each distinct TZif file once, from its
// 64-bit part on (docs/DECISIONS.md, "Time zones"). Reading it needs neither
// archive/zip nor compress/flate, and it is half the archive's size.
//
//go:generate go run gen_zoneinfo.go $GOROOT/lib/time/zoneinfo.zip zones.bin
//go:embed zones.bin
var zonesBin []byte

// zonesMagic opens zones.bin (gen_zoneinfo.go writes it).
const zonesMagic = "recq-tz1"

// zone is one entry of the embedded database. Its Location is parsed on first
// use and then shared.
type zone struct {
	data []byte // the TZif file from its second header on
	loc  atomic.Pointer[time.Location]
}

// tzif returns the zone's data as a TZif file time.LoadLocationFromTZData
// reads: an empty first (32-bit) block, then the 64-bit part, which is all
// that function reads of a version 2+ file.
func (z *zone) tzif() []byte {
	b := make([]byte, 44, 44+len(z.data))
	copy(b, "TZif")
	b[4] = z.data[4] // the version
	return append(b, z.data...)
}

// database is the index of the embedded data, built once and then read-only.
type database struct {
	zones map[string]*zone
	names []string          // sorted
	low   []string          // names[i] with ASCII letters lower-cased
	lower map[string]string // ASCII-lower-cased name -> name
	err   error             // non-nil if the data could not be read
}

var (
	dbOnce sync.Once
	dbVal  database
)

// db returns the index of the embedded data, reading it on first use.
func db() *database {
	dbOnce.Do(func() { dbVal = readZones(zonesBin) })
	return &dbVal
}

// errCorrupt is the fault of data that is not what gen_zoneinfo.go writes.
type errCorrupt string

func (e errCorrupt) Error() string { return "zone data: " + string(e) }

// readZones reads the index of zones.bin. Data of links share their bytes
// in b; every zone's data must start with a TZif header of version 2+.
func readZones(b []byte) database {
	d := database{zones: map[string]*zone{}, lower: map[string]string{}}
	if len(b) < len(zonesMagic)+2 || string(b[:len(zonesMagic)]) != zonesMagic {
		d.err = errCorrupt("not recq's zone data")
		return d
	}
	n := int(b[8])<<8 | int(b[9])
	i := 10
	u32 := func(at int) int { return int(b[at])<<24 | int(b[at+1])<<16 | int(b[at+2])<<8 | int(b[at+3]) }
	type entry struct {
		name     string
		off, len int
	}
	entries := make([]entry, 0, n)
	for range n {
		if i >= len(b) || i+1+int(b[i])+8 > len(b) {
			d.err = errCorrupt("index cut short")
			return database{zones: map[string]*zone{}, lower: map[string]string{}, err: d.err}
		}
		l := int(b[i])
		e := entry{name: string(b[i+1 : i+1+l]), off: u32(i + 1 + l), len: u32(i + 5 + l)}
		entries = append(entries, e)
		i += 1 + l + 8
	}
	blob := b[i:]
	for _, e := range entries {
		if e.off > len(blob) || e.len > len(blob)-e.off || e.len < 44 || string(blob[e.off:e.off+4]) != "TZif" || blob[e.off+4] < '2' {
			d.err = errCorrupt("bad data for " + e.name)
			continue
		}
		d.zones[e.name] = &zone{data: blob[e.off : e.off+e.len : e.off+e.len]}
		d.names = append(d.names, e.name)
	}
	if !slices.IsSorted(d.names) { // gen_zoneinfo.go writes them sorted; the searches need it
		return database{zones: map[string]*zone{}, lower: map[string]string{}, err: errCorrupt("names not sorted")}
	}
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
