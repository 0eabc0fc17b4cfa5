package fuzz

import (
	"strconv"
	"strings"

	"pgregory.net/rapid"
)

// Filter generates valid filter= expressions (docs/LANGUAGE.md §14) for
// files or transcripts, as a person writes them: every operator of each
// kind with its aliases, wildcards, quoted and escaped values, dates of
// every precision, lists, the keywords and nested groups.
func Filter(transcripts bool) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string { return filterOf(t, transcripts, 3) })
}

func filterOf(t *rapid.T, transcripts bool, depth int) string {
	if depth == 0 || rapid.IntRange(0, 2).Draw(t, "leaf") == 0 {
		return comparison(t, transcripts)
	}
	n := rapid.IntRange(2, 3).Draw(t, "branches")
	sep := rapid.SampledFrom([]string{";", ",", " and ", " or "}).Draw(t, "sep")
	parts := make([]string, n)
	for i := range parts {
		parts[i] = filterOf(t, transcripts, depth-1)
		if rapid.Bool().Draw(t, "paren") {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, sep)
}

// filterTexts are text values: plain, wildcards, escaped and quoted.
var filterTexts = []string{"bill", "ann", "b*", "*ll", "a*n", "*", `bi\*ll`, "'a b'", `'it\'s'`, `x\,y`, `"q;r"`, "é", "0"}

func comparison(t *rapid.T, transcripts bool) string {
	texts := []string{"agentID", "queueName", "caseID", "transactionCode.name", "transactionCode.listName"}
	if transcripts {
		texts = []string{"agentID", "agentName", "queueName", "metaData.fieldName", "metaData.fieldValue"}
	}
	list := func(item func() string) string {
		n := rapid.IntRange(1, 3).Draw(t, "list")
		items := make([]string, n)
		for i := range items {
			items[i] = item()
		}
		return "(" + strings.Join(items, ",") + ")"
	}
	switch rapid.IntRange(0, 4).Draw(t, "kind") {
	case 0, 1:
		sel := rapid.SampledFrom(texts).Draw(t, "text")
		op := rapid.SampledFrom([]string{"==", "!=", "=in=", "=out="}).Draw(t, "op")
		if op == "=in=" || op == "=out=" {
			return sel + op + list(func() string { return rapid.SampledFrom(filterTexts).Draw(t, "value") })
		}
		return sel + op + rapid.SampledFrom(filterTexts).Draw(t, "value")
	case 2:
		op := rapid.SampledFrom([]string{"==", "!=", "=lt=", "=le=", "=gt=", "=ge=", "<", "<=", ">", ">=", "=in=", "=out="}).Draw(t, "op")
		n := func() string { return strconv.Itoa(rapid.IntRange(-1, 700).Draw(t, "n")) }
		if op == "=in=" || op == "=out=" {
			return "duration" + op + list(n)
		}
		return "duration" + op + n()
	}
	sel := rapid.SampledFrom([]string{"startDate", "finishDate"}).Draw(t, "date")
	op := rapid.SampledFrom([]string{"==", "!=", "=lt=", "=le=", "=gt=", "=ge=", "<", ">=", "=in=", "=out="}).Draw(t, "op")
	date := func() string {
		v := DateValue().Draw(t, "value")
		if strings.ContainsAny(v, " ") {
			return "'" + v + "'"
		}
		return v
	}
	if op == "=in=" || op == "=out=" {
		return sel + op + list(date)
	}
	return sel + op + date()
}

// ValidFilterRequest generates the requests of ValidRequest with a filter
// added, escaped as a client escapes it (';' as %3B or raw, spaces as %20).
func ValidFilterRequest() *rapid.Generator[Request] {
	return rapid.Custom(func(t *rapid.T) Request {
		r := ValidRequest().Draw(t, "request")
		f := Filter(strings.Contains(r.Target, "/transcripts")).Draw(t, "filter")
		e := escapeFilter(t, f)
		sep := "?"
		if strings.Contains(r.Target, "?") {
			sep = "&"
		}
		r.Target += sep + "filter=" + e
		return r
	})
}

// escapeFilter writes a filter into a query: its reserved bytes of a query
// (%, &, #, +, space, non-ASCII) encoded, ';' raw or %3B, and sometimes
// every byte that may be encoded.
func escapeFilter(t *rapid.T, f string) string {
	var b strings.Builder
	semicolon := rapid.Bool().Draw(t, "rawSemicolon")
	all := rapid.IntRange(0, 3).Draw(t, "encodeAll") == 0
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == ';' && semicolon:
			b.WriteByte(c)
		case c == '%' || c == '&' || c == '#' || c == '+' || c == ' ' || c >= 0x80 || c == ';' ||
			all && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'):
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
