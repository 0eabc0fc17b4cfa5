package main

import (
	"testing"
	"time"
)

// recq load says how long a load took, and its rate only when there is
// one to speak of: one record in 4 ms is not "250 records/s".
func TestTook(t *testing.T) {
	for _, tt := range []struct {
		n    int
		d    time.Duration
		want string
	}{
		{1, 4*time.Millisecond + 300*time.Microsecond, "in 4ms"},
		{1, 0, "in 0s"},
		{2, 350 * time.Microsecond, "in 350µs"},
		{999, 3 * time.Second, "in 3s"},
		{5000, 900 * time.Millisecond, "in 900ms"},
		{100000, 1234 * time.Millisecond, "in 1.2s (83333 records/s)"},
		{1000000, 10 * time.Second, "in 10s (100000 records/s)"},
	} {
		if got := took(tt.n, tt.d); got != tt.want {
			t.Errorf("took(%d, %v) = %q, want %q", tt.n, tt.d, got, tt.want)
		}
	}
}
