package client

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/termtext"
	"github.com/recq/recq/server"
)

// text is printable text with the characters the formats escape: commas,
// quotes, angle brackets, ampersands, line breaks and non-ASCII letters.
func text() *rapid.Generator[string] {
	return rapid.StringOfN(rapid.SampledFrom([]rune("ab Z09,\"'<>&;:|\\\né€😀")), 0, 20, -1)
}

// The law: an error body that server.ErrorBody writes reads back as the
// faults it was written from, in every format.
func TestPropReadFaultsRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := rapid.SampledFrom([]filter.Format{filter.XML, filter.JSON, filter.CSV}).Draw(t, "format")
		n := rapid.IntRange(1, 4).Draw(t, "faults")
		var list filter.ErrorList
		for range n {
			list = append(list, &filter.Error{
				Variable: rapid.StringMatching(`[a-zA-Z_-]{1,12}`).Draw(t, "variable"),
				Pos:      rapid.IntRange(-1, 9000).Draw(t, "pos"),
				Msg:      text().Draw(t, "msg"),
				Hint:     text().Draw(t, "hint"),
			})
		}
		got := readFaults(server.ErrorBody(f, list), f)
		want := list
		if f == filter.XML { // XML has no CR: an end of line is read as LF
			want = nil
			for _, e := range list {
				c := *e
				c.Msg, c.Hint = strings.ReplaceAll(c.Msg, "\r", "\n"), strings.ReplaceAll(c.Hint, "\r", "\n")
				want = append(want, &c)
			}
		}
		if f == filter.CSV { // CSV error cells are kept from being formulas
			want = nil
			for _, e := range list {
				c := *e
				c.Variable, c.Msg, c.Hint = encode.NoFormula(c.Variable), encode.NoFormula(c.Msg), encode.NoFormula(c.Hint)
				want = append(want, &c)
			}
		}
		for i, e := range want { // text of the network is escaped where it is read
			c := *e
			c.Variable, c.Msg, c.Hint = termtext.Escape(c.Variable), termtext.Escape(c.Msg), termtext.Escape(c.Hint)
			want[i] = &c
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("%v body read back differs (-want +got):\n%s", f, diff)
		}
	})
}

func TestReadFaultsNotTheAPIs(t *testing.T) {
	for _, body := range []string{"", "<html>bad gateway</html>", "{}", `{"error":null}`, "a,b\r\n1,2\r\n", "<errors></errors>"} {
		for _, f := range []filter.Format{filter.XML, filter.JSON, filter.CSV} {
			if got := readFaults([]byte(body), f); got != nil {
				t.Errorf("%v %q: %v, want nil", f, body, got)
			}
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{" 120 ", 2 * time.Minute, true},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"99999999999", 0, false},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"Wed, 25 Nov 2026 12:00:30 UTC", 0, false},
		{"Wednesday, 25-Nov-26 12:00:30 GMT", 30 * time.Second, true}, // RFC 850, still read
		{"soon", 0, false},
	}
	for _, tc := range cases {
		got, ok := retryAfter(tc.v, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tc.v, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackOff(t *testing.T) {
	p := RetryPolicy{Tries: 10, Base: 100 * time.Millisecond, Max: time.Second}
	id := func(d time.Duration) time.Duration { return d }
	var got []time.Duration
	for next := 2; next <= 8; next++ {
		got = append(got, p.wait(next, http.Header{}, time.Time{}, id))
	}
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second, time.Second, time.Second}
	if !cmp.Equal(got, want) {
		t.Errorf("back-offs %v, want %v", got, want)
	}
	for range 1000 {
		if d := fullJitter(time.Second); d < 0 || d > time.Second {
			t.Fatalf("jitter %v outside [0, 1s]", d)
		}
	}
}

// FuzzReadFaults: reading an error body never panics and never returns a
// nil fault, in any format, and no text it returns holds a control
// character: whatever a server sends, printing the StatusError made of it
// is safe for a terminal.
func FuzzReadFaults(f *testing.F) {
	list := filter.ErrorList{{Variable: "d", Pos: 8, Msg: "day 30 is out of range", Hint: "Feb, 28"}}
	hostile := filter.ErrorList{{Variable: "v\u009b", Pos: 3, Msg: "ok\rFAKE\x1b[2J\n", Hint: "\u202e"}}
	for _, format := range []filter.Format{filter.XML, filter.JSON, filter.CSV} {
		f.Add(server.ErrorBody(format, list), uint8(format))
		f.Add(server.ErrorBody(format, hostile), uint8(format))
	}
	f.Add([]byte("<errors><error><pos>x</pos></error></errors>"), uint8(0))
	f.Add([]byte(`{"errors":[null],"error":null}`), uint8(filter.JSON))
	f.Fuzz(func(t *testing.T, body []byte, format uint8) {
		got := readFaults(body, filter.Format(format%3))
		for _, e := range got {
			if e == nil {
				t.Fatal("a nil fault")
			}
			for _, s := range append([]string{string(e.Code), e.Variable, e.JSONPath, e.Msg, e.Hint}, e.Suggestions...) {
				if strings.ContainsFunc(s, isControl) {
					t.Fatalf("a fault's text %q holds a control character", s)
				}
			}
		}
		se := &StatusError{Status: 500, Method: "GET", Request: "/files", Faults: got, Body: body[:min(len(body), 512)]}
		if i := strings.IndexFunc(se.Error(), isControl); i >= 0 {
			t.Fatalf("%q holds a control character at byte %d", se.Error(), i)
		}
	})
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "Wed, 25 Nov 2026 12:00:30 GMT", "", "-1"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		if d, ok := retryAfter(v, now); d < 0 || (!ok && d != 0) {
			t.Fatalf("retryAfter(%q) = %v, %v", v, d, ok)
		}
	})
}

// Text of the network never reaches a terminal raw: a fault's message,
// hint or variable holding CR, LF, ESC or a C1 control (U+009B, CSI) is
// read escaped, so that a server cannot overwrite the visible error line
// (issue 21, finding 5); a JSON null among the faults is dropped, not a
// nil that would panic when printed.
func TestReadFaultsEscapesControls(t *testing.T) {
	const hostile = "ok\rFAKE\u009b2K\x1b[2J\nrecq get: done"
	list := filter.ErrorList{{Variable: "v\u009b", Pos: 3, Msg: hostile, Hint: hostile}}
	for _, f := range []filter.Format{filter.XML, filter.JSON, filter.CSV} {
		got := readFaults(server.ErrorBody(f, list), f)
		se := &StatusError{Status: 500, Method: "GET", Request: "/files", Faults: got}
		if len(got) != 1 || strings.ContainsFunc(se.Error(), isControl) {
			t.Errorf("%v: %d faults, %q", f, len(got), se.Error())
		}
	}
	got := readFaults([]byte(`{"errors":[null,{"variable":"x","pos":-1,"message":"m\u009b"}]}`), filter.JSON)
	if len(got) != 1 || got[0].Msg != `m\u009b` {
		t.Errorf("got %v", got)
	}
	if got := readFaults([]byte(`{"errors":[null]}`), filter.JSON); got != nil {
		t.Errorf("a list of null read as %v", got)
	}
}

func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }
