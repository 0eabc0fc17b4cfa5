package editdist

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 3, 0},
		{"abc", "abc", 3, 0},
		{"abc", "abd", 3, 1},
		{"abc", "acb", 3, 1}, // transposition
		{"amercia", "america", 3, 1},
		{"", "abc", 3, 3},
		{"abc", "", 3, 3},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3}, // capped at limit+1
		{"a", "abcdef", 2, 3},       // length difference alone exceeds the limit
	}
	var buf Buffer
	for _, tc := range tests {
		if got := Distance(tc.a, tc.b, tc.limit, &buf); got != tc.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}
