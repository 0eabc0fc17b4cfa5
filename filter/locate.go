package filter

import (
	"unicode/utf8"
)

// place is where one variable is written in the text given to Parse (or to
// UnmarshalJSON): the span of its name, the span of its value, and the value
// as written there, so that an offset in the decoded value maps back to the
// raw text (docs/ERRORS.md, "How spans are counted").
type place struct {
	name  Span
	value Span
	raw   string // the value as written: a query component, or a JSON string's content
	json  bool   // raw holds JSON escapes (\n, \u00e9), not %XX and '+'
	path  string // the JSON key path (fields.agentID), or "" for a request
}

// at returns the span of the request that decodes to value[start:end].
func (p place) at(start, end int) Span {
	s := p.value.Start + p.rawStart(start)
	if end <= start {
		return Span{s, s}
	}
	return Span{s, p.value.Start + p.rawEnd(end)}
}

// whole returns the span of the whole value.
func (p place) whole() Span { return p.value }

// rawStart returns the offset in raw of the unit (a byte, a %XX, a JSON
// escape) that holds decoded byte d; len(raw) when d is past the end.
func (p place) rawStart(d int) int {
	i, n := 0, 0
	for i < len(p.raw) {
		rl, dl := p.unit(i)
		if n+dl > d {
			return i
		}
		i, n = i+rl, n+dl
	}
	return len(p.raw)
}

// rawEnd returns the offset in raw just after the unit that holds decoded
// byte d-1.
func (p place) rawEnd(d int) int {
	i, n := 0, 0
	for i < len(p.raw) && n < d {
		rl, dl := p.unit(i)
		i, n = i+rl, n+dl
	}
	return i
}

// unit returns how many raw bytes the unit at raw[i] takes, and how many
// decoded bytes it gives.
func (p place) unit(i int) (rawLen, decLen int) {
	s := p.raw
	if !p.json {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			return 3, 1
		}
		return 1, 1
	}
	if s[i] != '\\' {
		if s[i] < utf8.RuneSelf {
			return 1, 1
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return 1, 3 // encoding/json reads it as U+FFFD
		}
		return size, size
	}
	if i+1 < len(s) && s[i+1] == 'u' {
		r, ok := hex4(s, i+2)
		if !ok {
			return min(2, len(s)-i), 1
		}
		if 0xD800 <= r && r < 0xDC00 && i+11 < len(s) && s[i+6] == '\\' && s[i+7] == 'u' {
			if lo, ok := hex4(s, i+8); ok && 0xDC00 <= lo && lo < 0xE000 {
				return 12, 4
			}
		}
		if 0xD800 <= r && r < 0xE000 {
			return 6, 3 // a lone surrogate reads as U+FFFD
		}
		return 6, utf8.RuneLen(r)
	}
	return min(2, len(s)-i), 1
}

// hex4 reads four hex digits at s[i:].
func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		if !isHex(c) {
			return 0, false
		}
		r = r<<4 | rune(unhex(c))
	}
	return r, true
}

// escapeComponent writes s as a query component: bytes that a query may
// hold as they are stay, but space, and the rest ('%', '+', '&', '#', control
// characters, non-ASCII) are %XX, so that a suggestion can be pasted into
// the request as it is.
func escapeComponent(s string) string {
	i := 0
	for i < len(s) && plain[s[i]] && s[i] != '&' && s[i] != '#' && s[i] != ' ' {
		i++
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(s)+8)
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		c := s[i]
		if plain[c] && c != '&' && c != '#' && c != ' ' {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	return string(b)
}

// escapeAll applies escapeComponent to each suggestion (JSON string
// content needs no change for the texts recq suggests: names, dates and
// zones hold no '"', '\' or control characters).
func (p place) escapeAll(s []string) []string {
	if p.json || len(s) == 0 {
		return s
	}
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = escapeComponent(x)
	}
	return out
}

// spanWalker maps offsets of a value's decoded text to the request for many
// faults in the order of the text, as place.at does for one: each mapping
// resumes where the last one stopped, so that a filter's faults cost one
// walk of its text, not one each. A value that decoding left as long as it
// was (no %XX, no JSON escape) maps one to one.
type spanWalker struct {
	p        place
	identity bool
	i, n     int // raw offset i starts the unit that holds decoded byte n
}

func newSpanWalker(p place, decodedLen int) *spanWalker {
	return &spanWalker{p: p, identity: !p.json && len(p.raw) == decodedLen}
}

// at returns the span of the request that decodes to value[start:end].
func (w *spanWalker) at(start, end int) Span {
	if w.identity {
		s := w.p.value.Start + min(start, len(w.p.raw))
		return Span{s, max(s, w.p.value.Start+min(end, len(w.p.raw)))}
	}
	s := w.p.value.Start + w.rawStart(start)
	if end <= start {
		return Span{s, s}
	}
	return Span{s, w.p.value.Start + w.rawEnd(end)}
}

func (w *spanWalker) rawStart(d int) int {
	if d < w.n {
		w.i, w.n = 0, 0
	}
	for w.i < len(w.p.raw) {
		rl, dl := w.p.unit(w.i)
		if w.n+dl > d {
			return w.i
		}
		w.i, w.n = w.i+rl, w.n+dl
	}
	return len(w.p.raw)
}

func (w *spanWalker) rawEnd(d int) int {
	if d < w.n {
		w.i, w.n = 0, 0
	}
	for w.i < len(w.p.raw) && w.n < d {
		rl, dl := w.p.unit(w.i)
		w.i, w.n = w.i+rl, w.n+dl
	}
	return w.i
}
