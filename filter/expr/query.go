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

// escapeQueryFrom percent-encodes b[from:] in place: a value written in its
// canonical form just before (a date with an offset's '+', a quoted text).
// It works from the end, so that no byte is overwritten before it is read.
func escapeQueryFrom(b []byte, from int) []byte {
	n := 0
	for _, c := range b[from:] {
		if !keptInQuery[c] {
			n++
		}
	}
	if n == 0 {
		return b
	}
	end := len(b)
	b = append(b, make([]byte, 2*n)...)
	w := len(b)
	for r := end - 1; r >= from; r-- {
		c := b[r]
		if keptInQuery[c] {
			w--
			b[w] = c
			continue
		}
		w -= 3
		b[w], b[w+1], b[w+2] = '%', upperHex[c>>4], upperHex[c&15]
	}
	return b
}

const upperHex = "0123456789ABCDEF"

// keptInQuery marks the bytes a filter's value keeps as they are in a query.
var keptInQuery = func() (k [256]bool) {
	for _, c := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$'()*,:@/?=" {
		k[c] = true
	}
	return k
}()
