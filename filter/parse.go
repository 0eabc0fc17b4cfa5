package filter

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/timezone"
)

// MaxRequestLength bounds a request's text (path and query): a longer one is
// refused before it is read, like a server's URL limit.
const MaxRequestLength = 8192

// Parse reads one request as the API receives it: method is GET or DELETE
// ("" means GET), target is a path with its query (/files.csv?d=today),
// with or without /api/recordings and the leading slash, or a whole URL
// (https://vcc-na1.8x8.com/api/recordings/files?…). It returns the checked
// query, or an [ErrorList] with every fault it found.
func Parse(method, target string) (*Query, error) {
	q := new(Query)
	if err := ParseInto(q, method, target); err != nil {
		return nil, err
	}
	return q, nil
}

// ParseInto is Parse into a Query the caller owns, so that a server can
// keep one per worker and parse a request without allocating. It resets q
// first; after a fault q holds what was read before it, and is not valid.
func ParseInto(q *Query, method, target string) error {
	*q = Query{Method: "GET", N: 1}
	var errs ErrorList
	switch method {
	case "", "GET":
	case "DELETE":
		q.Method = method
	default:
		errs.Add("method", -1, "method "+quote(method)+" is not accepted", "the API takes GET, and DELETE for one file or one transcript")
	}
	if len(target) > MaxRequestLength {
		errs.Add("query", MaxRequestLength, "the request is longer than "+strconv.Itoa(MaxRequestLength)+" bytes", "narrow the query; no variable needs this much text")
		return errs
	}
	rest, _, _ := cut(stripOrigin(target), '#') // the fragment is the client's alone (RFC 3986)
	path, query, _ := cut(rest, '?')
	parsePath(path, q, &errs)
	if query != "" && (q.Resource == File || q.Resource == Transcript) {
		errs.Add("query", -1, "one "+q.Resource.String()+" takes no query variables", "variables narrow the lists /files and /transcripts")
	} else {
		parseQuery(query, q, &errs)
	}
	check(q)
	return errs.Err()
}

// stripOrigin removes a scheme and host (https://vcc-na1.8x8.com) from target.
func stripOrigin(target string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if len(target) >= len(scheme) && strings.EqualFold(target[:len(scheme)], scheme) {
			rest := target[len(scheme):]
			if i := strings.IndexAny(rest, "/?#"); i >= 0 {
				return rest[i:]
			}
			return ""
		}
	}
	return target
}

// parseQuery reads the name=value pairs of a query string into q. A name
// may appear once ([D-2]); names are case-sensitive.
func parseQuery(query string, q *Query, errs *ErrorList) {
	var seen uint8 // one bit per special variable
	for len(query) > 0 {
		pair := query
		if i := strings.IndexByte(query, '&'); i >= 0 {
			pair, query = query[:i], query[i+1:]
		} else {
			query = ""
		}
		if pair == "" {
			continue
		}
		rawName, rawValue, ok := cut(pair, '=')
		name, _, fault := decode(rawName)
		if fault != "" {
			errs.Add("query", -1, "the variable name "+quote(rawName)+" holds "+fault, "write %25 for a literal %")
			continue
		}
		if name == "" {
			errs.Add("query", -1, "a value without a variable name: "+quote(pair), "variables are written name=value")
			continue
		}
		if !ok {
			errs.Add(name, -1, "expected '=' and a value after "+quote(name), "variables are written name=value")
			continue
		}
		value, pos, fault := decode(rawValue)
		if fault != "" {
			errs.Add(name, pos, "the value holds "+fault, "write %25 for a literal %; values are UTF-8 text without control characters")
			continue
		}
		q.set(name, value, &seen, errs)
	}
}

// set checks one variable and records it in q: name and value are decoded.
// seen has a bit for each variable that is not a field, to find repeats.
func (q *Query) set(name, value string, seen *uint8, errs *ErrorList) {
	if name == "" {
		errs.Add("query", -1, "a value without a variable name", "variables are written name=value")
		return
	}
	if bit := specialBit(name); bit != 0 {
		if *seen&bit != 0 {
			errs.Add(name, -1, name+" is given twice", "give each variable once: the API matches one value")
			return
		}
		*seen |= bit
		setSpecial(name, value, q, errs)
		return
	}
	if !isField(q.Resource, name) {
		msg, hint := unknownVariable(q.Resource, name)
		errs.Add(name, -1, msg, hint)
		return
	}
	if _, dup := q.Field(name); dup {
		errs.Add(name, -1, name+" is given twice", "give each variable once: the API matches one value")
		return
	}
	if q.Fields == nil {
		q.Fields = q.fieldBuf[:0] // the usual few fields cost no allocation of their own
	}
	i := len(q.Fields) // keep Fields sorted by name as they arrive
	for i > 0 && q.Fields[i-1].Name > name {
		i--
	}
	q.Fields = slices.Insert(q.Fields, i, Field{Name: name, Value: value})
}

