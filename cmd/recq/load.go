package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
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
	// A run that more than doubles the store builds the indexes that
	// enforce nothing once, at its end (docs/POSTGRES.md, "A run of loads").
	restore, err := s.SetAside(ctx, estimateRun(fs.Args()))
	if err != nil {
		fmt.Fprintf(stderr, "recq load: %v\n", err)
		return 1
	}
	status := 0
	for _, path := range fs.Args() {
		if err := loadFile(ctx, s, path, stdout, stderr, clock); err != nil {
			fmt.Fprintf(stderr, "recq load: %v; nothing of it was loaded\n", err)
			status = 1
		}
	}
	// However the run went, the indexes come back, even after an interrupt;
	// if the process is killed meanwhile, `recq db init` builds them.
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "recq load: interrupted; building the indexes set aside for the run (if this is stopped, recq db init builds them)")
	}
	if err := restore(context.WithoutCancel(ctx)); err != nil {
		fmt.Fprintf(stderr, "recq load: %v\n", err)
		return 1
	}
	if err := s.Analyze(ctx); err != nil { // the planner's statistics after a bulk load
		fmt.Fprintf(stderr, "recq load: %v\n", err)
		return 1
	}
	return status
}

// loadFile streams the records of path into the store: the file is read
// in one goroutine while its records are copied into the database
// (docs/POSTGRES.md, "Loading"); a fault of the text or a refused record
// rolls the whole file back.
func loadFile(ctx context.Context, s *postgres.Store, path string, stdout, stderr io.Writer, clock func() time.Time) error {
	start := clock()
	format, ok := encode.DetectFormat(path)
	if !ok {
		return fmt.Errorf("%s: the name must end in .xml, .json or .csv", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	expect := estimateRecords(f, format)
	progress := func(int) {}
	if isTerminal(stderr) {
		progress = func(n int) {
			fmt.Fprintf(stderr, "\r%s: %d of about %d records, %s", path, n, expect, took(n, clock().Sub(start)))
		}
	}
	files, transcripts, err := s.LoadStream(ctx, expect, func(file func(*record.File) error, transcript func(*record.Transcript) error) error {
		return encode.StreamRecords(f, format, file, transcript)
	}, progress)
	if isTerminal(stderr) {
		fmt.Fprintln(stderr)
	}
	if err != nil {
		// A *encode.ReadError says its line and record, a
		// *postgres.LoadError its record.
		return fmt.Errorf("%s: %w", path, err)
	}
	total := files + transcripts
	fmt.Fprintf(stdout, "%s: %s and %s loaded %s\n", path, count(files, "file", "files"), count(transcripts, "transcript", "transcripts"), took(total, clock().Sub(start)))
	return nil
}

// estimateRun adds up estimateRecords over the files of a run; a file that
// cannot be opened counts nothing here and is refused when its turn comes.
func estimateRun(paths []string) int {
	n := 0
	for _, path := range paths {
		format, ok := encode.DetectFormat(path)
		if !ok {
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		n += estimateRecords(f, format)
		f.Close()
	}
	return n
}

// estimateRecords guesses how many records f holds from its size and the
// records in its first 256 KiB (a row of CSV after the header, a startDate
// of XML or JSON: one per file or transcript), for the load's choice of
// building indexes at its end (postgres/bulk.go): exact for a file of at
// most 256 KiB with one record a line. A wrong guess costs time, not
// records.
func estimateRecords(f *os.File, format filter.Format) int {
	st, err := f.Stat()
	if err != nil {
		return 1
	}
	head := make([]byte, 256<<10)
	n, _ := f.ReadAt(head, 0)
	head = head[:n]
	var mark string
	switch format {
	case filter.CSV:
		mark = "\n"
	case filter.XML:
		mark = "<startDate"
	default:
		mark = `"startDate"`
	}
	seen := bytes.Count(head, []byte(mark))
	if format == filter.CSV {
		seen-- // the header row
	}
	if n == 0 || seen <= 0 {
		return 1
	}
	return max(1, int(int64(seen)*st.Size()/int64(n)))
}

// took says how long n records took to load, and how many records a
// second that is when the load is long enough for a rate to mean
// something (a second and a thousand records at least): "in 4ms" for one
// record, not "250 records/s".
func took(n int, d time.Duration) string {
	switch {
	case d < 0:
		d = 0
	case d < time.Millisecond:
		d = d.Round(time.Microsecond)
	case d < time.Second:
		d = d.Round(time.Millisecond)
	default:
		d = d.Round(100 * time.Millisecond)
	}
	s := "in " + d.String()
	if n >= minRateRecords && d >= time.Second {
		s += fmt.Sprintf(" (%.0f records/s)", float64(n)/d.Seconds())
	}
	return s
}

// minRateRecords is the fewest records whose load rate recq load reports.
const minRateRecords = 1000

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
