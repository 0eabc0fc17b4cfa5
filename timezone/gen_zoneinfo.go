//go:build ignore

// gen_zoneinfo packs the tz database shipped with the Go toolchain
// ($GOROOT/lib/time/zoneinfo.zip) into zones.bin, the compact form data.go
// embeds (docs/DECISIONS.md, "Time zones"): each distinct TZif file once (many
// names are links with the same bytes), with only its 64-bit (version 2+)
// part, behind an index of the sorted names. Run it through go generate:
//
//	go generate ./timezone/
//
// after upgrading Go to pick up a newer tz database release. The output
// depends only on the input: the same archive gives the same bytes.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
)

// magic opens zones.bin; data.go checks it.
const magic = "recq-tz1"

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run gen_zoneinfo.go SRC.zip DST.bin")
		os.Exit(2)
	}
	src, dst := os.Args[1], os.Args[2]
	out, n, err := pack(src)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(dst, out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("packed %s (%d zones) into %s (%d bytes)\n", src, n, dst, len(out))
}

// pack reads the archive and returns zones.bin and the number of names:
//
//	"recq-tz1", uint16 count, then per name in sorted order: uint8 length,
//	the name, uint32 offset and uint32 length of its data in the blob;
//	then the blob.
//
// A zone's data is its TZif file from the second header on (the first,
// 32-bit block is dropped); data.go puts an empty version-1 header back in
// front before handing it to time.LoadLocationFromTZData, which skips the
// 32-bit block of a version 2+ file anyway. Integers are big-endian.
func pack(src string) ([]byte, int, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return nil, 0, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) == 0 {
		return nil, 0, fmt.Errorf("%s is not a zoneinfo archive: %v", src, err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, 0, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %v", f.Name, err)
		}
		v2, err := secondPart(b)
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %v", f.Name, err)
		}
		if len(f.Name) > 255 {
			return nil, 0, fmt.Errorf("%s: name too long", f.Name)
		}
		files[f.Name] = v2
		names = append(names, f.Name)
	}
	slices.Sort(names)
	var index, blob []byte
	at := map[string]uint32{} // data -> offset in blob: links share bytes
	index = append(index, magic...)
	index = binary.BigEndian.AppendUint16(index, uint16(len(names)))
	for _, name := range names {
		b := files[name]
		off, ok := at[string(b)]
		if !ok {
			off = uint32(len(blob))
			at[string(b)] = off
			blob = append(blob, b...)
		}
		index = append(index, byte(len(name)))
		index = append(index, name...)
		index = binary.BigEndian.AppendUint32(index, off)
		index = binary.BigEndian.AppendUint32(index, uint32(len(b)))
	}
	return append(index, blob...), len(names), nil
}

// secondPart returns a version 2+ TZif file from its second header on.
func secondPart(b []byte) ([]byte, error) {
	if len(b) < 44 || string(b[:4]) != "TZif" || b[4] < '2' {
		return nil, fmt.Errorf("not a version 2+ TZif file")
	}
	c := func(i int) int { return int(binary.BigEndian.Uint32(b[20+4*i:])) }
	isutc, isstd, leap, timecnt, typecnt, charcnt := c(0), c(1), c(2), c(3), c(4), c(5)
	n := 44 + timecnt*5 + typecnt*6 + charcnt + leap*8 + isstd + isutc
	if n+44 > len(b) || string(b[n:n+4]) != "TZif" {
		return nil, fmt.Errorf("no second TZif header")
	}
	return b[n:], nil
}
