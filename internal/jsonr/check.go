// Package jsonr reads JSON text by hand, as encoding/json reads it: Check
// finds the first syntax fault with the message and offset of
// encoding/json's *SyntaxError, Unquote decodes a string as Unmarshal
// does, and Elements and Members walk text that Check accepted. The
// browser module reads its calls with it, so that it links neither
// encoding/json nor reflect (docs/BROWSER.md); tests hold each function to
// encoding/json over generated text.
package jsonr

import "strconv"

// SyntaxError is a fault of JSON text, worded as encoding/json words it.
type SyntaxError struct {
	Msg    string
	Offset int64 // after the byte at fault, as encoding/json counts
}

func (e *SyntaxError) Error() string { return e.Msg }

// maxDepth is encoding/json's bound on nested arrays and objects.
const maxDepth = 10000

// checker walks s as if a space followed it, which is how encoding/json's
// scanner meets the end of its input: a literal or number cut short fails
// on that space; anything else cut short is "unexpected end of JSON input".
type checker struct {
	s     string
	depth int
	err   *SyntaxError
	atEnd bool     // err is at the end of s: the text ends inside a value
	elems []string // CheckArray: the top-level array's elements
	top   bool     // CheckArray: the array being read is the top one
}

// at returns the byte at i, the space after the text at len(s), and false
// past it.
func (c *checker) at(i int) (byte, bool) {
	switch {
	case i < len(c.s):
		return c.s[i], true
	case i == len(c.s):
		return ' ', true
	}
	return 0, false
}

// fail records the fault of byte b at i (offset i+1, or len(s) for the
// space after the text) and returns -1.
func (c *checker) fail(i int, b byte, context string) int {
	off := i + 1
	if i >= len(c.s) {
		off = len(c.s)
		c.atEnd = true
	}
	c.err = &SyntaxError{"invalid character " + quoteChar(b) + " " + context, int64(off)}
	return -1
}

// end records that the text ended inside a value.
func (c *checker) end() int {
	c.err = &SyntaxError{"unexpected end of JSON input", int64(len(c.s))}
	c.atEnd = true
	return -1
}

