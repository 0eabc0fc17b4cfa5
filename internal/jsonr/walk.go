package jsonr

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The functions below read text that Check accepted: on other text they
// return what they can, never panic, and report false where they notice.

// Skip returns the index just after the value that starts at i (after any
// white space), or -1.
func Skip(s string, i int) int {
	c := &checker{s: s}
	i = c.value(c.space(i), "")
	if i > len(s) {
		return len(s)
	}
	return i
}

// Space returns the first index at or after i that is not white space.
func Space(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// Elements returns the raw texts of the elements of the array s, each
// without the white space around it, or false if s is not an array.
func Elements(s string) ([]string, bool) {
	out, _, ok := ElementsAt(s)
	return out, ok
}

// ElementsAt is Elements with the index in s where each element starts.
func ElementsAt(s string) ([]string, []int, bool) {
	i := Space(s, 0)
	if i >= len(s) || s[i] != '[' {
		return nil, nil, false
	}
	var out []string
	var at []int
	i = Space(s, i+1)
	if i < len(s) && s[i] == ']' {
		return out, at, true
	}
	for i < len(s) {
		end := Skip(s, i)
		if end < 0 {
			return nil, nil, false
		}
		out = append(out, s[i:end])
		at = append(at, i)
		i = Space(s, end)
		if i >= len(s) {
			return nil, nil, false
		}
		if s[i] == ']' {
			return out, at, true
		}
		i = Space(s, i+1) // the comma
	}
	return nil, nil, false
}

// Member is one member of an object: its name decoded, its value's raw
// text, and where each starts in the object's text.
type Member struct {
	Name            string
	Value           string
	NameAt, ValueAt int
}

// Members returns the members of the object s in the order written, or
// false if s is not an object.
func Members(s string) ([]Member, bool) {
	i := Space(s, 0)
	if i >= len(s) || s[i] != '{' {
		return nil, false
	}
	var out []Member
	i = Space(s, i+1)
	if i < len(s) && s[i] == '}' {
		return out, true
	}
	for i < len(s) && s[i] == '"' {
		end := Skip(s, i)
		if end < 0 {
			return nil, false
		}
		m := Member{Name: Unquote(s[i:end]), NameAt: i}
		i = Space(s, end)
		if i >= len(s) || s[i] != ':' {
			return nil, false
		}
		i = Space(s, i+1)
		end = Skip(s, i)
		if end < 0 {
			return nil, false
		}
		m.Value, m.ValueAt = s[i:end], i
		out = append(out, m)
		i = Space(s, end)
		if i >= len(s) {
			return nil, false
		}
		if s[i] == '}' {
			return out, true
		}
		i = Space(s, i+1)
	}
	return nil, false
}

// Kind names the JSON type of a value's raw text as encoding/json's
// UnmarshalTypeError names it: string, number, bool, array, object, or null.
func Kind(raw string) string {
	if raw == "" {
		return ""
	}
	switch raw[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// Unquote decodes the JSON string literal raw as encoding/json does: each
// byte of invalid UTF-8 becomes U+FFFD, and so does a \u escape of half a
// surrogate pair that no second half follows.
func Unquote(raw string) string {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return ""
	}
	s := raw[1 : len(raw)-1]
	plain := true
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' || c < ' ' {
			plain = false
			break
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			plain = false
			break
		}
		i += size
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			switch e := s[i]; e {
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r := u4(s, i+1)
				if r < 0 {
					return b.String()
				}
				i += 5
				if utf16.IsSurrogate(r) {
					if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
						if d := utf16.DecodeRune(r, u4(s, i+2)); d != utf8.RuneError {
							b.WriteRune(d)
							i += 6
							continue
						}
					}
					r = utf8.RuneError
				}
				b.WriteRune(r)
				continue
			default:
				b.WriteByte(e)
			}
			i++
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b.WriteString("\uFFFD")
			} else {
				b.WriteString(s[i : i+size])
			}
			i += size
		}
	}
	return b.String()
}

// u4 reads four hex digits at s[i:], or returns -1.
func u4(s string, i int) rune {
	if i+4 > len(s) {
		return -1
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// IsNumber reports whether s is exactly one JSON number, with no white
// space around it (encoding/json's test for a json.Number).
func IsNumber(s string) bool {
	return s != "" && !isSpace(s[0]) && !isSpace(s[len(s)-1]) && Kind(s) == "number" && Check(s) == nil
}
