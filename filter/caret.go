package filter

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// caretRoom is how much of the request a caret rendering shows on each side
// of the text at fault.
const caretRoom = 40

// Caret renders text, the request the fault was found in, on one line with a
// line of carets under the fault's span (one caret for an empty span), for
// terminals. A long request is cut around the span; bytes that are not
// UTF-8 show as U+FFFD, control characters as '?'.
func (e *Error) Caret(text string) string {
	return ErrorList{e}.Caret(text)
}

// Caret renders text, the request the faults were found in, with carets
// under the span of every fault, as go vet lists several: faults near each
// other share one line of the request, and a fault far from the others
// gets a pair of lines of its own (the request cut around it, "…" where it
// is cut). Faults of the JSON form (JSONPath set) span another text and are
// left out; "" when none is left.
func (l ErrorList) Caret(text string) string {
	var spans []Span
	for _, e := range l {
		if e == nil || e.JSONPath != "" {
			continue
		}
		start := max(0, min(e.Span.Start, len(text)))
		spans = append(spans, Span{start, max(start, min(e.Span.End, len(text)))})
	}
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	var out []string
	for len(spans) > 0 {
		// A group: the spans whose shown surroundings would overlap.
		n, end := 1, spans[0].End
		for n < len(spans) && spans[n].Start-end <= 2*caretRoom {
			end = max(end, spans[n].End)
			n++
		}
		out = append(out, caretGroup(text, spans[:n], spans[0].Start, end))
		spans = spans[n:]
	}
	return strings.Join(out, "\n")
}

// caretGroup renders one group of spans, which lie within [start, end) of
// text.
func caretGroup(text string, spans []Span, start, end int) string {
	from, to := max(0, start-caretRoom), min(len(text), end+caretRoom)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	var line, marks strings.Builder
	if from > 0 {
		line.WriteString("…")
		marks.WriteByte(' ')
	}
	under := func(i, size int) bool { // a caret under the character at i?
		for _, s := range spans {
			if s.Start < i+size && i < s.End || s.Start == s.End && s.Start == i {
				return true
			}
		}
		return false
	}
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r < 0x20 || r == 0x7f {
			r = '?'
		}
		line.WriteRune(r)
		if under(i, size) {
			marks.WriteByte('^')
		} else {
			marks.WriteByte(' ')
		}
		i += size
	}
	if to < len(text) {
		line.WriteString("…")
	}
	if under(to, 1) { // an empty span at the end of the shown text
		marks.WriteByte('^')
	}
	return line.String() + "\n" + strings.TrimRight(marks.String(), " ")
}
