package filter_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
)

// Every fault of any request has a listed code, a span inside the request,
// the matching UTF-16 span, and, for a fault inside a variable's value, a
// span whose text decodes to the part of the value at fault.
func TestPropertySpansLieInTheRequest(t *testing.T) {
	known := map[filter.Code]bool{}
	for _, c := range filter.Codes() {
		known[c.Code] = true
	}
	decoded := 0
	rapid.Check(t, func(t *rapid.T) {
		r := requests.Draw(t, "request")
		_, err := filter.Parse(r.Method, r.Target)
		var list filter.ErrorList
		if !errors.As(err, &list) {
			return
		}
		if c := list.Caret(r.Target); strings.Count(c, "\n")%2 != 1 || !strings.Contains(c, "^") {
			t.Fatalf("%q: caret rendering of the list %q", r.Target, c)
		}
		for _, e := range list {
			s := e.Span
			if !known[e.Code] {
				t.Fatalf("%q: code %q is not listed: %v", r.Target, e.Code, e)
			}
			if s.Start < 0 || s.End < s.Start || s.End > len(r.Target) {
				t.Fatalf("%q: span %v outside the request: %v", r.Target, s, e)
			}
			if want := (filter.Span{Start: utf16Len(r.Target[:s.Start]), End: utf16Len(r.Target[:s.End])}); e.UTF16 != want {
				t.Fatalf("%q: utf16 %v, want %v", r.Target, e.UTF16, want)
			}
			if c := e.Caret(r.Target); strings.Count(c, "\n") != 1 || !strings.Contains(c, "^") {
				t.Fatalf("%q: caret rendering %q", r.Target, c)
			}
			if checkDecodes(t, r.Target, e) {
				decoded++
			}
		}
	})
	if decoded == 0 {
		t.Error("no fault inside a value was checked against its decoding")
	}
	t.Logf("%d faults inside values checked against their decoding", decoded)
}

// checkDecodes holds a fault inside a value to its span: the raw text there,
// decoded by net/url, is the decoded value's text at Pos (or, for a fault
// of the whole value or of a part that starts before Pos, text within it).
func checkDecodes(t *rapid.T, target string, e *filter.Error) bool {
	switch e.Variable {
	case "path", "query", "method":
		return false
	}
	if e.Code == filter.CodeBadEncoding || e.Code == filter.CodeUnknownVariable || e.Code == filter.CodeDuplicate || e.Code == filter.CodeMissingValue {
		return false // the name, or bytes that do not decode
	}
	rawValue, at, ok := valueHolding(target, e.Span)
	if !ok {
		t.Fatalf("%q: span %v of %v is in no variable's value", target, e.Span, e)
	}
	value, err := url.QueryUnescape(rawValue)
	if err != nil {
		t.Fatalf("%q: value %q of %v does not decode: %v", target, rawValue, e, err)
	}
	part, err := url.QueryUnescape(target[e.Span.Start:e.Span.End])
	if err != nil {
		t.Fatalf("%q: span %q of %v cuts an escape: %v", target, target[e.Span.Start:e.Span.End], e, err)
	}
	before, _ := url.QueryUnescape(target[at:e.Span.Start])
	if !strings.HasPrefix(value[len(before):], part) {
		t.Fatalf("%q: span text %q is not the value %q at %d", target, part, value, len(before))
	}
	if e.Pos >= 0 && len(before) != e.Pos && len(before) > e.Pos {
		t.Fatalf("%q: span starts at %d of the value, after pos %d: %v", target, len(before), e.Pos, e)
	}
	return true
}

// valueHolding finds the raw value of the query variable whose value holds
// span, and where it starts: an independent reading of the request.
func valueHolding(target string, span filter.Span) (string, int, bool) {
	i := strings.IndexByte(target, '?')
	if h := strings.IndexByte(target, '#'); h >= 0 && (i < 0 || h < i) || i < 0 {
		return "", 0, false
	}
	end := len(target)
	if h := strings.IndexByte(target[i:], '#'); h >= 0 {
		end = i + h
	}
	for off := i + 1; off <= end; {
		pairEnd := off + strings.IndexByte(target[off:end]+"&", '&')
		if eq := strings.IndexByte(target[off:pairEnd], '='); eq >= 0 {
			vs := off + eq + 1
			if vs <= span.Start && span.End <= pairEnd {
				return target[vs:pairEnd], vs, true
			}
		}
		off = pairEnd + 1
	}
	return "", 0, false
}

// The first suggestion of any fault, pasted into its span, removes that
// fault: the request has no fault of the same code at that place.
func TestPropertySuggestionsRepair(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := requests.Draw(t, "request")
		_, err := filter.Parse(r.Method, r.Target)
		var list filter.ErrorList
		if !errors.As(err, &list) {
			return
		}
		for _, e := range list {
			for _, s := range e.Suggestions {
				fixed := r.Target[:e.Span.Start] + s + r.Target[e.Span.End:]
				_, err := filter.Parse(r.Method, fixed)
				var after filter.ErrorList
				errors.As(err, &after)
				for _, f := range after {
					if f.Code == e.Code && f.Span.Start == e.Span.Start && f.Variable == e.Variable {
						t.Fatalf("%q: %v; with %q: %q still has %v", r.Target, e, s, fixed, f)
					}
				}
			}
		}
	})
}

