package report

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/report/asvalue"
	"github.com/recq/recq/timezone"
)

// requests draws a request: a conformance target, or a path and query
// assembled from pieces that reach accepted queries and most faults (bad
// dates, zones, pages, fields, escapes, HTML-special and invalid bytes).
func requests(cases []conformance.Case) *rapid.Generator[[2]string] {
	paths := []string{"/files", "/files.json", "/files.csv", "/transcripts", "/transcripts.json", "/file/a%2Fb.wav", "/transcripts/abc-123", "/filez", "/files.txt", "/api/recordings/files", "", "/"}
	names := []string{"d", "tz", "start-date", "finish-date", "n", "agentID", "AgentID", "callerID", "metaData_fieldName", "metaData_fieldValue", "bogus", "d", "D", "interactionGUID", "x<y"}
	values := []string{"", "today", "today-1d,today", "2007-08-05", "2007-08-05T10:00:00Z", "2026-03-08T02:30:00", "2026-13-45", "yesterday,today", "today,yesterday", "America/New_York", "Europe/Lodon", "Australia/Sydney", "Pacific/Apia", "UTC", "101", "0", "-5", "abc", "bill", "a%20b", "%FF", "%E2%80%A8", "<b>&amp;", "%3Cx%3E", "%00", "é", "a+b", "2007-08-05T10:00:00%2B02:00", "1899-01-01", "9999-12-31T23:59:59Z", "today-100001d"}
	return rapid.Custom(func(t *rapid.T) [2]string {
		method := rapid.SampledFrom([]string{"GET", "GET", "DELETE", "POST", ""}).Draw(t, "method")
		if len(cases) > 0 && rapid.IntRange(0, 3).Draw(t, "conformance") == 0 {
			c := rapid.SampledFrom(cases).Draw(t, "case")
			return [2]string{c.Method, c.Target}
		}
		var b strings.Builder
		b.WriteString(rapid.SampledFrom(paths).Draw(t, "path"))
		for i := range rapid.IntRange(0, 5).Draw(t, "vars") {
			if i == 0 {
				b.WriteByte('?')
			} else {
				b.WriteByte('&')
			}
			b.WriteString(rapid.SampledFrom(names).Draw(t, "name"))
			b.WriteByte('=')
			b.WriteString(rapid.SampledFrom(values).Draw(t, "value"))
		}
		if rapid.IntRange(0, 9).Draw(t, "noise") == 0 {
			b.WriteString(rapid.String().Draw(t, "tail"))
		}
		return [2]string{method, b.String()}
	})
}

// TestAppendParseAsMarshal: for any request, clock and tenant zone,
// AppendParse writes byte for byte what json.Marshal writes of Parse's
// answer (the recq.Report or the refusal), accepted and refused alike.
func TestAppendParseAsMarshal(t *testing.T) {
	cases, err := conformance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	zones := []string{"UTC", "America/New_York", "America/Sao_Paulo", "Australia/Sydney", "Pacific/Apia", "Asia/Kolkata"}
	accepted, refused := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		r := requests(cases).Draw(t, "request")
		now := time.Unix(rapid.Int64Range(-2e9, 5e9).Draw(t, "now"), rapid.Int64Range(0, 999999999).Draw(t, "ns")).UTC()
		tenant, err := timezone.Load(rapid.SampledFrom(zones).Draw(t, "tenant"))
		if err != nil {
			t.Fatal(err)
		}
		v := asvalue.Parse(r[0], r[1], now, tenant)
		if _, ok := v.(*asvalue.Refused); ok {
			refused++
		} else {
			accepted++
		}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := AppendParse(nil, r[0], r[1], now, tenant); string(got) != string(want) {
			t.Fatalf("%s %q:\n got %s\nwant %s", r[0], r[1], got, want)
		}
	})
	t.Logf("%d accepted, %d refused", accepted, refused)
	if accepted == 0 || refused == 0 {
		t.Errorf("the generator reached %d accepted and %d refused requests: both must occur", accepted, refused)
	}
}

// TestAppendFaultsAsMarshal: any list of faults, with any texts, is written
// as json.Marshal writes the rejection; an error that is no fault list is
// the one internal fault Refusal makes of it.
func TestAppendFaultsAsMarshal(t *testing.T) {
	text := rapid.OneOf(rapid.String(), rapid.SampledFrom([]string{"", "<&>", "\u2028", "\xff"}))
	fault := rapid.Custom(func(t *rapid.T) *filter.Error {
		return &filter.Error{
			Code: filter.Code(text.Draw(t, "code")), Variable: text.Draw(t, "variable"), JSONPath: text.Draw(t, "path"),
			Pos: rapid.IntRange(-1, 1<<20).Draw(t, "pos"), Span: filter.Span{Start: rapid.Int().Draw(t, "s0"), End: rapid.Int().Draw(t, "s1")},
			UTF16: filter.Span{Start: rapid.Int().Draw(t, "u0"), End: rapid.Int().Draw(t, "u1")},
			Msg:   text.Draw(t, "msg"), Hint: text.Draw(t, "hint"),
			Suggestions: rapid.OneOf(rapid.Just([]string(nil)), rapid.SliceOf(text)).Draw(t, "suggestions"),
		}
	})
	rapid.Check(t, func(t *rapid.T) {
		list := filter.ErrorList(rapid.SliceOfN(fault, 1, 4).Draw(t, "faults"))
		want, _ := json.Marshal(asvalue.Refusal(list))
		if got := AppendRefusal(nil, list); string(got) != string(want) {
			t.Fatalf("\n got %s\nwant %s", got, want)
		}
		plain := stringError(text.Draw(t, "error"))
		want, _ = json.Marshal(asvalue.Refusal(plain))
		if got := AppendRefusal(nil, plain); string(got) != string(want) {
			t.Fatalf("\n got %s\nwant %s", got, want)
		}
	})
}

type stringError string

func (e stringError) Error() string { return string(e) }
