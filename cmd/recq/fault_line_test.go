package main

import (
	"regexp"
	"strings"
	"testing"
)

// A refused request's lines on standard error give each fault one position
// (where its span starts in the request as given, as in the JSON's
// span.start), and the request is drawn once with carets under every
// fault, as go vet lists several.
func TestFaultLinesAndCarets(t *testing.T) {
	req := "/files?d=2007-08-05T13:15+05:30&tz=america/new_york&n=0"
	status, _, stderr := runArgs("parse", req)
	if status != 2 {
		t.Fatalf("exit %d", status)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	want := []string{
		"recq parse: d at 25: plus-as-space: ",
		"recq parse: tz at 35: unknown-zone: ",
		"recq parse: n at 54: bad-page: ",
	}
	if len(lines) != len(want)+2 {
		t.Fatalf("stderr:\n%s", stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want the prefix %q", i, lines[i], w)
		}
		if strings.Contains(lines[i], ": 16:") || regexp.MustCompile(`at \d+-\d+`).MatchString(lines[i]) {
			t.Errorf("line %d = %q: more than one position", i, lines[i])
		}
	}
	if lines[3] != "  "+req {
		t.Errorf("request line %q", lines[3])
	}
	if got := regexp.MustCompile(`\^+`).FindAllStringIndex(lines[4], -1); len(got) != 3 || got[0][0] != 2+25 || got[1][0] != 2+35 || got[2][0] != 2+54 {
		t.Errorf("caret line %q: runs at %v", lines[4], got)
	}
	// recq eval draws the request too.
	if _, _, stderr := runArgs("eval", "--data", "testdata/data/document-files.csv", req); !strings.Contains(stderr, "\n  "+req+"\n") {
		t.Errorf("recq eval's stderr:\n%s", stderr)
	}
}
