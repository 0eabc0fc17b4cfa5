// Package editdist measures how far apart two names are, for the "did you
// mean" hints of unknown variables and time zones.
package editdist

// Buffer is scratch space that Distance reuses across calls.
type Buffer [3][]int

// Distance returns the optimal-string-alignment (restricted Damerau-
// Levenshtein) distance between a and b in bytes, or limit+1 if it exceeds
// limit. buf is scratch space reused across calls; nil allocates it.
func Distance(a, b string, limit int, buf *Buffer) int {
	if buf == nil {
		buf = new(Buffer)
	}
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	for i := range buf {
		if cap(buf[i]) < len(b)+1 {
			buf[i] = make([]int, len(b)+1)
		}
		buf[i] = buf[i][:len(b)+1]
	}
	prev2, prev, cur := buf[0], buf[1], buf[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
