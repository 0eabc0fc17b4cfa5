package timezone

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestLoad(t *testing.T) {
	summer := time.Date(2021, 7, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		offset int // at summer, seconds east of UTC
	}{
		{"UTC", 0},
		{"Etc/UTC", 0},
		{"Etc/GMT+5", -5 * 3600},
		{"Etc/GMT-14", 14 * 3600},
		{"US/Eastern", -4 * 3600},
		{"America/New_York", -4 * 3600},
		{"America/Denver", -6 * 3600},
		{"Asia/Kolkata", 5*3600 + 1800},
		{"Pacific/Apia", 13 * 3600},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc, err := Load(tc.name)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if _, off := summer.In(loc).Zone(); off != tc.offset {
				t.Errorf("offset = %d, want %d", off, tc.offset)
			}
			again, err := Load(tc.name)
			if err != nil || again != loc {
				t.Errorf("second Load = %p, %v; want the cached %p", again, err, loc)
			}
		})
	}
	if loc, _ := Load("UTC"); loc != time.UTC {
		t.Errorf("Load(UTC) = %p, want time.UTC", loc)
	}
}

func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"Local", "Local"},
		{"garbage", "garbage"},
		{"lower case", "america/new_york"},
		{"invalid UTF-8", "America/\xff\xfe"},
		{"NUL", "America/New_York\x00"},
		{"dot dot", "../../etc/passwd"},
		{"absolute path", "/usr/share/zoneinfo/UTC"},
		{"directory", "America"},
		{"directory slash", "America/"},
		{"trailing space", "UTC "},
		{"256 bytes", strings.Repeat("A", 256)},
		{"1 MiB", strings.Repeat("America/New_York", 1<<16)},
		{"1 MiB invalid", strings.Repeat("\xff", 1<<20)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			loc, err := Load(tc.in)
			if loc != nil {
				t.Errorf("Load returned a location %v", loc)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v, want *Error", err, err)
			}
			if e.Name != tc.in {
				t.Errorf("Name differs from the input")
			}
			msg := e.Error()
			if strings.ContainsAny(msg, "\n\r") || len(msg) > 400 {
				t.Errorf("Error() is not one short line: %q", msg)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestLoadCachedDoesNotAllocate(t *testing.T) {
	for _, name := range []string{"UTC", "America/New_York", "Etc/GMT+5"} {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(name); err != nil {
				t.Fatal(err)
			}
			if n := testing.AllocsPerRun(100, func() { _, _ = Load(name) }); n != 0 {
				t.Errorf("allocs = %v, want 0", n)
			}
		})
	}
}

func TestLoadConcurrent(t *testing.T) {
	names := Names()[:50]
	done := make(chan map[string]*time.Location)
	for range 8 {
		go func() {
			m := map[string]*time.Location{}
			for _, n := range names {
				m[n], _ = Load(n)
			}
			done <- m
		}()
	}
	first := <-done
	for range 7 {
		m := <-done
		for _, n := range names {
			if m[n] != first[n] || m[n] == nil {
				t.Fatalf("Load(%q) returned different locations concurrently", n)
			}
		}
	}
}
