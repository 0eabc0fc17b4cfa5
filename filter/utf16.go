package filter

import (
	"unicode/utf8"
)

// setUTF16 fills in each fault's UTF16 span from its byte span in text,
// in one pass over text whatever the number of faults.
func (l ErrorList) setUTF16(text string) {
	type ref struct {
		off int
		dst *int
	}
	refs := make([]ref, 0, 2*len(l))
	for _, e := range l {
		refs = append(refs, ref{e.Span.Start, &e.UTF16.Start}, ref{e.Span.End, &e.UTF16.End})
	}
	for i := 1; i < len(refs); i++ { // by offset: a few, so an insertion sort (no generic sort in the browser module)
		for j := i; j > 0 && refs[j].off < refs[j-1].off; j-- {
			refs[j], refs[j-1] = refs[j-1], refs[j]
		}
	}
	i, n := 0, 0
	for _, r := range refs {
		i, n = utf16Advance(text, i, n, r.off)
		*r.dst = n
	}
}

// utf16Offset converts a byte offset in s into an offset in UTF-16 code
// units, as JavaScript indexes strings: a rune above U+FFFF counts two, and
// each byte that is not valid UTF-8 counts one (it reads as U+FFFD). An
// offset inside a rune counts that rune whole; offsets are clamped to s.
func utf16Offset(s string, off int) int {
	_, n := utf16Advance(s, 0, 0, off)
	return n
}

// utf16Advance continues utf16Offset from byte i, where n units were
// counted, up to off; it returns where it stopped and the count.
func utf16Advance(s string, i, n, off int) (int, int) {
	off = max(0, min(off, len(s)))
	for i < off {
		if i+8 <= off && s[i]|s[i+1]|s[i+2]|s[i+3]|s[i+4]|s[i+5]|s[i+6]|s[i+7] < utf8.RuneSelf {
			i, n = i+8, n+8 // eight ASCII bytes, eight units
			continue
		}
		if s[i] < utf8.RuneSelf {
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return i, n
}
