package filter

import (
	"encoding/json"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// queryText draws text near a query's JSON form: members of the right and
// wrong kinds, unknown, repeated and differently cased keys, nested
// fields, metaData and warnings, and now and then a byte changed, dropped,
// added or the text cut short.
var queryText = rapid.Custom(func(t *rapid.T) string {
	keys := []string{"method", "resource", "id", "format", "d", "tz", "start-date", "finish-date", "fields", "metaData", "n", "warnings", "Resource", "TZ", "bogus", "metadata", "N", "d"}
	scalars := []string{`"GET"`, `"DELETE"`, `"POST"`, `"files"`, `"transcripts"`, `"file"`, `"transcript"`, `"filez"`, `"json"`, `"csv"`, `"txt"`, `"today"`, `"today-1d,today"`, `"2007-08-05"`, `"2026-13-45"`, `"America/New_York"`, `"Europe/Lodon"`, `"a\u00e9\"<&>"`, `"\ud800"`, `""`, `1`, `51`, `0`, `-3`, `1.5`, `1e2`, `99999999999999999999`, `true`, `null`, `[]`, `["a", 1]`, `{}`, `"x\u2028y"`}
	value := func(key string) string {
		switch rapid.IntRange(0, 3).Draw(t, "shape") {
		case 0:
			var b strings.Builder
			b.WriteByte('{')
			inner := []string{"agentID", "callerID", "fieldName", "fieldValue", "FieldName", "bogus", "d", "Color"}
			for i := range rapid.IntRange(0, 3).Draw(t, "inner") {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(`"` + rapid.SampledFrom(inner).Draw(t, "innerKey") + `": ` + rapid.SampledFrom(scalars).Draw(t, "innerValue"))
			}
			b.WriteByte('}')
			return b.String()
		case 1:
			if key == "warnings" || rapid.Bool().Draw(t, "array") {
				return `[` + rapid.SampledFrom([]string{`{"variable": "d", "message": "m"}`, `{"variable": 5}`, `{"x": 1}`, `5`, `null`, `[1]`, `{"Message": null}`}).Draw(t, "element") + `]`
			}
		}
		return rapid.SampledFrom(scalars).Draw(t, "value")
	}
	if rapid.IntRange(0, 2).Draw(t, "clean") == 0 {
		// A query that reads: known keys with values of their kinds.
		parts := []string{`"resource": ` + rapid.SampledFrom([]string{`"files"`, `"transcripts"`, `"Files"`}).Draw(t, "resource")}
		for _, m := range []string{`"d": "today-1d,today"`, `"tz": "America/New_York"`, `"fields": {"agentID": "b<i>ll", "callerID": null}`, `"n": 51`, `"metaData": {"fieldName": "Color", "FIELDVALUE": "\u00e9"}`, `"format": "csv"`, `"start-date": "2007-08-05"`, `"method": "GET"`, `"Tz": null`, `"warnings": [{"variable": "d", "message": "m"}]`} {
			if rapid.Bool().Draw(t, "with") {
				parts = append(parts, m)
			}
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	var b strings.Builder
	b.WriteString(rapid.SampledFrom([]string{"", " ", "\n"}).Draw(t, "lead"))
	switch rapid.IntRange(0, 15).Draw(t, "top") {
	case 0:
		b.WriteString(rapid.SampledFrom(scalars).Draw(t, "scalar"))
	default:
		b.WriteByte('{')
		for i := range rapid.IntRange(0, 5).Draw(t, "members") {
			if i > 0 {
				b.WriteString(", ")
			}
			k := rapid.SampledFrom(keys).Draw(t, "key")
			b.WriteString(`"` + k + `": ` + value(k))
		}
		b.WriteByte('}')
	}
	b.WriteString(rapid.SampledFrom([]string{"", " ", " x", "}"}).Draw(t, "trail"))
	s := b.String()
	if rapid.IntRange(0, 5).Draw(t, "noise") == 0 && len(s) > 0 {
		i := rapid.IntRange(0, len(s)-1).Draw(t, "at")
		c := rapid.SampledFrom([]string{`"`, `\`, `,`, `}`, `{`, `[`, `:`, "\x00", "\xff", ` `, `t`, `-`, `.`, `e`}).Draw(t, "byte")
		switch rapid.IntRange(0, 3).Draw(t, "edit") {
		case 0:
			s = s[:i]
		case 1:
			s = s[:i] + c + s[i+1:]
		case 2:
			s = s[:i] + s[i+1:]
		case 3:
			s = s[:i] + c + s[i:]
		}
	}
	return s
})

// TestUnmarshalJSONAsDecoder: for any text, the hand-written reading of a
// query's JSON form gives the query and the faults (codes, messages, spans,
// suggestions) that reading it with encoding/json's Decoder gave
// (json_ref_test.go).
func TestUnmarshalJSONAsDecoder(t *testing.T) {
	accepted, refused := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		text := queryText.Draw(t, "text")
		var got, want Query
		gerr := got.UnmarshalJSON([]byte(text))
		werr := refUnmarshalJSON(&want, []byte(text))
		ge, _ := json.Marshal(Faults(gerr))
		we, _ := json.Marshal(Faults(werr))
		if (gerr == nil) != (werr == nil) || string(ge) != string(we) {
			t.Fatalf("%q:\n got %v %s\nwant %v %s", text, gerr, ge, werr, we)
		}
		if gerr != nil {
			refused++
			return
		}
		accepted++
		gq, _ := json.Marshal(&got)
		wq, _ := json.Marshal(&want)
		if string(gq) != string(wq) {
			t.Fatalf("%q:\n got %s\nwant %s", text, gq, wq)
		}
	})
	if accepted == 0 || refused == 0 {
		t.Errorf("the generator reached %d accepted and %d refused texts: both must occur", accepted, refused)
	}
}

// FuzzUnmarshalJSONAsDecoder holds the hand-written reading of a query's
// JSON form to the encoding/json reading it replaced, on any text.
func FuzzUnmarshalJSONAsDecoder(f *testing.F) {
	for _, s := range []string{`{"resource": "files", "d": "today", "fields": {"agentID": "bill"}}`, `{"resource": 5}`, `{"x": 1, "metaData": {"y": 2}}`, `[1]`, `{"n": 1.5}`, ``, `{"resource": "files"} x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var got, want Query
		gerr := got.UnmarshalJSON([]byte(text))
		werr := refUnmarshalJSON(&want, []byte(text))
		ge, _ := json.Marshal(Faults(gerr))
		we, _ := json.Marshal(Faults(werr))
		if (gerr == nil) != (werr == nil) || string(ge) != string(we) {
			t.Fatalf("%q:\n got %s\nwant %s", text, ge, we)
		}
		gq, _ := json.Marshal(&got)
		wq, _ := json.Marshal(&want)
		if string(gq) != string(wq) {
			t.Fatalf("%q:\n got %s\nwant %s", text, gq, wq)
		}
	})
}
