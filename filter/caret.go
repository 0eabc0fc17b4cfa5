package filter

import (
	"strings"
	"unicode/utf8"
)

// Caret renders text, the request the fault was found in, on one line with a
// line of carets under the fault's span (one caret for an empty span), for
// terminals. A long request is cut around the span; bytes that are not
// UTF-8 show as U+FFFD, control characters as '?'.
func (e *Error) Caret(text string) string {
	const room = 40
	start := max(0, min(e.Span.Start, len(text)))
	end := max(start, min(e.Span.End, len(text)))
	from, to := max(0, start-room), min(len(text), end+room)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	shown := func(s string) (string, int) {
		var b strings.Builder
		n := 0
		for _, r := range s {
			if r < 0x20 || r == 0x7f {
				r = '?'
			}
			b.WriteRune(r)
			n++
		}
		return b.String(), n
	}
	var line strings.Builder
	if from > 0 {
		line.WriteString("…")
	}
	head, pad := shown(text[from:start])
	mid, width := shown(text[start:end])
	tail, _ := shown(text[end:to])
	line.WriteString(head + mid + tail)
	if to < len(text) {
		line.WriteString("…")
	}
	if from > 0 {
		pad++
	}
	return line.String() + "\n" + strings.Repeat(" ", pad) + strings.Repeat("^", max(1, width))
}
