package timezone

import "sync"

// gramIndex finds the zone names that may lie within a small edit distance
// of a name without measuring the distance to every one of them: it lists,
// for each pair of adjacent bytes (a bigram), the names and last segments
// that hold it. One edit (an insertion, a deletion, a substitution or a
// transposition of neighbours) removes at most 3 of a name's distinct
// bigrams, so a name within k edits shares at least distinct(name) − 3k
// bigrams with the input; only those are measured. A bad tz then costs a
// few microseconds, not a pass of the edit distance over every zone.
type gramIndex struct {
	keys  []string           // lower-cased whole names and last segments
	owner []int32            // keys[k] belongs to names[owner[k]]
	grams map[uint16][]int32 // bigram -> the keys holding it, each once
}

var (
	gramOnce sync.Once
	gramVal  gramIndex
)

// grams returns the bigram index of d's names, built on first use.
func (d *database) grams() *gramIndex {
	gramOnce.Do(func() { gramVal = buildGramIndex(d.low) })
	return &gramVal
}

func buildGramIndex(low []string) gramIndex {
	g := gramIndex{grams: map[uint16][]int32{}}
	add := func(key string, owner int) {
		k := int32(len(g.keys))
		g.keys = append(g.keys, key)
		g.owner = append(g.owner, int32(owner))
		for i := 0; i+1 < len(key); i++ {
			b := bigram(key, i)
			if l := g.grams[b]; len(l) == 0 || l[len(l)-1] != k {
				if !seenBefore(key, i) {
					g.grams[b] = append(l, k)
				}
			}
		}
	}
	for i, ln := range low {
		add(ln, i)
		for j := len(ln) - 1; j >= 0; j-- {
			if ln[j] == '/' {
				add(ln[j+1:], i)
				break
			}
		}
	}
	return g
}

func bigram(s string, i int) uint16 { return uint16(s[i])<<8 | uint16(s[i+1]) }

// seenBefore reports whether the bigram at s[i] occurs earlier in s.
func seenBefore(s string, i int) bool {
	b := bigram(s, i)
	for j := 0; j < i; j++ {
		if bigram(s, j) == b {
			return true
		}
	}
	return false
}

// candidates calls f with each key (and its owner) that may lie within
// limit edits of s: every key when s is too short for the bigram bound to
// exclude any.
func (g *gramIndex) candidates(s string, limit int, f func(key string, owner int)) {
	distinct := 0
	for i := 0; i+1 < len(s); i++ {
		if !seenBefore(s, i) {
			distinct++
		}
	}
	need := distinct - 3*limit
	if need <= 0 {
		for k, key := range g.keys {
			f(key, int(g.owner[k]))
		}
		return
	}
	counts := make([]uint8, len(g.keys))
	for i := 0; i+1 < len(s); i++ {
		if seenBefore(s, i) {
			continue
		}
		for _, k := range g.grams[bigram(s, i)] {
			if counts[k] < 255 {
				counts[k]++
			}
		}
	}
	for k, c := range counts {
		if int(c) >= need {
			f(g.keys[k], int(g.owner[k]))
		}
	}
}
