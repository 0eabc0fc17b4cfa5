package encode_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// readBack reads an error body of any format into faults, as a client would.
func readBack(t interface{ Fatalf(string, ...any) }, f filter.Format, body []byte) filter.ErrorList {
	var out filter.ErrorList
	switch f {
	case filter.JSON:
		var r encode.Rejection
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatalf("%v:\n%s", err, body)
		}
		if len(r.Errors) > 0 && !cmp.Equal(r.Error, r.Errors[0]) {
			t.Fatalf("error is not the first of errors:\n%s", body)
		}
		return r.Errors
	case filter.CSV:
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("%v:\n%s", err, body)
		}
		if !cmp.Equal(rows[0], encode.ErrorHeader) {
			t.Fatalf("header %q", rows[0])
		}
		for _, r := range rows[1:] {
			pos, err := strconv.Atoi(r[1])
			if err != nil {
				t.Fatalf("%v", err)
			}
			out = append(out, &filter.Error{Variable: r[0], Pos: pos, Msg: r[2], Hint: r[3], Code: filter.Code(r[4])})
		}
		return out
	}
	var v struct {
		Errors []struct {
			Variable string `xml:"variable"`
			Pos      int    `xml:"pos"`
			Message  string `xml:"message"`
			Hint     string `xml:"hint"`
			Code     string `xml:"code"`
		} `xml:"error"`
	}
	if err := xml.Unmarshal(body, &v); err != nil {
		t.Fatalf("%v:\n%s", err, body)
	}
	for _, e := range v.Errors {
		out = append(out, &filter.Error{Variable: e.Variable, Pos: e.Pos, Msg: e.Message, Hint: e.Hint, Code: filter.Code(e.Code)})
	}
	return out
}

func TestWriteErrorsXMLEscapesOnlyWhatXMLNeeds(t *testing.T) {
	faults := filter.ErrorList{{Variable: "agentID", Pos: -1, Code: filter.CodeUnknownVariable,
		Msg: `unknown variable "agentId"`, Hint: `did you mean 'agentID'? a<b & c>d`}}
	body := string(encode.AppendErrors(nil, filter.XML, faults))
	want := "<?xml version='1.0' encoding='UTF-8' ?>\n<errors>\n  <error>\n" +
		"    <variable>agentID</variable>\n    <pos>-1</pos>\n" +
		"    <message>unknown variable \"agentId\"</message>\n" +
		"    <hint>did you mean 'agentID'? a&lt;b &amp; c&gt;d</hint>\n" +
		"    <code>unknown-variable</code>\n  </error>\n</errors>\n"
	if diff := cmp.Diff(want, body); diff != "" {
		t.Errorf("-want +got:\n%s", diff)
	}
}

func TestWriteErrorsShapes(t *testing.T) {
	faults := filter.ErrorList{
		{Variable: "d", Pos: 8, Code: filter.CodeBadDatePart, Msg: "day 30 is out of range: February 2007 has 28 days"},
		{Variable: "n", Pos: -1, Code: filter.CodeBadPage, Msg: "n counts from 1", Hint: "n=1, n=51"},
	}
	for f, want := range map[filter.Format]string{
		filter.JSON: `{"error":{"code":"bad-date-part","variable":"d","pos":8,"span":{"start":0,"end":0},"utf16":{"start":0,"end":0},"message":"day 30 is out of range: February 2007 has 28 days","suggestions":[]},` +
			`"errors":[{"code":"bad-date-part","variable":"d","pos":8,"span":{"start":0,"end":0},"utf16":{"start":0,"end":0},"message":"day 30 is out of range: February 2007 has 28 days","suggestions":[]},` +
			`{"code":"bad-page","variable":"n","pos":-1,"span":{"start":0,"end":0},"utf16":{"start":0,"end":0},"message":"n counts from 1","hint":"n=1, n=51","suggestions":[]}]}` + "\n",
		filter.CSV: "variable,pos,message,hint,code\r\nd,8,day 30 is out of range: February 2007 has 28 days,,bad-date-part\r\nn,-1,n counts from 1,\"n=1, n=51\",bad-page\r\n",
	} {
		var b bytes.Buffer
		if err := encode.WriteErrors(&b, f, faults); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, b.String()); diff != "" {
			t.Errorf("%v: -want +got:\n%s", f, diff)
		}
	}
	// No faults is still a body of the format.
	for _, f := range formats {
		if got := readBack(t, f, encode.AppendErrors(nil, f, nil)); len(got) != 0 {
			t.Errorf("%v: %v", f, got)
		}
	}
	if got := string(encode.AppendErrors(nil, filter.JSON, nil)); got != `{"error":null,"errors":[]}`+"\n" {
		t.Errorf("no faults in JSON: %s", got)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("closed") }

func TestWriteErrorsWriterError(t *testing.T) {
	if err := encode.WriteErrors(failingWriter{}, filter.XML, filter.ErrorList{{Variable: "d"}}); err == nil {
		t.Error("an error of the writer is not returned")
	}
}

func TestContentType(t *testing.T) {
	for f, want := range map[filter.Format]string{filter.XML: "application/xml; charset=utf-8", filter.JSON: "application/json", filter.CSV: "text/csv; charset=utf-8; header=present"} {
		if got := encode.ContentType(f); got != want {
			t.Errorf("%v: %q", f, got)
		}
	}
}

// Any faults, whatever their text, read back from every format as they
// were, but for what a format cannot carry: in XML the characters that
// Sanitize replaces (XML 1.0 cannot hold them) and, in CSV, a CR, which encoding/csv drops
// from a field when it ends lines with CRLF.
func TestPropertyErrorBodiesRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		text := rapid.OneOf(rapid.String(), rapid.StringMatching(`[a-z<>&"' \r\n\t]{0,12}`))
		faults := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) *filter.Error {
			return &filter.Error{
				Variable: text.Draw(t, "variable"),
				Pos:      rapid.IntRange(-1, 8192).Draw(t, "pos"),
				Msg:      text.Draw(t, "message"),
				Hint:     text.Draw(t, "hint"),
				Code:     filter.Code(rapid.SampledFrom([]string{"", "bad-date", "unknown-variable"}).Draw(t, "code")),
			}
		}), 0, 4).Draw(t, "faults")
		f := rapid.SampledFrom(formats).Draw(t, "format")
		got := readBack(t, f, encode.AppendErrors(nil, f, faults))
		want := filter.ErrorList{}
		for _, e := range faults {
			c := *e
			if f == filter.XML {
				for _, s := range []*string{&c.Variable, &c.Msg, &c.Hint} {
					*s = encode.Sanitize(*s)
				}
			}
			if f == filter.CSV { // encoding/csv with CRLF line ends drops a CR inside a field
				for _, s := range []*string{&c.Variable, &c.Msg, &c.Hint} {
					*s = strings.ReplaceAll(encode.NoFormula(*s), "\r", "")
				}
			}
			want = append(want, &c)
		}
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if f == filter.JSON {
			for _, e := range want {
				for _, s := range []*string{&e.Variable, &e.Msg, &e.Hint} {
					*s = strings.ToValidUTF8(*s, "\uFFFD")
				}
			}
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("%v: -want +got:\n%s", f, diff)
		}
	})
}
