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
