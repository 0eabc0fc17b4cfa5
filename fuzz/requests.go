package fuzz

import (
	"net/url"
	"strings"

	"pgregory.net/rapid"

	"github.com/recq/recq/record"
)

// Request is a generated request: a method and a target as a client sends it.
type Request struct {
	Method, Target string
}

// FileFields and TranscriptFields are the field variables of each resource.
var (
	FileFields       = record.FileFieldNames
	TranscriptFields = record.TranscriptFieldNames
)

// ValidRequest generates requests the API accepts: a list of files or
// transcripts in any format, with a scheme and host or without, and any
// mix of variables, each once, written with the escapes a client may use.
func ValidRequest() *rapid.Generator[Request] {
	return rapid.Custom(func(t *rapid.T) Request {
		var b strings.Builder
		switch rapid.IntRange(0, 2).Draw(t, "origin") {
		case 1:
			b.WriteString("https://vcc-na1.8x8.com/api/recordings")
		case 2:
			b.WriteString("/api/recordings")
		}
		b.WriteByte('/')
		fields := FileFields
		if rapid.Bool().Draw(t, "transcripts") {
			b.WriteString("transcripts")
			fields = TranscriptFields
		} else {
			b.WriteString("files")
		}
		b.WriteString(rapid.SampledFrom([]string{"", ".xml", ".json", ".csv"}).Draw(t, "format"))
		var pairs []string
		add := func(name, value string) { pairs = append(pairs, name+"="+escape(t, value)) }
		if rapid.Bool().Draw(t, "hasD") {
			add("d", OrderedRange().Draw(t, "d"))
		}
		if rapid.Bool().Draw(t, "hasTZ") {
			add("tz", Zone().Draw(t, "tz"))
		}
		if rapid.Bool().Draw(t, "hasStart") {
			add("start-date", DateValue().Draw(t, "start-date"))
		}
		if rapid.IntRange(0, 3).Draw(t, "hasFinish") == 0 {
			add("finish-date", DateValue().Draw(t, "finish-date"))
		}
		for _, name := range rapid.SliceOfNDistinct(rapid.SampledFrom(fields), 0, 4, rapid.ID[string]).Draw(t, "fields") {
			add(name, Text().Draw(t, name))
		}
		if rapid.Bool().Draw(t, "hasMetaName") {
			add("metaData_fieldName", Text().Draw(t, "metaName"))
		}
		if rapid.Bool().Draw(t, "hasMetaValue") {
			add("metaData_fieldValue", Text().Draw(t, "metaValue"))
		}
		if rapid.Bool().Draw(t, "hasN") {
			add("n", rapid.SampledFrom([]string{"1", "51", "101", "1000000000"}).Draw(t, "n"))
		}
		if len(pairs) > 0 {
			b.WriteByte('?')
			b.WriteString(strings.Join(rapid.Permutation(pairs).Draw(t, "pairs"), "&"))
		}
		return Request{Method: "GET", Target: b.String()}
	})
}

// Text generates a field or metadata value: printable text, spaces, the
// characters a query string must escape, and non-ASCII letters.
func Text() *rapid.Generator[string] {
	return rapid.StringOfN(rapid.SampledFrom([]rune("abcXYZ019 -_.~+&=#%/?:@,;'!*()é漢😀")), 0, 12, -1)
}

// escape writes a value as a client might: percent-encoded by net/url
// (spaces as '+'), or with %20 for spaces and %XX in either case.
func escape(t *rapid.T, s string) string {
	e := url.QueryEscape(s)
	if rapid.Bool().Draw(t, "percent20") {
		e = strings.ReplaceAll(e, "+", "%20")
	}
	if rapid.Bool().Draw(t, "lowerHex") {
		e = lowerEscapes(e)
	}
	return e
}

// lowerEscapes writes the hex digits of each %XX in lower case.
func lowerEscapes(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			for j := i + 1; j <= i+2; j++ {
				if b[j] >= 'A' && b[j] <= 'F' {
					b[j] += 'a' - 'A'
				}
			}
		}
	}
	return string(b)
}

// AnyRequest generates near misses and junk as well as valid requests:
// valid ones edited a few bytes at a time, and random strings.
func AnyRequest() *rapid.Generator[Request] {
	return rapid.Custom(func(t *rapid.T) Request {
		method := rapid.SampledFrom([]string{"GET", "DELETE", "", "POST"}).Draw(t, "method")
		switch rapid.IntRange(0, 2).Draw(t, "kind") {
		case 0:
			return Request{method, ValidRequest().Draw(t, "valid").Target}
		case 1:
			target := Mutated(rapid.Custom(func(t *rapid.T) string { return ValidRequest().Draw(t, "valid").Target })).Draw(t, "mutated")
			return Request{method, target}
		}
		return Request{method, rapid.String().Draw(t, "junk")}
	})
}
