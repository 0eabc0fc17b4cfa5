package filter_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/timezone"
)

func mustZone(t testing.TB, name string) *time.Location {
	loc, err := timezone.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func mustRange(t testing.TB, s string) daterange.Range {
	r, err := daterange.ParseRange(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestValidate(t *testing.T) {
	denver := mustZone(t, "America/Denver")
	tests := []struct {
		name     string
		q        filter.Query
		variable string
		code     filter.Code
	}{
		{"the zero query", filter.Query{}, "", ""},
		{"a full list", filter.Query{Method: "GET", Resource: filter.Transcripts, Format: filter.CSV, HasDate: true, Date: mustRange(t, "today-1d,today"),
			Zone: denver, ZoneName: "America/Denver", Fields: []filter.Field{{"agentID", "bill"}, {"channelName", ""}},
			HasMetaName: true, MetaName: "Color", N: 51}, "", ""},
		{"delete one file", filter.Query{Method: "DELETE", Resource: filter.File, ID: "S20071220/R2007122003163601000.wav"}, "", ""},
		{"one transcript", filter.Query{Resource: filter.Transcript, ID: "int-14a0febe466", Format: filter.JSON}, "", ""},
		{"a method", filter.Query{Method: "PUT"}, "method", filter.CodeBadMethod},
		{"a list deleted", filter.Query{Method: "DELETE"}, "method", filter.CodeBadMethod},
		{"a file read", filter.Query{Resource: filter.File, ID: "S20071220/R1.wav"}, "method", filter.CodeBadMethod},
		{"a resource", filter.Query{Resource: 9}, "path", filter.CodeBadQuery},
		{"a format", filter.Query{Format: 7}, "path", filter.CodeBadFormat},
		{"an ID on a list", filter.Query{ID: "x"}, "path", filter.CodeBadPath},
		{"a file without .wav", filter.Query{Method: "DELETE", Resource: filter.File, ID: "S20071220/R1"}, "path", filter.CodeBadPath},
		{"a file path", filter.Query{Method: "DELETE", Resource: filter.File, ID: "../etc/passwd"}, "path", filter.CodeBadPath},
		{"a GUID with a suffix", filter.Query{Resource: filter.Transcript, ID: "int-a.json"}, "path", filter.CodeBadPath},
		{"an empty GUID", filter.Query{Resource: filter.Transcript}, "path", filter.CodeBadPath},
		{"CSV of one transcript", filter.Query{Resource: filter.Transcript, ID: "int-a", Format: filter.CSV}, "path", filter.CodeBadFormat},
		{"variables on one transcript", filter.Query{Resource: filter.Transcript, ID: "int-a", N: 51}, "query", filter.CodeQueryNotAllowed},
		{"a zone without its name", filter.Query{Zone: denver}, "tz", filter.CodeBadQuery},
		{"a name without its zone", filter.Query{ZoneName: "America/Denver"}, "tz", filter.CodeBadQuery},
		{"an unknown zone name", filter.Query{Zone: time.FixedZone("Mars/Olympus", 0), ZoneName: "Mars/Olympus"}, "tz", filter.CodeUnknownZone},
		{"a zone of another name", filter.Query{Zone: denver, ZoneName: "Asia/Tokyo"}, "tz", filter.CodeBadQuery},
		{"start-date and finish-date", filter.Query{HasStartDate: true, HasFinishDate: true}, "finish-date", filter.CodeBadQuery},
		{"an unknown field", filter.Query{Fields: []filter.Field{{"agentId", "bill"}}}, "agentId", filter.CodeUnknownVariable},
		{"a field of the other resource", filter.Query{Fields: []filter.Field{{"agentName", "bill"}}}, "agentName", filter.CodeUnknownVariable},
		{"a variable as a field", filter.Query{Fields: []filter.Field{{"d", "today"}}}, "d", filter.CodeBadQuery},
		{"unsorted fields", filter.Query{Fields: []filter.Field{{"channel", "1"}, {"agentID", "bill"}}}, "agentID", filter.CodeBadQuery},
		{"a field twice", filter.Query{Fields: []filter.Field{{"agentID", "ann"}, {"agentID", "bill"}}}, "agentID", filter.CodeDuplicate},
		{"a control character", filter.Query{Fields: []filter.Field{{"agentID", "bi\x00ll"}}}, "agentID", filter.CodeBadEncoding},
		{"bytes that are not UTF-8", filter.Query{HasMetaValue: true, MetaValue: "\xff"}, "metaData_fieldValue", filter.CodeBadEncoding},
		{"metadata without its flag", filter.Query{MetaName: "Color"}, "metaData_fieldName", filter.CodeBadQuery},
		{"a negative n", filter.Query{N: -1}, "n", filter.CodeBadPage},
		{"n past MaxN", filter.Query{N: filter.MaxN + 1}, "n", filter.CodeBadPage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.q.Validate()
			if tt.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if c := encode.Canonical(&tt.q); c == "" {
					t.Error("no canonical form")
				}
				return
			}
			var l filter.ErrorList
			if !errors.As(err, &l) || len(l) == 0 {
				t.Fatalf("err = %v, want an ErrorList", err)
			}
			if l[0].Variable != tt.variable || l[0].Code != tt.code || l[0].Msg == "" {
				t.Errorf("first fault %q %q %q, want %q %q", l[0].Variable, l[0].Code, l[0].Msg, tt.variable, tt.code)
			}
			if c := encode.Canonical(&tt.q); c != "" {
				t.Errorf("Canonical wrote %q for a query Validate refuses", c)
			}
			if c, err := encode.CanonicalChecked(&tt.q); c != "" || err == nil {
				t.Errorf("CanonicalChecked: %q, %v", c, err)
			}
		})
	}
}

// Validate allocates nothing on a valid query, so Canonical stays free.
func TestValidateAllocs(t *testing.T) {
	q, err := filter.Parse("GET", "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill&channel=8005557780&metaData_fieldName=Color&n=101")
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _ = q.Validate() }); n != 0 {
		t.Errorf("%v allocations", n)
	}
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() { buf = encode.AppendCanonical(buf[:0], q) }); n != 0 {
		t.Errorf("AppendCanonical: %v allocations", n)
	}
}

