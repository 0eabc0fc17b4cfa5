package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/recq/recq/postgres"
)

// loadCommand is `recq load --db URL FILE...`: it adds the records of each
// XML, JSON or CSV file to the PostgreSQL store, each file in one
// transaction, so a refused file (said with its line and record) leaves
// nothing of itself behind. Progress goes to standard error when that is a
// terminal; a summary line per file to standard output.
func loadCommand(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	fs := newFlags("load")
	url := fs.String("db", "", "the PostgreSQL database, as pgx takes it: "+exampleDB)
	if err := fs.Parse(args); err != nil {
		return flagError("load", fs, err, stdout, stderr)
	}
	if *url == "" || fs.NArg() == 0 {
		usageError(stderr, "load", "expected --db URL and one or more FILEs")
		return 1
	}
	ctx, s, done, err := openDB(*url)
	if err != nil {
		fmt.Fprintf(stderr, "recq load: %v\n", err)
		return 1
	}
	defer done()
	status := 0
	for _, path := range fs.Args() {
		if err := loadFile(ctx, s, path, stdout, stderr, clock); err != nil {
			fmt.Fprintf(stderr, "recq load: %v; nothing of it was loaded\n", err)
			status = 1
		}
	}
	if err := s.Analyze(ctx); err != nil { // the planner's statistics after a bulk load
		fmt.Fprintf(stderr, "recq load: %v\n", err)
		return 1
	}
	return status
}

func loadFile(ctx context.Context, s *postgres.Store, path string, stdout, stderr io.Writer, clock func() time.Time) error {
	start := clock()
	files, transcripts, err := readDataFile(path)
	if err != nil {
		return err // it names the path, and the line and record of a fault
	}
	total := len(files) + len(transcripts)
	progress := func(int) {}
	if isTerminal(stderr) {
		progress = func(n int) {
			fmt.Fprintf(stderr, "\r%s: %d of %d records, %s", path, n, total, rate(n, clock().Sub(start)))
		}
	}
	err = s.Load(ctx, files, transcripts, progress)
	if isTerminal(stderr) {
		fmt.Fprintln(stderr)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err) // a *postgres.LoadError names the record
	}
	fmt.Fprintf(stdout, "%s: %s and %s loaded, %s\n", path, count(len(files), "file", "files"), count(len(transcripts), "transcript", "transcripts"), rate(total, clock().Sub(start)))
	return nil
}

// rate says how many records a second n records in d are.
func rate(n int, d time.Duration) string {
	if d <= 0 {
		return fmt.Sprintf("%d records", n)
	}
	return fmt.Sprintf("%.0f records/s", float64(n)/d.Seconds())
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
