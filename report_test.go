package recq_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq"
	"github.com/recq/recq/filter"
)

func TestDescribe(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, target string
		tenant         *time.Location
		want           string
	}{
		{"GET", "/files?d=2007-08-05&tz=America/New_York", nil,
			`{"method":"GET","resource":"files","format":"xml","canonical":"/files?d=2007-08-05&tz=America/New_York","zone":"America/New_York","d":{"from":"2007-08-05T00:00:00-04:00","to":"2007-08-06T00:00:00-04:00"},"n":1,"warnings":[]}`},
		{"GET", "/transcripts.csv?start-date=2007-12-19T19:16:58.5Z&agentID=bill&metaData_fieldValue=Blue&n=51", la,
			`{"method":"GET","resource":"transcripts","format":"csv","canonical":"/transcripts.csv?start-date=2007-12-19T19:16:58.5Z&agentID=bill&metaData_fieldValue=Blue&n=51","zone":"America/Los_Angeles","startDate":{"from":"2007-12-19T11:16:53.5-08:00","to":"2007-12-19T11:17:03.5-08:00"},"fields":{"agentID":"bill"},"metaData":{"fieldValue":"Blue"},"n":51,"warnings":[]}`},
		{"DELETE", "/files/S20071220/R1.wav", nil,
			`{"method":"DELETE","resource":"file","id":"S20071220/R1.wav","format":"xml","canonical":"/files/S20071220/R1.wav","zone":"UTC","n":1,"warnings":[]}`},
		// Local mean time has an offset with seconds; the window is written to the minute, as recq parse always has.
		{"GET", "/files?d=1800-01-01&tz=America/New_York", nil,
			`{"method":"GET","resource":"files","format":"xml","canonical":"/files?d=1800-01-01&tz=America/New_York","zone":"America/New_York","d":{"from":"1800-01-01T00:00:00-04:56","to":"1800-01-02T00:00:00-04:56"},"n":1,"warnings":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			r, err := recq.Describe(mustParse(t, tt.method, tt.target), testNow, tt.tenant)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want+"\n", b.String()); diff != "" {
				t.Errorf("-want +got:\n%s", diff)
			}
		})
	}
}

// A report's windows are the instants of q.Resolve, in the query's zone.
func TestDescribeWindows(t *testing.T) {
	q := mustParse(t, "GET", "/files?d=today-1d,today&tz=America/Denver&start-date=today&finish-date=today")
	res, err := q.Resolve(testNow, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := recq.Describe(q, testNow, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.D.From != res.Date.From || r.D.To != res.Date.To || r.StartDate.From != res.StartDate.From || r.FinishDate != nil {
		t.Errorf("report %+v %+v %+v, resolved %+v %+v", r.D, r.StartDate, r.FinishDate, res.Date, res.StartDate)
	}
	if !slices.Equal(r.Warnings, q.Warnings) || len(r.Warnings) != 1 || r.Warnings[0].Variable != "finish-date" {
		t.Errorf("warnings %v, want the query's %v", r.Warnings, q.Warnings)
	}
	if r.D.From.Location().String() != "America/Denver" {
		t.Errorf("from in %v", r.D.From.Location())
	}
}

// Instants that a four-digit year cannot write are refused, with their code.
func TestDescribeYears(t *testing.T) {
	for _, target := range []string{
		"/files?d=9999-12-31",
		"/files?d=0000-01-01T00:00%2B00:01",
		"/files?d=9999-12-31T23:59-00:01",
		"/files?start-date=9999-12-31T23:59:58Z",
		"/files?finish-date=0000-01-01",
		"/files?d=0000-01-01T00:00Z&tz=America/New_York",
	} {
		_, err := recq.Describe(mustParse(t, "GET", target), testNow, nil)
		f := filter.Faults(err)
		if len(f) != 1 || f[0].Code != filter.CodeBadDatePart {
			t.Errorf("%s: %v, want one bad-date-part", target, err)
		}
	}
	for _, target := range []string{"/files?d=9999-12-30", "/files?d=0000-01-01", "/files?start-date=9999-12-31T23:59:54Z", "/files?d=0000-01-01T00:00Z,9999-12-31T23:59:59.999999999Z"} {
		if _, err := recq.Describe(mustParse(t, "GET", target), testNow, nil); err != nil {
			t.Errorf("%s: %v", target, err)
		}
	}
}
