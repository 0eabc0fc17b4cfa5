package filter

import (
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

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
// query, or an [ErrorList] with the faults it found (at most [MaxErrors],
// docs/ERRORS.md), each with its code and its span in target.
func Parse(method, target string) (*Query, error) {
	q := &Query{Method: "GET", N: 1, src: target} // not reset again: zeroing twice costs a short request 10%
	if err := parseInto(q, method, target); err != nil {
		return nil, err
	}
	return q, nil
}

// ParseInto is Parse into a Query the caller owns, so that a server can
// keep one per worker and parse a request without allocating. It resets q
// first; after a fault q holds what was read before it, and is not valid.
func ParseInto(q *Query, method, target string) error {
	*q = Query{Method: "GET", N: 1, src: target, filterBuf: q.filterBuf}
	return parseInto(q, method, target)
}

// parseInto is ParseInto into a q already reset.
func parseInto(q *Query, method, target string) error {
	var errs ErrorList
	switch method {
	case "", "GET":
	case "DELETE":
		q.Method = method
	default:
		// The method is not in the request's text: its span is empty, at 0.
		errs.Add(CodeBadMethod, "method", -1, Span{}, "method "+quote(method)+" is not accepted", "the API takes GET, and DELETE for one file or one transcript")
	}
	if len(target) > MaxRequestLength {
		errs.Add(CodeTooLong, "query", MaxRequestLength, Span{MaxRequestLength, len(target)}, "the request is longer than "+strconv.Itoa(MaxRequestLength)+" bytes", "narrow the query; no variable needs this much text")
		errs.setUTF16(target)
		return errs
	}
	rest := stripOrigin(target)
	base := len(target) - len(rest) // where the path starts in target
	rest, _, _ = cut(rest, '#')     // the fragment is the client's alone (RFC 3986)
	path, query, hasQuery := cut(rest, '?')
	parsePath(path, base, q, &errs)
	qStart := base + len(path) + 1
	if query != "" && (q.Resource == File || q.Resource == Transcript) {
		errs.Add(CodeQueryNotAllowed, "query", -1, Span{qStart - 1, qStart + len(query)}, "one "+q.Resource.String()+" takes no query variables", "variables narrow the lists /files and /transcripts", "")
	} else if hasQuery {
		parseQuery(query, qStart, q, &errs)
	}
	check(q)
	if len(errs) == 0 {
		return nil
	}
	errs.setUTF16(target)
	return errs
}

// stripOrigin removes a scheme and host (https://vcc-na1.8x8.com) from target.
func stripOrigin(target string) string {
	if target == "" || target[0]|0x20 != 'h' {
		return target // a path, as most requests are: no scheme to compare
	}
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

// MaxErrors bounds the faults one request reports in full. Past it, the
// rest of the query is not read, and one last fault (CodeTooManyFaults)
// counts the variables left unread: the work a request costs stays linear
// in its length whatever it holds (docs/ERRORS.md).
const MaxErrors = 10

// maxSuggested bounds the faults that search for did-you-mean suggestions.
const maxSuggested = 4

// parseQuery reads the name=value pairs of a query string, which starts at
// offset at of the request, into q. A name may appear once ([D-2]); names
// are case-sensitive.
func parseQuery(query string, at int, q *Query, errs *ErrorList) {
	var seen uint8 // one bit per special variable
	var buf []byte // every decoded name and value, in one allocation (decode)
	for off := 0; off < len(query); {
		if len(*errs) >= MaxErrors {
			unread := strings.Count(query[off:], "&") + 1
			errs.Add(CodeTooManyFaults, "query", -1, Span{at + off, at + len(query)},
				"stopped after "+strconv.Itoa(MaxErrors)+" faults; "+strconv.Itoa(unread)+" more variables were not read",
				"correct the faults above and send the request again")
			return
		}
		pair := query[off:]
		if i := strings.IndexByte(pair, '&'); i >= 0 {
			pair = pair[:i]
		}
		pStart := at + off
		off += len(pair) + 1
		if pair == "" {
			continue
		}
		rawName, rawValue, ok := cut(pair, '=')
		pl := place{name: Span{pStart, pStart + len(rawName)}, raw: rawValue}
		pl.value = Span{pl.name.End + 1, pl.name.End + 1 + len(rawValue)}
		name, pos, fault := decode(rawName, &buf, len(query)-(pStart-at))
		if fault != 0 {
			np := place{value: pl.name, raw: rawName}
			msg, hint, sugg := fault.explain(name, pos)
			errs.Add(CodeBadEncoding, "query", -1, np.at(pos, pos+1), "the variable name "+quote(rawName)+" holds "+msg, hint, sugg...)
			continue
		}
		if name == "" {
			errs.Add(CodeMissingName, "query", -1, Span{pStart, pStart + len(pair)}, "a value without a variable name: "+quote(pair), "variables are written name=value")
			continue
		}
		if !ok {
			errs.Add(CodeMissingValue, name, -1, pl.name, "expected '=' and a value after "+quote(name), "variables are written name=value")
			continue
		}
		value, pos, fault := decode(rawValue, &buf, len(query)-(pStart-at))
		if fault != 0 {
			msg, hint, sugg := fault.explain(value, pos)
			errs.Add(CodeBadEncoding, name, pos, pl.at(pos, pos+1), "the value holds "+msg, hint, sugg...)
			continue
		}
		q.set(name, value, pl, &seen, errs)
	}
}

// set checks one variable and records it in q: name and value are decoded,
// and pl says where they are written. seen has a bit for each variable that
// is not a field, to find repeats.
func (q *Query) set(name, value string, pl place, seen *uint8, errs *ErrorList) {
	if name == "" {
		errs.Add(CodeMissingName, "query", -1, pl.name, "a value without a variable name", "variables are written name=value").JSONPath = pl.path
		return
	}
	if bit := specialBit(name); bit != 0 {
		if *seen&bit != 0 {
			errs.Add(CodeDuplicate, name, -1, pl.name, name+" is given twice", "give each variable once: the API matches one value").JSONPath = pl.path
			return
		}
		*seen |= bit
		setSpecial(name, value, pl, q, errs)
		return
	}
	if !isField(q.Resource, name) {
		var msg, hint string
		var sugg []string
		if len(*errs) < maxSuggested {
			msg, hint, sugg = unknownVariable(q.Resource, name)
		} else {
			msg, hint = "unknown variable "+quote(name), "the variables of "+q.Resource.String()+" are listed in docs/LANGUAGE.md"
		}
		errs.Add(CodeUnknownVariable, name, -1, pl.name, msg, hint, pl.escapeAll(sugg)...).JSONPath = pl.path
		return
	}
	if _, dup := q.Field(name); dup {
		errs.Add(CodeDuplicate, name, -1, pl.name, name+" is given twice", "give each variable once: the API matches one value").JSONPath = pl.path
		return
	}
	if q.Fields == nil {
		q.Fields = q.fieldBuf[:0] // the usual few fields cost no allocation of their own
	}
	i := len(q.Fields) // keep Fields sorted by name as they arrive
	for i > 0 && q.Fields[i-1].Name > name {
		i--
	}
	if i == len(q.Fields) {
		q.Fields = append(q.Fields, Field{Name: name, Value: value}) // in order, as most requests write them
		return
	}
	q.Fields = append(q.Fields, Field{}) // insert at i by hand: slices.Insert costs the browser module 5 KB
	copy(q.Fields[i+1:], q.Fields[i:])
	q.Fields[i] = Field{Name: name, Value: value}
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
	case varFilter:
		return 1 << 7
	}
	return 0
}

// setSpecial parses the value of d, tz, start-date, finish-date, n or a
// metadata variable into q.
func setSpecial(name, value string, pl place, q *Query, errs *ErrorList) {
	switch name {
	case varDate:
		r, err := daterange.ParseRange(value)
		if err != nil {
			errs.addCause(name, err, pl)
			return
		}
		q.Date, q.HasDate = r, true
		q.dateFrom, q.dateTo = int32(pl.value.Start), int32(pl.value.End)
	case varZone:
		if value == "" {
			errs.Add(CodeEmptyValue, name, -1, pl.whole(), "tz is empty", "give an IANA zone such as America/New_York, or leave tz out for the tenant's zone").JSONPath = pl.path
			return
		}
		loc, err := timezone.Load(value)
		if err != nil {
			errs.addCause(name, err, pl)
			return
		}
		q.Zone, q.ZoneName = loc, value
	case varStartDate, varFinishDate:
		v, err := daterange.ParseValue(value)
		if err != nil {
			errs.addCause(name, err, pl)
			return
		}
		if name == varStartDate {
			q.StartDate, q.HasStartDate = v, true
		} else {
			q.FinishDate, q.HasFinishDate = v, true
		}
	case varFilter:
		setFilter(value, pl, q, errs)
	case varMetaName:
		q.MetaName, q.HasMetaName = value, true
	case varMetaValue:
		q.MetaValue, q.HasMetaValue = value, true
	case varN:
		n, pos, msg := parseN(value)
		if msg != "" {
			span, sugg := pl.whole(), []string(nil)
			switch {
			case pos >= 0:
				span = pl.at(pos, pos+runeLen(value, pos))
			case n == 0:
				sugg = []string{"1"}
			}
			errs.Add(CodeBadPage, name, pos, span, msg, "n is the 1-based index of the first record: n=1, n=51, n=101 …", sugg...).JSONPath = pl.path
			return
		}
		q.N = n
	}
}

// parseN reads n: a decimal integer from 1 to MaxN ([D-5]). On a fault, pos
// is the offset of the byte at fault, or -1 for the whole value; n is 0 for
// a value that reads as zero.
func parseN(s string) (n, pos int, msg string) {
	if s == "" {
		return -1, 0, "expected a number"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			if i == 0 && c == '-' {
				return -1, 0, "n counts records from 1: it cannot be negative"
			}
			return -1, i, "expected a digit, found " + describeByte(s, i)
		}
		if n <= MaxN {
			n = n*10 + int(c-'0')
		}
	}
	switch {
	case n == 0:
		return 0, -1, "n counts from 1, not 0"
	case n > MaxN:
		return -1, -1, "n is out of range 1–1000000000"
	}
	return n, 0, ""
}

