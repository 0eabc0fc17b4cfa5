package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// evalCommand prints the body the API would answer for a GET, over records
// read from the --data files (eval_help.go).
func evalCommand(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	fs := newFlags("eval")
	data := fs.String("data", "", "comma-separated XML, JSON or CSV files of records, in the API's own shapes")
	nowText := fs.String("now", "", "the clock reading that today means (default: the current time)")
	tenantName := fs.String("tenant-tz", "UTC", "the tenant's IANA time zone, for queries without tz")
	if err := fs.Parse(args); err != nil {
		return flagError("eval", fs, err, stdout, stderr)
	}
	if fs.NArg() != 1 || *data == "" {
		usageError(stderr, "eval", "expected --data FILE[,FILE...] and one REQUEST")
		return 1
	}
	now, tenant, ok := clockAndZone("recq eval", *nowText, *tenantName, stderr, clock)
	if !ok {
		return 1
	}
	q, err := filter.Parse("GET", fs.Arg(0))
	if err != nil {
		return rejectRequest("recq eval", err, fs.Arg(0), stdout, stderr)
	}
	files, transcripts, err := readData(strings.Split(*data, ","))
	if err != nil {
		fmt.Fprintf(stderr, "recq eval: %v\n", err)
		return 1
	}
	store := recq.Memory(record.NewStore(files, transcripts))
	w := bufio.NewWriter(stdout)
	err = recq.Answer(context.Background(), w, q, store, now, tenant)
	if filter.Faults(err) != nil {
		return rejectRequest("recq eval", err, fs.Arg(0), stdout, stderr)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "recq eval: %v\n", err)
		return 1
	}
	return 0
}

// readData reads every data file, each in the format its suffix names, and
// each holding files or transcripts.
func readData(paths []string) ([]record.File, []record.Transcript, error) {
	var files []record.File
	var transcripts []record.Transcript
	var seen keys
	for _, path := range paths {
		f, ts, err := readDataFile(path)
		if err != nil {
			return nil, nil, err
		}
		if err := seen.add(path, f, ts); err != nil {
			return nil, nil, err
		}
		files = append(files, f...)
		transcripts = append(transcripts, ts...)
	}
	return files, transcripts, nil
}

func readDataFile(path string) ([]record.File, []record.Transcript, error) {
	format, ok := encode.DetectFormat(path)
	if !ok {
		return nil, nil, fmt.Errorf("%s: the name must end in .xml, .json or .csv", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	files, transcripts, err := encode.ReadRecords(f, format)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err) // a ReadError says its line and record
	}
	return files, transcripts, nil
}