func quoteChar(b byte) string {
	switch b {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	q := strconv.Quote(string(rune(b)))
	return "'" + q[1:len(q)-1] + "'"
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// space returns the first index at or after i that is not white space.
func (c *checker) space(i int) int {
	for {
		b, ok := c.at(i)
		if !ok || !isSpace(b) {
			return i
		}
		i++
	}
}

// Check returns nil if s is one JSON value with only white space around
// it, else the *SyntaxError that json.Unmarshal returns for s.
func Check(s string) error {
	c := &checker{s: s}
	i := c.value(c.space(0), "looking for beginning of value")
	if i < 0 {
		return c.err
	}
	i = c.space(i)
	if b, ok := c.at(i); ok {
		c.fail(i, b, "after top-level value")
		return c.err
	}
	return nil
}

// CheckArray is Check, and when s is an array, the raw text of each of its
// elements (appended to elems), from the same single pass: a call's
// arguments are read this way.
func CheckArray(s string, elems []string) ([]string, error) {
	c := &checker{s: s, elems: elems}
	start := c.space(0)
	if start < len(s) && s[start] == '[' {
		c.top = true
	}
	i := c.value(start, "looking for beginning of value")
	if i < 0 {
		return nil, c.err
	}
	i = c.space(i)
	if b, ok := c.at(i); ok {
		c.fail(i, b, "after top-level value")
		return nil, c.err
	}
	if !c.top {
		return nil, nil
	}
	if c.elems == nil {
		c.elems = []string{}
	}
	return c.elems, nil
}

// CheckFirst checks the first JSON value of s as json.Decoder's Decode
// reads it, ignoring what follows, and returns the index just after it.
// When s ends inside the value (Decode's "unexpected EOF", or "EOF" for
// nothing but white space), the fault's Offset is -1.
func CheckFirst(s string) (int, *SyntaxError) {
	c := &checker{s: s}
	i := c.value(c.space(0), "looking for beginning of value")
	if i < 0 {
		if c.atEnd {
			c.err.Offset = -1
		}
		return 0, c.err
	}
	return min(i, len(s)), nil
}

// value reads a value at i and returns the index after it, or -1; context
// words a fault of its first byte.
func (c *checker) value(i int, context string) int {
	b, ok := c.at(i)
	if !ok {
		return c.end()
	}
	switch {
	case b == '{':
		return c.object(i)
	case b == '[':
		return c.array(i)
	case b == '"':
		return c.str(i)
	case b == '-' || '0' <= b && b <= '9':
		return c.number(i)
	case b == 't':
		return c.literal(i, "true")
	case b == 'f':
		return c.literal(i, "false")
	case b == 'n':
		return c.literal(i, "null")
	}
	return c.fail(i, b, context)
}

func (c *checker) push(i int, b byte) bool {
	c.depth++
	if c.depth > maxDepth {
		c.fail(i, b, "exceeded max depth")
		return false
	}
	return true
}

func (c *checker) object(i int) int {
	if !c.push(i, '{') {
		return -1
	}
	i = c.space(i + 1)
	b, ok := c.at(i)
	if !ok {
		return c.end()
	}
	if b == '}' {
		c.depth--
		return i + 1
	}
	for {
		if b != '"' {
			return c.fail(i, b, "looking for beginning of object key string")
		}
		if i = c.str(i); i < 0 {
			return -1
		}
		i = c.space(i)
		if b, ok = c.at(i); !ok {
			return c.end()
		}
		if b != ':' {
			return c.fail(i, b, "after object key")
		}
		if i = c.value(c.space(i+1), "looking for beginning of value"); i < 0 {
			return -1
		}
		i = c.space(i)
		if b, ok = c.at(i); !ok {
			return c.end()
		}
		switch b {
		case '}':
			c.depth--
			return i + 1
		case ',':
		default:
			return c.fail(i, b, "after object key:value pair")
		}
		i = c.space(i + 1)
		if b, ok = c.at(i); !ok {
			return c.end()
		}
	}
}

func (c *checker) array(i int) int {
	if !c.push(i, '[') {
		return -1
	}
	top := c.top
	c.top = false
	i = c.space(i + 1)
	b, ok := c.at(i)
	if !ok {
		return c.end()
	}
	if b == ']' {
		c.depth--
		c.top = top
		return i + 1
	}
	for {
		start := i
		if i = c.value(i, "looking for beginning of value"); i < 0 {
			return -1
		}
		if top {
			c.elems = append(c.elems, c.s[start:min(i, len(c.s))])
		}
		i = c.space(i)
		if b, ok = c.at(i); !ok {
			return c.end()
		}
		switch b {
		case ']':
			c.depth--
			c.top = top
			return i + 1
		case ',':
		default:
			return c.fail(i, b, "after array element")
		}
		i = c.space(i + 1)
	}
}

func isHex(b byte) bool { return '0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F' }

func (c *checker) str(i int) int {
	for i++; ; i++ {
		for i < len(c.s) && plain[c.s[i]] { // the common bytes, without at's checks
			i++
		}
		b, ok := c.at(i)
		if !ok {
			return c.end()
		}
		switch {
		case b == '"':
			return i + 1
		case b == '\\':
			i++
			if b, ok = c.at(i); !ok {
				return c.end()
			}
			switch b {
			case 'b', 'f', 'n', 'r', 't', '\\', '/', '"':
			case 'u':
				for range 4 {
					i++
					if b, ok = c.at(i); !ok {
						return c.end()
					}
					if !isHex(b) {
						return c.fail(i, b, `in \u hexadecimal character escape`)
					}
				}
			default:
				return c.fail(i, b, "in string escape code")
			}
		case b < 0x20:
			return c.fail(i, b, "in string literal")
		}
	}
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func (c *checker) number(i int) int {
	b, _ := c.at(i)
	if b == '-' {
		i++
		if b, _ = c.at(i); !isDigit(b) { // at(len+1) is 0: not a digit, and...
			if i > len(c.s) {
				return c.end()
			}
			return c.fail(i, b, "in numeric literal")
		}
	}
	if b == '0' {
		i++
	} else {
		for i++; ; i++ {
			if b, _ = c.at(i); !isDigit(b) {
				break
			}
		}
	}
	if b, _ = c.at(i); b == '.' {
		i++
		if b, _ = c.at(i); !isDigit(b) {
			if i > len(c.s) {
				return c.end()
			}
			return c.fail(i, b, "after decimal point in numeric literal")
		}
		for i++; ; i++ {
			if b, _ = c.at(i); !isDigit(b) {
				break
			}
		}
	}
	if b, _ = c.at(i); b == 'e' || b == 'E' {
		i++
		if b, _ = c.at(i); b == '+' || b == '-' {
			i++
			b, _ = c.at(i)
		}
		if !isDigit(b) {
			if i > len(c.s) {
				return c.end()
			}
			return c.fail(i, b, "in exponent of numeric literal")
		}
		for i++; ; i++ {
			if b, _ = c.at(i); !isDigit(b) {
				break
			}
		}
	}
	return i
}

func (c *checker) literal(i int, word string) int {
	for k := 1; k < len(word); k++ {
		b, ok := c.at(i + k)
		if !ok {
			return c.end()
		}
		if b != word[k] {
			return c.fail(i+k, b, "in literal "+word+" (expecting "+quoteChar(word[k])+")")
		}
	}
	return i + len(word)
}

// plain marks the bytes a string literal holds as they are: all but the
// quote, the backslash and control characters.
var plain = func() (t [256]bool) {
	for i := 0x20; i < 256; i++ {
		t[i] = i != '"' && i != '\\'
	}
	return t
}()
