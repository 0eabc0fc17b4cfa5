//go:build ignore

// gen_zoneinfo copies the tz database shipped with the Go toolchain
// ($GOROOT/lib/time/zoneinfo.zip) next to this file, where data.go embeds it.
// Run it through go generate:
//
//	go generate ./timezone/
//
// after upgrading Go to pick up a newer tz database release.
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run gen_zoneinfo.go SRC.zip DST.zip")
		os.Exit(2)
	}
	src, dst := os.Args[1], os.Args[2]
	data, err := os.ReadFile(src)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) == 0 {
		fmt.Fprintf(os.Stderr, "%s is not a zoneinfo archive: %v\n", src, err)
		os.Exit(1)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("copied %s (%d zones) to %s\n", src, len(zr.File), dst)
}
