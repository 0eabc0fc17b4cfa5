package main

import (
	"testing"
	"time"
)

// FuzzParseNow: --now never panics, and what it accepts is an instant that
// RFC 3339 writes and reads back, or one outside the years it can write.
func FuzzParseNow(f *testing.F) {
	for _, s := range []string{"2026-11-25T12:00:00Z", "2026-11-25", "20261125T1315", "2026-11-25 09:30-07:00", "today", "0000-01-01T00:00%2B00:01", "9999-12-31T24:00", "2026-11-25T12:00:00.123456789+14:00"} {
		f.Add(s)
	}
	denver, err := time.LoadLocation("America/Denver")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		now, ok := parseNow(s, denver)
		if !ok {
			return
		}
		if y := now.UTC().Year(); y < 0 || y > 9999 { // RFC 3339 writes UTC years 0000–9999 only
			return
		}
		back, err := time.Parse(time.RFC3339Nano, now.UTC().Format(time.RFC3339Nano))
		if err != nil || !back.Equal(now) {
			t.Fatalf("parseNow(%q) = %v, which reads back as %v, %v", s, now, back, err)
		}
	})
}
