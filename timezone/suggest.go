package timezone

import (
	"strconv"
	"strings"

	"github.com/recq/recq/internal/editdist"
)

const (
	maxSuggestInput = 64 // longer names get no edit-distance suggestions
	maxSuggestions  = 3
)

// suggest returns the names to offer for an unknown name, best first.
func suggest(d *database, name string) []string {
	if name == "" || len(name) > maxNameLen {
		return nil
	}
	// "Etc/GMT+5" arrives as "Etc/GMT 5" when a URL query decodes + to space.
	if strings.Contains(name, " ") {
		if plus := strings.ReplaceAll(name, " ", "+"); d.zones[plus] != nil {
			return []string{plus}
		}
	}
	if o, ok := parseOffset(name); ok {
		if n := offsetZone(d, o); n != "" {
			return []string{n}
		}
		return nil
	}
	lname := asciiLower(name)
	if n, ok := d.lower[lname]; ok {
		return []string{n}
	}
	if len(name) > maxSuggestInput {
		return nil
	}
	return closest(d, lname)
}

// closest returns up to maxSuggestions names within a small edit distance of
// lname (already lower-cased), comparing both the whole name and its last
// segment, so "new_york" finds "America/New_York". Only the names that the
// bigram index lets through are measured (gramindex.go).
func closest(d *database, lname string) []string {
	limit := min(3, max(1, len(lname)/3))
	best := map[int]int{} // owner -> the least distance of its name or segment
	var buf editdist.Buffer
	d.grams().candidates(lname, limit, func(key string, owner int) {
		dist := editdist.Distance(lname, key, limit, &buf)
		if dist > limit {
			return
		}
		if b, ok := best[owner]; !ok || dist < b {
			best[owner] = dist
		}
	})
	type cand struct {
		name string
		dist int
	}
	// The best maxSuggestions by distance, then name: a selection, not a
	// sort, so that the browser module links no generic sort for it.
	less := func(a, b cand) bool { return a.dist < b.dist || a.dist == b.dist && a.name < b.name }
	top := make([]cand, 0, maxSuggestions+1)
	for owner, dist := range best {
		c := cand{d.names[owner], dist}
		i := len(top)
		for i > 0 && less(c, top[i-1]) {
			i--
		}
		if i == maxSuggestions {
			continue
		}
		top = append(top, cand{})
		copy(top[i+1:], top[i:])
		top[i] = c
		top = top[:min(len(top), maxSuggestions)]
	}
	var out []string
	for _, c := range top {
		out = append(out, c.name)
	}
	return out
}

// offset is a UTC offset written where a zone name was expected.
type offset struct {
	secs   int  // east of UTC
	spaced bool // the sign was a space: a "+" decoded from a URL query
}

// parseOffset recognizes a UTC offset given as a zone name: "+05:30", "-0800",
// "+5", "UTC+5", "GMT-03:00", "Z", and " 05:30" (a "+" turned into a space by URL
// decoding). Hours must be 0-23 and minutes 0-59.
func parseOffset(s string) (offset, bool) {
	if len(s) > 16 {
		return offset{}, false
	}
	if s == "Z" || s == "z" {
		return offset{}, true // ISO 8601's designator for UTC
	}
	if len(s) >= 3 {
		if p := asciiLower(s[:3]); p == "utc" || p == "gmt" {
			s = s[3:]
		}
	}
	if len(s) < 2 {
		return offset{}, false
	}
	var o offset
	sign := 1
	switch s[0] {
	case '+':
	case '-':
		sign = -1
	case ' ':
		o.spaced = true
	default:
		return offset{}, false
	}
	s = s[1:]
	var h, m string
	if i := strings.IndexByte(s, ':'); i >= 0 {
		h, m = s[:i], s[i+1:]
		if len(m) != 2 {
			return offset{}, false
		}
	} else if len(s) <= 2 {
		h = s
	} else {
		h, m = s[:len(s)-2], s[len(s)-2:]
	}
	if len(h) < 1 || len(h) > 2 || !allDigits(h) || !allDigits(m) {
		return offset{}, false
	}
	hh, _ := strconv.Atoi(h)
	mm := 0
	if m != "" {
		mm, _ = strconv.Atoi(m)
	}
	if hh > 23 || mm > 59 {
		return offset{}, false
	}
	o.secs = sign * (hh*3600 + mm*60)
	return o, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// offsetZone returns the IANA zone with the fixed offset o, or "" if none.
// Etc/GMT zones use the POSIX sign convention: Etc/GMT-5 is UTC+05:00.
func offsetZone(d *database, o offset) string {
	if o.secs == 0 {
		return "UTC"
	}
	if o.secs%3600 != 0 {
		return ""
	}
	h := o.secs / 3600
	name := "Etc/GMT+" + strconv.Itoa(-h)
	if h > 0 {
		name = "Etc/GMT-" + strconv.Itoa(h)
	}
	if d.zones[name] == nil {
		return ""
	}
	return name
}

func offsetHint(o offset) string {
	var b strings.Builder
	b.WriteString("time zones are IANA names, not UTC offsets: ")
	label := formatOffset(o.secs)
	switch n := offsetZone(db(), o); {
	case n == "UTC":
		b.WriteString("for " + label + " write UTC")
	case n != "":
		b.WriteString("for " + label + " write " + n + " (the sign of Etc/GMT zones is inverted)")
	default:
		b.WriteString("no IANA zone has the fixed offset " + label + "; give the offset with the time instead")
	}
	if o.spaced {
		b.WriteString(` (a "+" in a URL query decodes to a space: write %2B)`)
	}
	return b.String()
}

// formatOffset writes secs east of UTC as "UTC+05:30".
func formatOffset(secs int) string {
	sign := byte('+')
	if secs < 0 {
		sign, secs = '-', -secs
	}
	h, m := secs/3600, secs/60%60
	return "UTC" + string(sign) + pad2(h) + ":" + pad2(m)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
