package server

import (
	"net/http"
	"strings"
	"testing"
)

// A server stands in for the API: it refuses filter= with not-in-api, in
// the requested format, unless Config.Filter says to answer it.
func TestFilterRefusedByDefault(t *testing.T) {
	s, _ := newTest(t, Config{})
	for _, c := range []struct{ path, want string }{
		{"/api/recordings/files.json?filter=agentID==bill", `"code":"not-in-api"`},
		{"/api/recordings/files.csv?filter=agentID==bill", "not-in-api"},
		{"/api/recordings/files?filter=agentID==bill", "<code>not-in-api</code>"},
		{"/api/recordings/transcripts.json?filter=metaData.fieldValue==Blue", `"code":"not-in-api"`},
	} {
		res := do(t, s, "GET", c.path)
		expect(t, res, http.StatusBadRequest, c.path)
		if !strings.Contains(res.body, c.want) {
			t.Errorf("%s: body %s, want %s", c.path, res.body, c.want)
		}
		if strings.Contains(res.body, docFile) {
			t.Errorf("%s: answered records: %s", c.path, res.body)
		}
	}
	// The span of the fault is the whole filter=… pair.
	res := do(t, s, "GET", "/api/recordings/files.json?n=2&filter=agentID==bill")
	if !strings.Contains(res.body, `"span":{"start":31,"end":51}`) {
		t.Errorf("span: %s", res.body)
	}
}

// With Config.Filter the same requests are answered exactly; a fault in a
// filter is a 400 in the requested format like any other.
func TestFilterAnswered(t *testing.T) {
	s, _ := newTest(t, Config{Filter: true})
	res := do(t, s, "GET", "/api/recordings/files.csv?filter=agentID==bill,duration=gt=59;agentID==jo%3BstartDate=ge=2007-12-20T10:61Z")
	expect(t, res, http.StatusBadRequest, "bad minute")
	if !strings.Contains(res.body, "bad-date-part") {
		t.Errorf("bad minute: %s", res.body)
	}
	res = do(t, s, "GET", "/api/recordings/files.csv?filter=agentID==bill,duration=gt=59;agentID==jo%3BstartDate=ge=2007-12-20T11:50Z")
	expect(t, res, http.StatusOK, "filter")
	lines := strings.Split(strings.TrimSpace(res.body), "\n")
	// bill's file, and jo's files from 11:50 on: minutes 111, 113, …, 117 (i odd).
	if len(lines) != 1+1+4 || !strings.Contains(lines[1], docFile) {
		t.Fatalf("got %d lines:\n%s", len(lines), res.body)
	}
	for _, l := range lines[2:] {
		if !strings.Contains(l, ",jo,") {
			t.Errorf("not jo's: %s", l)
		}
	}
	res = do(t, s, "GET", "/api/recordings/transcripts.json?filter=metaData.fieldValue==Ch*")
	expect(t, res, http.StatusOK, "transcripts")
	if !strings.Contains(res.body, guid) {
		t.Errorf("transcripts: %s", res.body)
	}
	res = do(t, s, "GET", "/api/recordings/transcripts.json?filter=metaData.fieldValue!=Ch*")
	if strings.Contains(res.body, guid) {
		t.Errorf("transcripts !=: %s", res.body)
	}
}
