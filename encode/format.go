package encode

// The responses of the API in its three formats (docs/LANGUAGE.md §6):
//
//   - XML as in the API document, one element per line, indented by two
//     spaces, empty elements written <name />, roots recordings and (one
//     transcript) transcript;
//   - JSON mirroring the XML ([D-12]), one record per line;
//   - CSV per RFC 4180 ([D-13]) with CRLF line ends.
//
// Every leaf holds the same text in all three: dates are RFC 3339 to the
// second in the zone the writer is given (UTC written Z), durations decimal,
// and text with invalid UTF-8 and the characters XML 1.0 cannot hold (C0
// controls but tab, LF and CR; U+FFFE, U+FFFF) replaced by U+FFFD, so that a
// field matches a query ([D-4]) whichever format it was read from.

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// DetectFormat returns the format a file name's suffix names: .xml, .json or
// .csv, in any case. ok is false for any other name.
func DetectFormat(name string) (f filter.Format, ok bool) {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return filter.XML, false
	}
	switch ext := name[i+1:]; {
	case strings.EqualFold(ext, "xml"):
		return filter.XML, true
	case strings.EqualFold(ext, "json"):
		return filter.JSON, true
	case strings.EqualFold(ext, "csv"):
		return filter.CSV, true
	}
	return filter.XML, false
}

// kind is how a leaf's text maps to its Go value.
type kind uint8

const (
	kindText   kind = iota // a string, as it is
	kindDate               // a time.Time, RFC 3339 with an offset; required
	kindNumber             // an int of seconds, decimal digits; required
)

// field is one leaf of a record, in output order; its accessor returns a
// pointer to the Go field, used both to write and to read it.
type field[R any] struct {
	name string
	kind kind
	text func(*R) *string
	date func(*R) *time.Time
	num  func(*R) *int
}

func textField[R any](name string, p func(*R) *string) field[R] {
	return field[R]{name: name, kind: kindText, text: p}
}

var fileFields = []field[record.File]{
	{name: "startDate", kind: kindDate, date: func(f *record.File) *time.Time { return &f.StartDate }},
	textField("agentID", func(f *record.File) *string { return &f.AgentID }),
	textField("phoneNumber", func(f *record.File) *string { return &f.PhoneNumber }),
	textField("channel", func(f *record.File) *string { return &f.Channel }),
	textField("caseID", func(f *record.File) *string { return &f.CaseID }),
	{name: "duration", kind: kindNumber, num: func(f *record.File) *int { return &f.Duration }},
	textField("filename", func(f *record.File) *string { return &f.Filename }),
	textField("queueID", func(f *record.File) *string { return &f.QueueID }),
	textField("queueName", func(f *record.File) *string { return &f.QueueName }),
	textField("accountNumber", func(f *record.File) *string { return &f.AccountNumber }),
	textField("transactionID", func(f *record.File) *string { return &f.TransactionID }),
	textField("extVar1", func(f *record.File) *string { return &f.ExtVar1 }),
	textField("extVar2", func(f *record.File) *string { return &f.ExtVar2 }),
	textField("outDialCode", func(f *record.File) *string { return &f.OutDialCode }),
}

var transcriptFields = []field[record.Transcript]{
	{name: "startDate", kind: kindDate, date: func(t *record.Transcript) *time.Time { return &t.StartDate }},
	textField("agentID", func(t *record.Transcript) *string { return &t.AgentID }),
	textField("agentName", func(t *record.Transcript) *string { return &t.AgentName }),
	textField("contactID", func(t *record.Transcript) *string { return &t.ContactID }),
	textField("contactName", func(t *record.Transcript) *string { return &t.ContactName }),
	textField("queueID", func(t *record.Transcript) *string { return &t.QueueID }),
	textField("queueName", func(t *record.Transcript) *string { return &t.QueueName }),
	textField("channelID", func(t *record.Transcript) *string { return &t.ChannelID }),
	textField("channelName", func(t *record.Transcript) *string { return &t.ChannelName }),
	textField("caseID", func(t *record.Transcript) *string { return &t.CaseID }),
	textField("targetIP", func(t *record.Transcript) *string { return &t.TargetIP }),
	textField("transactionID", func(t *record.Transcript) *string { return &t.TransactionID }),
	textField("interactionGUID", func(t *record.Transcript) *string { return &t.InteractionGUID }),
	textField("transcriptType", func(t *record.Transcript) *string { return &t.TranscriptType }),
	{name: "duration", kind: kindNumber, num: func(t *record.Transcript) *int { return &t.Duration }},
}