// runeLen is the length of the UTF-8 sequence at s[i], 0 at the end.
func runeLen(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// check applies the rule that involves two variables: [D-1].
func check(q *Query) {
	if q.HasStartDate && q.HasFinishDate {
		q.FinishDate, q.HasFinishDate = daterange.Value{}, false
		q.Warnings = append(q.Warnings, Warning{Variable: varFinishDate,
			Msg: "finish-date was ignored: with start-date, only start-date applies"})
	}
}

// fault is what decode found wrong in a query component.
type fault uint8

const (
	noFault     fault = iota
	badPercent        // a '%' without two hex digits after it
	notUTF8           // a byte that is not UTF-8
	controlChar       // a control character
)

// explain says what a fault of decoded value s at pos is, with a hint and
// suggestions for the span of the bad byte.
func (f fault) explain(s string, pos int) (msg, hint string, sugg []string) {
	switch f {
	case badPercent:
		return "'%' without two hex digits after it", "write %25 for a literal %", []string{"%25"}
	case notUTF8:
		return describeByte(s, pos), "values are UTF-8 text: write each byte of a character as %XX", nil
	}
	return describeByte(s, pos), "values are text without control characters", nil
}

// decode decodes a query-string component ('+' is a space, %XX a byte)
// and checks that the result is UTF-8 text without control characters. A
// component with nothing to decode is returned as it is; the others are
// decoded into *buf, which the first of them allocates with room for rest
// bytes (what is left of the query: a decoded text is never longer than its
// raw text), so that every decoded name and value of a request shares one
// allocation. The strings returned point into *buf, which is only ever
// appended to within its capacity, so they never change. On a fault decode
// returns the offset in the decoded value and what is there.
func decode(s string, buf *[]byte, rest int) (out string, pos int, f fault) {
	i := plainRun(s)
	if i == len(s) {
		return s, 0, noFault // printable ASCII with nothing to decode: the common case
	}
	out = s
	if c := s[i]; c == '%' || c == '+' || strings.IndexByte(s[i:], '%') >= 0 || strings.IndexByte(s[i:], '+') >= 0 {
		if *buf == nil || cap(*buf)-len(*buf) < len(s) {
			*buf = make([]byte, 0, max(rest, len(s)))
		}
		b := *buf
		start := len(b)
		b = append(b, s[:i]...)
		check := false // whether out may hold a byte that is not printable ASCII
		for i < len(s) {
			switch c := s[i]; {
			case plain[c]:
				j := i + 1 + plainRun(s[i+1:]) // copy the run of plain bytes at once
				b = append(b, s[i:j]...)
				i = j
			case c == '+':
				b = append(b, ' ')
				i++
			case c != '%':
				b = append(b, c)
				check = true
				i++
			case i+2 >= len(s) || hexVal[s[i+1]]|hexVal[s[i+2]] > 15:
				return "", len(b) - start, badPercent
			default:
				d := hexVal[s[i+1]]<<4 | hexVal[s[i+2]]
				b = append(b, d)
				check = check || d < 0x20 || d >= 0x7f
				i += 3
			}
		}
		*buf = b
		out = unsafe.String(unsafe.SliceData(b[start:]), len(b)-start)
		if !check {
			return out, 0, noFault // %20, %2B, %3A …: printable ASCII throughout
		}
	}
	if j := invalidByte(out); j >= 0 {
		if out[j] < utf8.RuneSelf {
			return out, j, controlChar
		}
		return out, j, notUTF8
	}
	return out, 0, noFault
}

// plainRun returns the length of the run of plain bytes that s starts
// with: a query's values are mostly such runs.
func plainRun(s string) int {
	i := 0
	for i < len(s) && plain[s[i]] {
		i++
	}
	return i
}

// plain marks the bytes a query component may hold as they are: printable
// ASCII but '%' and '+', which decode.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '%' && c != '+'
	}
	return t
}()

// hexVal is the value of each hex digit, and 0xff for other bytes: one
// lookup checks and decodes a digit of %XX.
var hexVal = func() (t [256]byte) {
	for c := range t {
		switch {
		case '0' <= c && c <= '9':
			t[c] = byte(c - '0')
		case 'a' <= c && c <= 'f':
			t[c] = byte(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			t[c] = byte(c - 'A' + 10)
		default:
			t[c] = 0xff
		}
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
	for i := 0; i < len(s); i++ {
		if c := s[i]; !plain[c] && c != '%' && c != '+' || c == '"' || c == '\\' {
			return strconv.Quote(s)
		}
	}
	return `"` + s + `"` // printable ASCII needs no escapes: the common case, made cheap
}
