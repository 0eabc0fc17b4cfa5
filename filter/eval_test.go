package filter_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

func zone(t testing.TB, name string) *time.Location {
	loc, err := timezone.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func at(t testing.TB, s string) time.Time {
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// names returns the filenames of a page, to compare pages briefly.
func names(files []record.File) []string {
	out := []string{}
	for _, f := range files {
		out = append(out, f.Filename)
	}
	return out
}

func evalFiles(t *testing.T, target string, files []record.File, now time.Time, tenant *time.Location) []string {
	t.Helper()
	q, err := filter.Parse("GET", target)
	if err != nil {
		t.Fatal(err)
	}
	p, err := filter.Compile(q, now, tenant)
	if err != nil {
		t.Fatal(err)
	}
	return names(p.Files(record.NewStore(files, nil)))
}

func TestEvalRules(t *testing.T) {
	la := zone(t, "America/Los_Angeles")
	doc := record.File{StartDate: at(t, "2007-12-19T19:16:36-08:00"), AgentID: "bill", PhoneNumber: "bill", Channel: "5027780",
		CaseID: "0", Duration: 27, Filename: "S20071220/R2007122003163601000.wav", QueueID: "fernandez~~queue~~phone~~102", QueueName: "phoneq1",
		MetaData: []record.MetaData{{FieldName: "Number of alphabets in your native language", FieldValue: "26"}, {FieldName: "Color", FieldValue: "Blue"}}}
	// The same call seen from other offsets: instants compare, not texts.
	elsewhere := doc
	elsewhere.StartDate = doc.StartDate.In(time.FixedZone("", 5*3600+1800))
	elsewhere.Filename = "S20071220/R2.wav"
	sp := record.File{StartDate: at(t, "2018-11-04T01:00:00-02:00"), Filename: "S20181104/R1.wav", AgentID: "jo"}
	spBefore := record.File{StartDate: at(t, "2018-11-03T23:59:59-03:00"), Filename: "S20181103/R1.wav", AgentID: "jo"}
	now := at(t, "2026-11-25T12:00:00Z")
	tests := []struct {
		name, target string
		files        []record.File
		tenant       *time.Location
		want         []string
	}{
		{"agentID matches exactly", "/files?agentID=bill", []record.File{doc}, la, []string{doc.Filename}},
		{"agentID is case-sensitive", "/files?agentID=Bill", []record.File{doc}, la, []string{}},
		{"duration as written", "/files?duration=27", []record.File{doc}, la, []string{doc.Filename}},
		{"duration=027 is not the text 27", "/files?duration=027", []record.File{doc}, la, []string{}},
		{"empty outDialCode", "/files?outDialCode=", []record.File{doc}, la, []string{doc.Filename}},
		{"d is the day in the tenant zone", "/files?d=2007-12-19", []record.File{doc, elsewhere}, la, []string{elsewhere.Filename, doc.Filename}},
		{"d in UTC misses it", "/files?d=2007-12-19&tz=UTC", []record.File{doc}, la, []string{}},
		{"d is half-open", "/files?d=2007-12-19T00:00-08:00,2007-12-19T19:16:36-08:00", []record.File{doc}, la, []string{}},
		{"start-date 5 s early is in", "/files?start-date=2007-12-19T19:16:31-08:00", []record.File{doc}, la, []string{doc.Filename}},
		{"start-date 6 s early is out", "/files?start-date=2007-12-19T19:16:30-08:00", []record.File{doc}, la, []string{}},
		{"start-date 5 s late is in", "/files?start-date=2007-12-19T19:16:41-08:00", []record.File{doc}, la, []string{doc.Filename}},
		{"start-date 6 s late is out", "/files?start-date=2007-12-19T19:16:42-08:00", []record.File{doc}, la, []string{}},
		{"finish-date is start plus duration", "/files?finish-date=2007-12-19%2019:17:03-08:00", []record.File{doc}, la, []string{doc.Filename}},
		{"finish-date 5 s off is in", "/files?finish-date=2007-12-20T03:17:08Z", []record.File{doc}, la, []string{doc.Filename}},
		{"finish-date 6 s off is out", "/files?finish-date=2007-12-20T03:17:09Z", []record.File{doc}, la, []string{}},
		{"the document's post-call lookup", "/files?agentID=bill&phoneNumber=bill&finish-date=2007-12-20%2003:17:03Z", []record.File{doc}, la, []string{doc.Filename}},
		{"metadata substring", "/files?metaData_fieldName=alphabets%20in", []record.File{doc}, la, []string{doc.Filename}},
		{"metadata is case-sensitive", "/files?metaData_fieldName=Alphabets", []record.File{doc}, la, []string{}},
		{"name and value on one entry", "/files?metaData_fieldName=Color&metaData_fieldValue=Blue", []record.File{doc}, la, []string{doc.Filename}},
		{"name and value on different entries", "/files?metaData_fieldName=Color&metaData_fieldValue=26", []record.File{doc}, la, []string{}},
		{"no metadata never matches", "/files?metaData_fieldValue=", []record.File{sp}, la, []string{}},
		{"Sao Paulo's day starts at 01:00", "/files?d=2018-11-04&tz=America/Sao_Paulo", []record.File{spBefore, sp}, la, []string{sp.Filename}},
		{"today in Sao Paulo", "/files?d=today-2943d&tz=America/Sao_Paulo", []record.File{spBefore, sp}, la, []string{sp.Filename}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := evalFiles(t, tt.target, tt.files, now, tt.tenant)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.target, diff)
			}
		})
	}
}

