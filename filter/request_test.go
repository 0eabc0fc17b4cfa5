//go:build !js

package filter_test

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

func TestParseURLAndRequest(t *testing.T) {
	u, err := url.Parse("https://vcc-na1.8x8.com/api/recordings/files.json?d=2007-08-05%2013:15Z,2007-08-07%2014:30Z&agentID=bill")
	if err != nil {
		t.Fatal(err)
	}
	q, err := filter.ParseURL("GET", u)
	if err != nil {
		t.Fatal(err)
	}
	const want = "/files.json?d=2007-08-05T13:15Z,2007-08-07T14:30Z&agentID=bill"
	if got := encode.Canonical(q); got != want {
		t.Errorf("ParseURL: %s, want %s", got, want)
	}

	r := httptest.NewRequest("DELETE", "/api/recordings/transcripts/int-14a0", nil)
	q, err = filter.ParseRequest(r)
	if err != nil || q.Resource != filter.Transcript || q.ID != "int-14a0" || q.Method != "DELETE" {
		t.Errorf("ParseRequest: %+v, %v", q, err)
	}

	// An encoded slash stays encoded: url.URL keeps it in RawPath, and the
	// path check refuses it rather than see an extra segment.
	u, _ = url.Parse("/api/recordings/files/S20071220%2FR1.wav")
	if _, err := filter.ParseURL("DELETE", u); err == nil {
		t.Error("an encoded slash was accepted")
	}
}
