// Package canonical writes the canonical form of a query (docs/LANGUAGE.md
// §8). Package encode gives it to users (encode.Canonical and its
// siblings call these); it lives apart so that the browser module, which
// needs it, links none of encode's record writers and their tables
// (docs/BROWSER.md).
package canonical

import (
	"strconv"

	"github.com/recq/recq/filter"
)

// String returns the canonical form of q (docs/LANGUAGE.md §8): the path
// without /api/recordings and without the default .xml, then the variables
// in the order d, tz, start-date, finish-date, the fields by name,
// metaData_fieldName, metaData_fieldValue, n (left out when 1), each
// percent-encoded per RFC 3986 with upper-case hex. Dates keep their
// relativity and are written in the extended form at the precision given.
//
// It never writes a string that is not canonical: for a Query that
// q.Validate refuses (one built or changed by hand), or whose form would be
// longer than filter.MaxRequestLength, it returns "". Checked says why.
func String(q *filter.Query) string {
	var buf [256]byte
	return string(Append(buf[:0], q))
}

// Append appends the canonical form of q to b, or returns b as it
// is where String returns "".
func Append(b []byte, q *filter.Query) []byte {
	if q.Validate() != nil {
		return b
	}
	start := len(b)
	b = appendCanonical(b, q)
	if len(b)-start > filter.MaxRequestLength {
		return b[:start]
	}
	return b
}

// Checked returns the canonical form of q, or why there is none:
// the faults of q.Validate, or a fault with filter.CodeTooLong when the
// form is longer than filter.MaxRequestLength, which Parse would refuse.
func Checked(q *filter.Query) (string, error) {
	if err := q.Validate(); err != nil {
		return "", err
	}
	b := appendCanonical(nil, q)
	if len(b) > filter.MaxRequestLength {
		return "", filter.ErrorList{{Variable: "query", Pos: filter.MaxRequestLength, Code: filter.CodeTooLong,
			Msg:  "the canonical form is " + strconv.Itoa(len(b)) + " bytes, longer than " + strconv.Itoa(filter.MaxRequestLength),
			Hint: "narrow the query; no variable needs this much text"}}
	}
	return string(b), nil
}

// appendCanonical writes the canonical form of a valid q.
func appendCanonical(b []byte, q *filter.Query) []byte {
	switch q.Resource {
	case filter.Files, filter.File:
		b = append(b, "/files"...)
	default:
		b = append(b, "/transcripts"...)
	}
	if q.ID != "" {
		b = append(b, '/')
		b = append(b, q.ID...)
	}
	if q.Format != filter.XML {
		b = append(b, '.')
		b = append(b, q.Format.String()...)
	}
	sep := byte('?')
	if q.HasDate {
		var tmp [80]byte
		text, _ := q.Date.AppendText(tmp[:0])
		b = append(b, sep, 'd', '=')
		b = appendDate(b, text)
		sep = '&'
	}
	if q.Zone != nil {
		b = appendVar(b, sep, "tz", q.ZoneName)
		sep = '&'
	}
	if q.HasStartDate {
		var tmp [40]byte
		text, _ := q.StartDate.AppendText(tmp[:0])
		b = append(b, sep)
		b = append(b, "start-date="...)
		b = appendDate(b, text)
		sep = '&'
	}
	if q.HasFinishDate {
		var tmp [40]byte
		text, _ := q.FinishDate.AppendText(tmp[:0])
		b = append(b, sep)
		b = append(b, "finish-date="...)
		b = appendDate(b, text)
		sep = '&'
	}
	for _, f := range q.Fields {
		b = appendVar(b, sep, f.Name, f.Value)
		sep = '&'
	}
	if q.HasMetaName {
		b = appendVar(b, sep, "metaData_fieldName", q.MetaName)
		sep = '&'
	}
	if q.HasMetaValue {
		b = appendVar(b, sep, "metaData_fieldValue", q.MetaValue)
		sep = '&'
	}
	if q.Filter != nil {
		b = append(b, sep)
		b = append(b, "filter="...)
		b = q.Filter.AppendQuery(b)
		sep = '&'
	}
	if q.N != 1 && q.N != 0 {
		b = append(b, sep, 'n', '=')
		b = strconv.AppendInt(b, int64(q.N), 10)
	}
	return b
}

// appendVar writes sep, name, '=' and the value escaped. name is a
// variable's or a field's (Validate has checked it), which hold only letters,
// digits and '_' (TestFieldNamesNeedNoEscape): it is written as it is.
func appendVar(b []byte, sep byte, name, value string) []byte {
	b = append(b, sep)
	b = append(b, name...)
	b = append(b, '=')
	return AppendEscaped(b, value)
}

// AppendEscaped appends s percent-encoded for a query string (docs/LANGUAGE.md
// §8): letters, digits, -._~ and !$'()*,;:@/? stay as they are; every other
// byte, space, +, &, =, #, % and non-ASCII bytes among them, becomes %XX
// with upper-case hex.
func AppendEscaped(b []byte, s string) []byte {
	for len(s) > 0 {
		i := 0
		for i < len(s) && kept[s[i]] {
			i++
		}
		b = append(b, s[:i]...) // the kept run at once
		if i == len(s) {
			break
		}
		c := s[i]
		b = append(b, '%', hexDigits[c>>4], hexDigits[c&15])
		s = s[i+1:]
	}
	return b
}

// appendDate appends a date's canonical text, which holds only digits,
// letters and -:.,+ of which '+' alone is escaped (as %2B).
func appendDate(b []byte, text []byte) []byte {
	for _, c := range text {
		if c == '+' {
			b = append(b, "%2B"...)
			continue
		}
		b = append(b, c)
	}
	return b
}

const hexDigits = "0123456789ABCDEF"

// kept marks the bytes written as they are.
var kept = func() (k [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		k[c] = true
	}
	for c := 'A'; c <= 'Z'; c++ {
		k[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		k[c] = true
	}
	for _, c := range "-._~!$'()*,;:@/?" {
		k[c] = true
	}
	return k
}()
