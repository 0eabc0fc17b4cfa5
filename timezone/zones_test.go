package timezone

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// goZoneinfo reads Go's own $GOROOT/lib/time/zoneinfo.zip, the source of
// zones.bin: name -> TZif file.
func goZoneinfo(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	path := filepath.Join(string(bytes.TrimSpace(out)), "lib", "time", "zoneinfo.zip")
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("the toolchain's zone archive: %v", err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
	}
	return path, files
}

// TestZonesAsGo holds the packed data to Go's archive: the same names, and
// for each, the same offset and abbreviation as time.LoadLocationFromTZData
// of the original bytes at every transition (found by walking ZoneBounds
// from 1800 to 2200) and one second either side, and at every 13 days from
// 1900 to 2100.
func TestZonesAsGo(t *testing.T) {
	_, files := goZoneinfo(t)
	var want []string
	for name := range files {
		want = append(want, name)
	}
	slices.Sort(want)
	if got := Names(); !slices.Equal(got, want) {
		t.Fatalf("names differ from Go's archive (run go generate ./timezone/): %d here, %d there", len(got), len(want))
	}
	start := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)
	stop := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
	checks := 0
	for _, name := range want {
		orig, err := time.LoadLocationFromTZData(name, files[name])
		if err != nil {
			t.Fatalf("%s in Go's archive: %v", name, err)
		}
		loc, err := Load(name)
		if err != nil {
			t.Errorf("Load(%q): %v", name, err)
			continue
		}
		same := func(at time.Time) {
			checks++
			n1, o1 := at.In(orig).Zone()
			n2, o2 := at.In(loc).Zone()
			if n1 != n2 || o1 != o2 {
				t.Errorf("%s at %s: %s %+d here, %s %+d in Go's data", name, at.UTC().Format(time.RFC3339), n2, o2, n1, o1)
			}
		}
		for at := start; at.Before(stop); {
			_, end := at.In(orig).ZoneBounds()
			if end.IsZero() || !end.After(at) {
				break
			}
			for _, d := range []time.Duration{-time.Second, 0, time.Second} {
				same(end.Add(d))
			}
			at = end
		}
		for at := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() < 2100; at = at.AddDate(0, 0, 13) {
			same(at)
		}
	}
	t.Logf("%d zones, %d instants compared", len(want), checks)
}

// TestZonesReproducible regenerates zones.bin from Go's archive and compares
// it with the committed file.
func TestZonesReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go run")
	}
	src, _ := goZoneinfo(t)
	dst := filepath.Join(t.TempDir(), "zones.bin")
	cmd := exec.Command("go", "run", "gen_zoneinfo.go", src, dst)
	cmd.Env = append(os.Environ(), "GOOS="+runtime.GOOS, "GOARCH="+runtime.GOARCH)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen_zoneinfo.go: %v\n%s", err, out)
	}
	got, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, zonesBin) {
		t.Errorf("gen_zoneinfo.go writes %d bytes that differ from the committed zones.bin (%d): run go generate ./timezone/", len(got), len(zonesBin))
	}
}