// requests mixes any request with requests whose one special variable has
// a value near a valid one, written with random percent-encoding, after
// a multi-byte value and sometimes a scheme and host: the faults inside
// values, where spans must map back through the decoding.
var requests = rapid.OneOf(fuzz.AnyRequest(), rapid.Custom(func(t *rapid.T) fuzz.Request {
	var value string
	name := rapid.SampledFrom([]string{"d", "start-date", "finish-date", "tz", "n"}).Draw(t, "name")
	switch name {
	case "d":
		value = fuzz.Mutated(fuzz.DateRange()).Draw(t, "value")
	case "tz":
		value = fuzz.Mutated(fuzz.Zone()).Draw(t, "value")
	case "n":
		value = rapid.StringMatching(`-?[0-9]{0,12}[a-z]?`).Draw(t, "value")
	default:
		value = fuzz.Mutated(fuzz.DateValue()).Draw(t, "value")
	}
	var b strings.Builder
	for i := 0; i < len(value); i++ {
		c := value[i]
		switch {
		case c == ' ' && rapid.Bool().Draw(t, "plus"):
			b.WriteByte('+')
		case c > ' ' && c < 0x7f && c != '%' && c != '&' && c != '#' && c != '+' && rapid.Bool().Draw(t, "raw"):
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	origin := rapid.SampledFrom([]string{"", "https://vcc-na1.8x8.com/api/recordings"}).Draw(t, "origin")
	return fuzz.Request{Method: "GET", Target: origin + "/files?agentID=é😀&" + name + "=" + b.String()}
}))

// Faults of the JSON form span the JSON text: inside a string value, the
// span's text, read back as a JSON string by encoding/json, is the decoded
// value's text at that place, whatever escapes the value was written with.
func TestPropertyJSONSpansDecode(t *testing.T) {
	checked := 0
	rapid.Check(t, func(t *rapid.T) {
		key := rapid.SampledFrom([]string{"d", "start-date", "tz"}).Draw(t, "key")
		var value string
		switch key {
		case "d":
			value = fuzz.Mutated(fuzz.DateRange()).Draw(t, "value")
		case "tz":
			value = fuzz.Mutated(fuzz.Zone()).Draw(t, "value")
		default:
			value = fuzz.Mutated(fuzz.DateValue()).Draw(t, "value")
		}
		if !utf8.ValidString(value) {
			return
		}
		var raw strings.Builder
		for _, r := range value {
			switch {
			case r == '"' || r == '\\' || r < 0x20 || rapid.IntRange(0, 3).Draw(t, "escape") == 0:
				if r > 0xFFFF {
					r1, r2 := utf16.EncodeRune(r)
					fmt.Fprintf(&raw, `\u%04x\u%04x`, r1, r2)
				} else {
					fmt.Fprintf(&raw, `\u%04x`, r)
				}
			default:
				raw.WriteRune(r)
			}
		}
		head := `{"resource": "files", "fields": {"agentID": "é😀"}, "` + key + `": "`
		in := head + raw.String() + `"}`
		var q filter.Query
		var list filter.ErrorList
		if !errors.As(q.UnmarshalJSON([]byte(in)), &list) {
			return
		}
		for _, e := range list {
			s := e.Span
			if s.Start < len(head) || s.End > len(in)-2 || s.End < s.Start || e.JSONPath != key {
				t.Fatalf("%s: fault %v spans %v outside the value of %q", in, e, s, key)
			}
			if e.UTF16.Start != utf16Len(in[:s.Start]) || e.UTF16.End != utf16Len(in[:s.End]) {
				t.Fatalf("%s: utf16 %v for %v", in, e.UTF16, s)
			}
			var before, part string
			if json.Unmarshal([]byte(`"`+in[len(head):s.Start]+`"`), &before) != nil || json.Unmarshal([]byte(`"`+in[s.Start:s.End]+`"`), &part) != nil {
				t.Fatalf("%s: span %v of %v splits an escape", in, s, e)
			}
			if !strings.HasPrefix(value[len(before):], part) {
				t.Fatalf("%s: span text %q is not the value %q at %d", in, part, value, len(before))
			}
			checked++
		}
	})
	if checked == 0 {
		t.Error("no fault of the JSON form was checked")
	}
}

// The filter's faults are placed by one walk of the text; they land where
// place.at, one walk each, would put them: the decoded text at each span
// is the fault's own.
func TestFilterFaultSpansThroughEncoding(t *testing.T) {
	for _, target := range []string{
		"/files?filter=agent%49d==b;agent%49d==c;duration=gt=1%30m;queue%4Eame=gt=x",
		"/files?filter=agentId==b;agentId==c;duration=gt=10m;queueName=gt=x",
		`{"resource":"files","filter":"agent\u0049d==b;agent\u0049d==c;duration=gt=10m"}`,
	} {
		var errs filter.ErrorList
		var err error
		if strings.HasPrefix(target, "{") {
			var q filter.Query
			err = q.UnmarshalJSON([]byte(target))
		} else {
			_, err = filter.Parse("GET", target)
		}
		if !errors.As(err, &errs) || len(errs) < 3 {
			t.Fatalf("%s: %v", target, err)
		}
		for _, e := range errs {
			got := target[e.Span.Start:e.Span.End]
			dec, _ := url.QueryUnescape(got)
			if strings.HasPrefix(target, "{") {
				dec = strings.ReplaceAll(got, `\u0049`, "I")
			}
			switch e.Code {
			case filter.CodeUnknownSelector:
				if dec != "agentId" {
					t.Errorf("%s: unknown-selector spans %q", target, got)
				}
			case filter.CodeBadValue:
				if dec != "10m" {
					t.Errorf("%s: bad-value spans %q", target, got)
				}
			case filter.CodeOperatorType:
				if dec != "=gt=" {
					t.Errorf("%s: operator-type spans %q", target, got)
				}
			}
		}
	}
}