// specialBit is the bit of a variable that is not a field, or 0.
func specialBit(name string) uint8 {
	switch name {
	case varDate:
		return 1 << 0
	case varZone:
		return 1 << 1
	case varStartDate:
		return 1 << 2
	case varFinishDate:
		return 1 << 3
	case varMetaName:
		return 1 << 4
	case varMetaValue:
		return 1 << 5
	case varN:
		return 1 << 6
	}
	return 0
}

// setSpecial parses the value of d, tz, start-date, finish-date, n or a
// metadata variable into q.
func setSpecial(name, value string, q *Query, errs *ErrorList) {
	switch name {
	case varDate:
		r, err := daterange.ParseRange(value)
		if err != nil {
			errs.addCause(name, err)
			return
		}
		q.Date, q.HasDate = r, true
	case varZone:
		if value == "" {
			errs.Add(name, -1, "tz is empty", "give an IANA zone such as America/New_York, or leave tz out for the tenant's zone")
			return
		}
		loc, err := timezone.Load(value)
		if err != nil {
			errs.addCause(name, err)
			return
		}
		q.Zone, q.ZoneName = loc, value
	case varStartDate, varFinishDate:
		v, err := daterange.ParseValue(value)
		if err != nil {
			errs.addCause(name, err)
			return
		}
		if name == varStartDate {
			q.StartDate, q.HasStartDate = v, true
		} else {
			q.FinishDate, q.HasFinishDate = v, true
		}
	case varMetaName:
		q.MetaName, q.HasMetaName = value, true
	case varMetaValue:
		q.MetaValue, q.HasMetaValue = value, true
	case varN:
		n, pos, msg := parseN(value)
		if msg != "" {
			errs.Add(name, pos, msg, "n is the 1-based index of the first record: n=1, n=51, n=101 …")
			return
		}
		q.N = n
	}
}

// parseN reads n: a decimal integer from 1 to MaxN ([D-5]).
func parseN(s string) (n, pos int, msg string) {
	if s == "" {
		return 0, 0, "expected a number"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			if i == 0 && c == '-' {
				return 0, 0, "n is not negative: it counts records from 1"
			}
			return 0, i, "expected a digit, found " + describeByte(s, i)
		}
		if n <= MaxN {
			n = n*10 + int(c-'0')
		}
	}
	switch {
	case n == 0:
		return 0, -1, "n counts from 1, not 0"
	case n > MaxN:
		return 0, -1, "n is out of range 1–1000000000"
	}
	return n, 0, ""
}

// check applies the rule that involves two variables: [D-1].
func check(q *Query) {
	if q.HasStartDate && q.HasFinishDate {
		q.FinishDate, q.HasFinishDate = daterange.Value{}, false
		q.Warnings = append(q.Warnings, Warning{Variable: varFinishDate,
			Msg: "finish-date was ignored: with start-date, only start-date applies"})
	}
}

// decode decodes a query-string component ('+' is a space, %XX a byte)
// and checks that the result is UTF-8 text without control characters. It
// allocates only when there is something to decode. On a fault it returns
// the offset in the decoded value and what is there.
func decode(s string) (out string, pos int, fault string) {
	i := 0
	for i < len(s) && plain[s[i]] {
		i++
	}
	if i == len(s) {
		return s, 0, "" // printable ASCII with nothing to decode: the common case
	}
	out = s
	if strings.IndexByte(s[i:], '%') >= 0 || strings.IndexByte(s[i:], '+') >= 0 {
		b := make([]byte, i, len(s))
		copy(b, s[:i])
		for ; i < len(s); i++ {
			switch c := s[i]; c {
			case '+':
				b = append(b, ' ')
			case '%':
				if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
					return "", len(b), "'%' without two hex digits after it"
				}
				b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
				i += 2
			default:
				b = append(b, c)
			}
		}
		out = string(b)
	}
	if j := invalidByte(out); j >= 0 {
		return "", j, describeByte(out, j)
	}
	return out, 0, ""
}

// plain marks the bytes a query component may hold as they are: printable
// ASCII but '%' and '+', which decode.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '%' && c != '+'
	}
	return t
}()

// cut is strings.Cut for a one-byte separator, found with IndexByte.
func cut(s string, sep byte) (before, after string, found bool) {
	if i := strings.IndexByte(s, sep); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// invalidByte returns the offset of the first byte of s that is not valid
// UTF-8 or is a control character, or -1.
func invalidByte(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// describeByte names s[i] for a message.
func describeByte(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size <= 1:
		return "the byte 0x" + strconv.FormatUint(uint64(s[i]), 16) + ", which is not UTF-8"
	case r < 0x20 || r == 0x7f:
		return "the control character " + strconv.QuoteRune(r)
	}
	return strconv.QuoteRune(r)
}

// quote quotes s for a message, cut to 64 bytes.
func quote(s string) string {
	if len(s) > 64 {
		return strconv.Quote(strings.ToValidUTF8(s[:64], "\uFFFD")) + "…"
	}
	return strconv.Quote(s)
}