var messageFields = []field[record.Message]{
	{name: "messageTime", kind: kindDate, date: func(m *record.Message) *time.Time { return &m.MessageTime }},
	textField("messageFrom", func(m *record.Message) *string { return &m.MessageFrom }),
	textField("originalLanguage", func(m *record.Message) *string { return &m.OriginalLanguage }),
	textField("originalMessage", func(m *record.Message) *string { return &m.OriginalMessage }),
	textField("translatedLanguage", func(m *record.Message) *string { return &m.TranslatedLanguage }),
	textField("translatedMessage", func(m *record.Message) *string { return &m.TranslatedMessage }),
}

// The nested lists' element names.
const (
	elemRecordings       = "recordings"
	elemFile             = "file"
	elemTranscript       = "transcript"
	elemWrapUpCode       = "wrapUpCode"
	elemTransactionCodes = "transactionCodes"
	elemTransactionCode  = "transactionCode"
	elemListName         = "listName"
	elemName             = "name"
	elemMetaDatas        = "metaDatas"
	elemMetaData         = "metaData"
	elemFieldName        = "fieldName"
	elemFieldValue       = "fieldValue"
	elemMessages         = "messages"
	elemMessage          = "message"
)

// CSV columns of the nested lists ([D-13]): the wrap-up codes under the name
// of their outer element, wrapUpCode, and the metadata under metaDatas.
const (
	colWrapUpCode = elemWrapUpCode
	colMetaDatas  = elemMetaDatas
)

func fieldIndex[R any](fs []field[R], name string) int {
	for i := range fs {
		if fs[i].name == name {
			return i
		}
	}
	return -1
}

// dateLayout is how dates are written: RFC 3339 to the second. An offset of
// zero is written Z, as RFC 3339's Z07:00 does and as the canonical form of
// a query writes UTC (docs/DECISIONS.md); the API document shows only
// non-zero offsets (-08:00).
const dateLayout = "2006-01-02T15:04:05Z07:00"

// clock writes dates in a zone. It keeps the zone offset of the last
// date and the period that offset holds in, so that the dates of a page,
// mostly within one period, cost one zone lookup, not three each.
type clock struct {
	loc        *time.Location // nil: each date in its own zone
	start, end int64          // the period of off, Unix seconds, end excluded
	off        int
	cached     bool
}

// offset returns the offset in seconds east of UTC that t is written with.
func (c *clock) offset(t time.Time) int {
	if c.loc == nil {
		_, off := t.Zone()
		return off
	}
	u := t.Unix()
	if c.cached && u >= c.start && u < c.end {
		return c.off
	}
	t = t.In(c.loc)
	_, c.off = t.Zone()
	// Zero bounds: the period has no start or no end.
	start, end := t.ZoneBounds()
	c.start, c.end = math.MinInt64, math.MaxInt64
	if !start.IsZero() {
		c.start = start.Unix()
	}
	if !end.IsZero() {
		c.end = end.Unix()
	}
	c.cached = true
	return c.off
}

// appendTime appends t per dateLayout, in c's zone. An offset that is not a
// whole number of minutes (local mean time before 1900 in some zones)
// cannot be written in RFC 3339 without changing the instant, so such a t
// is written in UTC.
func (c *clock) appendTime(b []byte, t time.Time) []byte {
	off := c.offset(t)
	if off%60 != 0 {
		off = 0
	}
	// The wall clock at off, read in UTC: no more zone lookups.
	wall := time.Unix(t.Unix()+int64(off), 0).UTC()
	year, month, day := wall.Date()
	if year < 0 || year > 9999 {
		return t.In(time.FixedZone("", off)).AppendFormat(b, dateLayout)
	}
	hour, min, sec := wall.Clock()
	b = append(b,
		byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-',
		byte('0'+int(month)/10), byte('0'+int(month)%10), '-',
		byte('0'+day/10), byte('0'+day%10), 'T',
		byte('0'+hour/10), byte('0'+hour%10), ':',
		byte('0'+min/10), byte('0'+min%10), ':',
		byte('0'+sec/10), byte('0'+sec%10))
	if off == 0 {
		return append(b, 'Z')
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	off /= 60
	h, m := off/60, off%60
	return append(b, sign, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10))
}