// A canonical form longer than a request may be is refused, not written.
func TestCanonicalTooLong(t *testing.T) {
	q := filter.Query{Fields: []filter.Field{{"agentID", strings.Repeat(" ", filter.MaxRequestLength/3)}}}
	if err := q.Validate(); err != nil {
		t.Fatal(err)
	}
	if c := encode.Canonical(&q); c != "" {
		t.Errorf("wrote %d bytes", len(c))
	}
	_, err := encode.CanonicalChecked(&q)
	var l filter.ErrorList
	if !errors.As(err, &l) || l[0].Code != filter.CodeTooLong {
		t.Errorf("err = %v, want too-long", err)
	}
}

// Every query that Parse accepts passes Validate.
func TestPropertyParsedQueriesValidate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := fuzz.ValidRequest().Draw(t, "request")
		q, err := filter.Parse(r.Method, r.Target)
		if err != nil {
			t.Fatalf("%q refused: %v", r.Target, err)
		}
		if err := q.Validate(); err != nil {
			t.Fatalf("%s %q: %v", r.Method, r.Target, err)
		}
	})
}

// anyQuery draws a Query as a program might build it: mostly valid, and
// with each part breaking a rule now and then (one draw in ten).
func anyQuery(t *rapid.T) filter.Query {
	odd := func(label string) bool { return rapid.IntRange(0, 9).Draw(t, label) == 0 }
	var q filter.Query
	q.Method = rapid.SampledFrom([]string{"", "GET"}).Draw(t, "method")
	q.Resource = filter.Resource(rapid.SampledFrom([]int{0, 2}).Draw(t, "resource"))
	q.Format = filter.Format(rapid.IntRange(0, 2).Draw(t, "format"))
	switch {
	case odd("one record"):
		q.Method, q.Resource, q.ID = "DELETE", filter.File, rapid.SampledFrom([]string{"S20071220/R2007122003163601000.wav", "S20071220/R1"}).Draw(t, "file")
		q.Format = filter.XML
	case odd("one transcript"):
		q.Resource, q.ID = filter.Transcript, rapid.SampledFrom([]string{"int-14a0febe466", "int-a.json"}).Draw(t, "guid")
	case odd("odd path"):
		q.Method = rapid.SampledFrom([]string{"DELETE", "PUT"}).Draw(t, "odd method")
		q.Resource = filter.Resource(rapid.IntRange(0, 4).Draw(t, "odd resource"))
		q.Format = filter.Format(rapid.IntRange(0, 3).Draw(t, "odd format"))
		q.ID = rapid.SampledFrom([]string{"", "a/b", "int-a"}).Draw(t, "odd id")
	}
	if rapid.Bool().Draw(t, "has d") {
		if r, err := daterange.ParseRange(fuzz.DateRange().Draw(t, "d")); err == nil {
			q.Date, q.HasDate = r, true
		}
	}
	switch {
	case odd("odd zone"):
		if rapid.Bool().Draw(t, "fixed") {
			q.Zone, q.ZoneName = time.FixedZone("Mars/Olympus", 3600), "Mars/Olympus"
		} else {
			q.ZoneName = "America/Denver"
		}
	case rapid.Bool().Draw(t, "has tz"):
		name := fuzz.Zone().Draw(t, "tz")
		if loc, err := timezone.Load(name); err == nil {
			q.Zone, q.ZoneName = loc, name
		}
	}
	if rapid.Bool().Draw(t, "has start-date") {
		if d, err := daterange.ParseValue(fuzz.DateValue().Draw(t, "start-date")); err == nil {
			q.StartDate, q.HasStartDate = d, true
		}
	}
	if (!q.HasStartDate || odd("both dates")) && rapid.Bool().Draw(t, "has finish-date") {
		if d, err := daterange.ParseValue(fuzz.DateValue().Draw(t, "finish-date")); err == nil {
			q.FinishDate, q.HasFinishDate = d, true
		}
	}
	names := filter.FieldNames(q.Resource)
	if len(names) == 0 || odd("odd names") {
		names = append(names, "agentName", "interactionGUID", "n", "Agentid", "startDate")
	}
	text := rapid.OneOf(rapid.StringMatching(`[a-zA-Z0-9 +&=%#?/~-]{0,12}`), rapid.String(), fuzz.AnyText())
	for range rapid.IntRange(0, 4).Draw(t, "fields") {
		q.Fields = append(q.Fields, filter.Field{Name: rapid.SampledFrom(names).Draw(t, "name"), Value: text.Draw(t, "value")})
	}
	if !odd("unsorted") {
		slices.SortFunc(q.Fields, func(a, b filter.Field) int { return strings.Compare(a.Name, b.Name) })
		if !odd("twice") {
			q.Fields = slices.CompactFunc(q.Fields, func(a, b filter.Field) bool { return a.Name == b.Name })
		}
	}
	if q.HasMetaName = rapid.Bool().Draw(t, "has meta name"); q.HasMetaName || odd("odd meta name") {
		q.MetaName = text.Draw(t, "meta name")
	}
	if q.HasMetaValue = rapid.Bool().Draw(t, "has meta value"); q.HasMetaValue || odd("odd meta value") {
		q.MetaValue = text.Draw(t, "meta value")
	}
	q.N = rapid.IntRange(0, 1000).Draw(t, "n")
	if odd("odd n") {
		q.N = rapid.SampledFrom([]int{-1, filter.MaxN, filter.MaxN + 1}).Draw(t, "far n")
	}
	return q
}

