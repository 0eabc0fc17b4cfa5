package timezone

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/recq/recq/internal/editdist"
)

// closestByScan is closest without the bigram index: the edit distance to
// every name and last segment. The index must never change the answer.
func closestByScan(d *database, lname string) []string {
	limit := min(3, max(1, len(lname)/3))
	type cand struct {
		name string
		dist int
	}
	var found []cand
	var buf editdist.Buffer
	for i, n := range d.names {
		ln := d.low[i]
		dist := editdist.Distance(lname, ln, limit, &buf)
		if j := strings.LastIndexByte(ln, '/'); j >= 0 {
			dist = min(dist, editdist.Distance(lname, ln[j+1:], limit, &buf))
		}
		if dist <= limit {
			found = append(found, cand{n, dist})
		}
	}
	slices.SortStableFunc(found, func(a, b cand) int { return cmp.Compare(a.dist, b.dist) })
	var out []string
	for _, c := range found[:min(len(found), maxSuggestions)] {
		out = append(out, c.name)
	}
	return out
}

// Misspellings of real zone names (up to four edits, so that some fall
// beyond the limit) get the same suggestions through the index as by
// measuring every name.
func TestPropertyGramIndexKeepsSuggestions(t *testing.T) {
	d := db()
	rapid.Check(t, func(t *rapid.T) {
		name := []byte(d.low[rapid.IntRange(0, len(d.low)-1).Draw(t, "zone")])
		if rapid.Bool().Draw(t, "segment") {
			if i := strings.LastIndexByte(string(name), '/'); i >= 0 {
				name = name[i+1:]
			}
		}
		for range rapid.IntRange(0, 4).Draw(t, "edits") {
			i := rapid.IntRange(0, len(name)).Draw(t, "at")
			c := rapid.ByteRange('a', 'z').Draw(t, "c")
			switch rapid.IntRange(0, 3).Draw(t, "edit") {
			case 0:
				name = append(name[:i], append([]byte{c}, name[i:]...)...)
			case 1:
				if i < len(name) {
					name = append(name[:i], name[i+1:]...)
				}
			case 2:
				if i < len(name) {
					name[i] = c
				}
			case 3:
				if i+1 < len(name) {
					name[i], name[i+1] = name[i+1], name[i]
				}
			}
		}
		s := string(name)
		if got, want := closest(d, s), closestByScan(d, s); !slices.Equal(got, want) {
			t.Fatalf("%q: the index suggests %v, a scan %v", s, got, want)
		}
	})
}