// parseDate reads a startDate or messageTime: RFC 3339 with an offset
// (2007-12-19T19:16:36-08:00, fractions of a second allowed), blanks around
// it ignored. msg says what is wrong, or is "" when t is good.
func parseDate(s string) (t time.Time, msg string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return t, "is empty; write a date with its offset, such as 2007-12-19T19:16:36-08:00"
	}
	// The API's own date language, held to the form a response writes: a
	// time to the second (or finer) with an offset. time.Parse would also
	// take a one-digit hour, which no writer writes back the same.
	v, err := daterange.ParseValue(s)
	if err != nil {
		return t, strconv.Quote(s) + " is not a date with an offset such as 2007-12-19T19:16:36-08:00: " + err.(*daterange.Error).Msg
	}
	off, hasOffset := v.Offset()
	switch {
	case v.IsRelative() || v.Precision() < daterange.Second:
		return t, strconv.Quote(s) + " is not to the second; write a date and time such as 2007-12-19T19:16:36-08:00"
	case !hasOffset:
		return t, strconv.Quote(s) + " has no offset; write it with one, such as " + s + "Z or " + s + "-08:00"
	}
	loc := time.UTC
	if off != 0 {
		loc = time.FixedZone("", off)
	}
	t = v.Start(time.Time{}, loc)
	if u := t.UTC(); u.Year() < minYear || u.Year() > maxYear {
		return time.Time{}, strconv.Quote(s) + " is outside the years 0001–9998, which every zone writes with four digits"
	}
	return t, ""
}

// The years of the instants a reader takes: with them, a date written in
// any zone (offsets under a day) still has a four-digit year.
const minYear, maxYear = 1, 9998

// parseDuration reads a duration: a whole number of seconds in decimal
// digits, blanks around it ignored.
func parseDuration(s string) (n int, msg string) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, "is empty; write the seconds, such as 27"
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return 0, strconv.Quote(s) + " is not a whole number of seconds, such as 27"
		}
	}
	n, err := strconv.Atoi(t)
	if err != nil || n > record.MaxDuration {
		return 0, strconv.Quote(t) + " is more than " + strconv.Itoa(record.MaxDuration) + " seconds (31 days), the longest duration a record may have"
	}
	return n, ""
}

// xmlChar reports whether XML 1.0 can hold r (production [2] Char).
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// decodeText returns the length of the character at the start of s
// (non-empty, s[0] >= 0x80); ok is false for invalid UTF-8 and for
// characters XML cannot hold, which every format writes as U+FFFD.
func decodeText(s string) (size int, ok bool) {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size == 1 {
		return 1, false
	}
	return size, xmlChar(r)
}

const replacement = "\uFFFD"

// Sanitize returns s as every writer of this package writes it: invalid
// UTF-8 and the characters XML 1.0 cannot hold (C0 controls but tab, LF and
// CR; U+FFFE and U+FFFF) replaced by U+FFFD. A record read back from any
// format holds its fields so.
func Sanitize(s string) string {
	for i := 0; i < len(s); {
		if sanePlain[s[i]] {
			i++
			continue
		}
		if s[i] >= 0x80 {
			if size, ok := decodeText(s[i:]); ok {
				i += size
				continue
			}
		}
		return string(appendSanitized(append([]byte(nil), s[:i]...), s[i:]))
	}
	return s
}

// sanePlain marks the ASCII bytes that every format can hold as text.
var sanePlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	t['\t'], t['\n'], t['\r'] = true, true, true
	return t
}()

func appendSanitized(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		start := i
		for i < len(s) && sanePlain[s[i]] {
			i++
		}
		b = append(b, s[start:i]...)
		if i == len(s) {
			break
		}
		if s[i] < 0x80 { // a control character
			b = append(b, replacement...)
			i++
			continue
		}
		size, ok := decodeText(s[i:])
		if ok {
			b = append(b, s[i:i+size]...)
		} else {
			b = append(b, replacement...)
		}
		i += size
	}
	return b
}