// Any Query that Validate accepts round-trips: its canonical form (when it
// is not too long for a request) parses back to the same query, whose
// canonical form is the same string. A query Validate refuses has none.
func TestPropertyValidatedQueriesRoundTrip(t *testing.T) {
	accepted := 0
	rapid.Check(t, func(t *rapid.T) {
		q := anyQuery(t)
		c, cerr := encode.CanonicalChecked(&q)
		if err := q.Validate(); err != nil {
			if c != "" || cerr == nil || encode.Canonical(&q) != "" {
				t.Fatalf("Validate refuses (%v) but the canonical form is %q", err, c)
			}
			return
		}
		if cerr != nil {
			var l filter.ErrorList
			if !errors.As(cerr, &l) || l[0].Code != filter.CodeTooLong {
				t.Fatalf("Validate accepts but CanonicalChecked: %v", cerr)
			}
			return
		}
		accepted++
		method := q.Method
		if method == "" {
			method = "GET"
		}
		back, err := filter.Parse(method, c)
		if err != nil {
			t.Fatalf("canonical %q does not parse: %v", c, err)
		}
		if c2 := encode.Canonical(back); c2 != c {
			t.Fatalf("canonical %q, then %q", c, c2)
		}
		n := max(q.N, 1)
		if back.Resource != q.Resource || back.ID != q.ID || back.Format != q.Format || back.ZoneName != q.ZoneName ||
			back.HasDate != q.HasDate || back.Date != q.Date || back.StartDate != q.StartDate || back.FinishDate != q.FinishDate ||
			!slices.Equal(back.Fields, q.Fields) || back.N != n ||
			back.HasMetaName != q.HasMetaName || back.MetaName != q.MetaName || back.HasMetaValue != q.HasMetaValue || back.MetaValue != q.MetaValue {
			t.Fatalf("%q reads back as %+v, built as %+v", c, back, q)
		}
	})
	t.Logf("%d queries accepted", accepted)
	if accepted == 0 {
		t.Error("no drawn query was valid: the generator tests nothing")
	}
}
