package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDataDuplicateAcrossFiles: a record in two --data files is refused as
// one given twice in a file is (issue 14, finding 7).
func TestDataDuplicateAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	header := "startDate,duration,filename\r\n"
	a := filepath.Join(dir, "a.csv")
	b := filepath.Join(dir, "b.csv")
	os.WriteFile(a, []byte(header+"2007-12-20T10:00:00Z,1,S20071220/R1.wav\r\n"), 0o600)
	os.WriteFile(b, []byte(header+"2007-12-20T10:01:00Z,1,S20071220/R2.wav\r\n2007-12-20T10:00:00Z,1,S20071220/R1.wav\r\n"), 0o600)
	_, _, err := readData([]string{a, b})
	if err == nil {
		t.Fatal("a record in two files is taken")
	}
	for _, want := range []string{b + ": file 2:", `"S20071220/R1.wav"`, a + " has it too"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error %q does not say %q", err, want)
		}
	}
	if _, _, err := readData([]string{a}); err != nil {
		t.Errorf("one file: %v", err)
	}
}

// TestDataRefusesUnopenableGUID: a transcript whose interactionGUID the
// API's path refuses is refused by --data with its file, line and record
// (issue 21, finding 7), as other faults of a file are; the same file
// with a GUID the path takes is read.
func TestDataRefusesUnopenableGUID(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	header := "startDate,duration,interactionGUID\r\n"
	os.WriteFile(bad, []byte(header+"2007-12-20T10:00:00Z,1,int-1\r\n2007-12-20T10:00:00Z,1,int 2/x\r\n"), 0o600)
	_, _, err := readData([]string{bad})
	if err == nil || !strings.Contains(err.Error(), bad+": line 3: record 2: interactionGUID:") {
		t.Fatalf("--data with a GUID the path refuses: %v", err)
	}
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte(header+"2007-12-20T10:00:00Z,1,int-1\r\n2007-12-20T10:00:00Z,1,int-2_x\r\n"), 0o600)
	if _, ts, err := readData([]string{good}); err != nil || len(ts) != 2 {
		t.Errorf("--data with GUIDs the path takes: %d transcripts, %v", len(ts), err)
	}
}
