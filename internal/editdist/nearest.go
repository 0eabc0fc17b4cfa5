package editdist

import "unicode/utf8"

// maxNearestInput bounds the names nearest compares: a longer one is no
// misspelling of a variable.
const maxNearestInput = 64

// Nearest returns the name closest to s among the lists: an exact match
// ignoring case and '-'/'_', else one within an edit distance of 2
// (case-insensitive; 1 for a name of 2 to 4 characters, none for one
// character), else "". It allocates nothing but the edit-distance
// buffer, once per call.
func Nearest(s string, lists ...[]string) string {
	if len(s) > maxNearestInput {
		return ""
	}
	for _, names := range lists {
		for _, n := range names {
			if foldEqual(n, s) {
				return n
			}
		}
	}
	var lower [maxNearestInput]byte
	ls := lower[:len(s)]
	for i := 0; i < len(s); i++ {
		ls[i] = toLower(s[i])
	}
	limit := 2 // a short name is near too many others at 2 edits: d, n, tz
	switch n := utf8.RuneCountInString(s); {
	case n < 2:
		return ""
	case n < 5:
		limit = 1
	}
	best, bestD := "", limit+1
	var buf Buffer
	var ln [maxNearestInput + 32]byte
	for _, names := range lists {
		for _, n := range names {
			if len(n) > len(ln) || len(n) > len(s)+2 || len(s) > len(n)+2 {
				continue
			}
			l := ln[:len(n)]
			for i := 0; i < len(n); i++ {
				l[i] = toLower(n[i])
			}
			if d := Distance(string(ls), string(l), limit, &buf); d < bestD {
				best, bestD = n, d
			}
		}
	}
	return best
}

// foldEqual reports whether a and b are equal ignoring ASCII case and the
// characters '-' and '_'.
func foldEqual(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && (a[i] == '-' || a[i] == '_') {
			i++
		}
		for j < len(b) && (b[j] == '-' || b[j] == '_') {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if toLower(a[i]) != toLower(b[j]) {
			return false
		}
		i++
		j++
	}
}

func toLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