func TestEvalPages(t *testing.T) {
	var files []record.File
	start := at(t, "2007-08-05T00:00:00Z")
	for i := 0; i < 120; i++ {
		files = append(files, record.File{StartDate: start.Add(time.Duration(i/2) * time.Minute), Filename: fmt.Sprintf("S20070805/R%03d.wav", 119-i)})
	}
	all := names(record.NewStore(files, nil).AllFiles())
	for _, tt := range []struct {
		n    string
		want []string
	}{
		{"", all[:50]}, {"1", all[:50]}, {"51", all[50:100]}, {"101", all[100:]}, {"121", []string{}}, {"1000000000", []string{}},
	} {
		t.Run("n="+tt.n, func(t *testing.T) {
			target := "/files"
			if tt.n != "" {
				target += "?n=" + tt.n
			}
			if diff := cmp.Diff(tt.want, evalFiles(t, target, files, start, time.UTC)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// Ties on startDate are broken by filename.
	if all[0] != "S20070805/R118.wav" || all[1] != "S20070805/R119.wav" {
		t.Errorf("order starts %v", all[:2])
	}
}

// Evaluating q and canonical(q) gives the same page, for any records.
func TestPropertyCanonicalEvaluatesAlike(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		files := fuzz.Files(30).Draw(t, "files")
		ts := fuzz.Transcripts(30).Draw(t, "transcripts")
		transcripts := rapid.Bool().Draw(t, "onTranscripts")
		r := fuzz.QueryFor(transcripts).Draw(t, "query")
		now, tenant := fuzz.Instant().Draw(t, "now"), time.FixedZone("", -8*3600)
		q, err := filter.Parse(r.Method, r.Target)
		if err != nil {
			t.Fatalf("%s: %v", r.Target, err)
		}
		c, err := filter.Parse("GET", encode.Canonical(q))
		if err != nil {
			t.Fatal(err)
		}
		p1, err1 := filter.Compile(q, now, tenant)
		p2, err2 := filter.Compile(c, now, tenant)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("%s compiles (%v), its canonical form (%v)", r.Target, err1, err2)
		}
		if err1 != nil {
			return
		}
		s := record.NewStore(files, ts)
		if transcripts {
			if diff := cmp.Diff(p1.Transcripts(s), p2.Transcripts(s)); diff != "" {
				t.Fatalf("%s and %s differ:\n%s", r.Target, encode.Canonical(q), diff)
			}
			return
		}
		if diff := cmp.Diff(p1.Files(s), p2.Files(s)); diff != "" {
			t.Fatalf("%s and %s differ:\n%s", r.Target, encode.Canonical(q), diff)
		}
	})
}

// The pages n = 1, 51, 101, … are disjoint and together are the whole
// ordered result, which is the brute-force filter of every record.
func TestPropertyPagesPartitionTheResult(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		files := fuzz.Files(160).Draw(t, "files")
		r := fuzz.QueryFor(false).Draw(t, "query")
		q, err := filter.Parse(r.Method, r.Target)
		if err != nil {
			t.Fatal(err)
		}
		now := fuzz.Instant().Draw(t, "now")
		p, err := filter.Compile(q, now, time.UTC)
		if err != nil {
			return
		}
		s := record.NewStore(files, nil)
		var want []record.File
		for _, f := range s.AllFiles() {
			if p.File(&f) {
				want = append(want, f)
			}
		}
		var got []record.File
		for n := 1; ; n += filter.DefaultPageSize {
			q.N = n
			pn, _ := filter.Compile(q, now, time.UTC)
			page := pn.Files(s)
			got = append(got, page...)
			if len(page) < filter.DefaultPageSize {
				break
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: pages (-whole +concatenated):\n%s", r.Target, diff)
		}
	})
}
