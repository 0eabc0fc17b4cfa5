package bench

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// TestWriteLoadFile writes the benchmark's files as one CSV file for
// `recq load` (bench/README.md, "PostgreSQL store"), when RECQ_BENCH_CSV
// is PATH[,COUNT] (default count 1,000,000); otherwise it does nothing.
func TestWriteLoadFile(t *testing.T) {
	spec := os.Getenv("RECQ_BENCH_CSV")
	if spec == "" {
		t.Skip("set RECQ_BENCH_CSV=PATH[,COUNT] to write a CSV file of generated files for recq load")
	}
	path, countText, _ := strings.Cut(spec, ",")
	total := 1_000_000
	if n, err := strconv.Atoi(countText); err == nil && n > 0 {
		total = n
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	// One document: the writer puts the header before the first page only,
	// so the pages are written in one call over all the files.
	fs := pgFiles(0, total, total)
	if err := encode.WriteFiles(w, filter.CSV, fs, time.UTC); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}
