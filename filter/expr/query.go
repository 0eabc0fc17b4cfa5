package expr

// The percent-encoding of a filter's canonical text in a query string
// (docs/LANGUAGE.md §14.5): letters, digits, -._~ and !$'()*,:@/?= stay as
// they are; every other byte, ';', space, '+', '&', '#', '%' and non-ASCII
// bytes among them, becomes %XX with upper-case hex.

// appendQueryEscaped appends s percent-encoded, copying the runs of bytes
// kept as they are at once.
func appendQueryEscaped(b []byte, s string) []byte {
	for len(s) > 0 {
		i := 0
		for i < len(s) && keptInQuery[s[i]] {
			i++
		}
		b = append(b, s[:i]...)
		if i == len(s) {
			break
		}
		c := s[i]
		b = append(b, '%', upperHex[c>>4], upperHex[c&15])
		s = s[i+1:]
	}
	return b
}

// keptAll reports whether b holds only bytes a query keeps as they are.
func keptAll(b []byte) bool {
	for _, c := range b {
		if !keptInQuery[c] {
			return false
		}
	}
	return true
}

const upperHex = "0123456789ABCDEF"

// keptInQuery marks the bytes a filter's value keeps as they are in a query.
var keptInQuery = func() (k [256]bool) {
	for _, c := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$'()*,:@/?=" {
		k[c] = true
	}
	return k
}()
