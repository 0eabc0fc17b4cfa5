package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// clock is the fixed reading the tests run the command at.
func clock() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// The command's runs, each compared with testdata/NAME.golden: its exit
// status, standard output and standard error, as a user sees them.
var runs = []struct {
	name string
	args []string
}{
	{"yesterday_denver", []string{"parse", "/files?d=today-1d,today&tz=America/Denver"}},
	{"document_day", []string{"parse", "https://vcc-naX.8x8.com/api/recordings/files?d=2007-08-05&tz=America/New_York"}},
	{"document_range", []string{"parse", "--tenant-tz", "America/Los_Angeles", "https://vcc-naX.8x8.com/api/recordings/files?d=2007-08-05,2007-08-07"}},
	{"document_times", []string{"parse", "https://vcc-naX.8x8.com/api/recordings/files?d=2007-08-05%2013:15Z,2007-08-07%2014:30Z"}},
	{"document_basic", []string{"parse", "https://vcc-naX.8x8.com/api/recordings/files?d=20070805T1315Z,20070807T1430Z"}},
	{"document_finish_date", []string{"parse", "--tenant-tz", "America/Los_Angeles", "https://vcc-naX.8x8/api/recordings/files?agentID=bill&channel=8005557780&phoneNumber=4155551234&finish-date=2007-12-19 19:16:58Z"}},
	{"start_and_finish", []string{"parse", "/transcripts.json?start-date=2007-12-19&finish-date=2007-12-19T19:17Z"}},
	{"sao_paulo_gap", []string{"parse", "--now", "2018-11-04T12:00:00Z", "/files.csv?d=today&tz=America/Sao_Paulo&metaData_fieldName=alphabets+in&n=51"}},
	{"delete_file", []string{"parse", "--method", "DELETE", "/api/recordings/files/S20071220/R200712200316361000.wav"}},
	{"transcript", []string{"parse", "/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant.json"}},
	{"plus_as_space", []string{"parse", "/files?d=2007-08-05T13:15+05:30"}},
	{"many_faults", []string{"parse", "/files.txt?d=2007-02-30&Start-Date=today&n=0&tz=america/new_york"}},
	{"reversed_relative", []string{"parse", "/files?d=2026-11-25,today"}},
	{"eval_json", []string{"eval", "--data", "testdata/data/document-files.xml,testdata/data/document-transcripts.json", "--tenant-tz", "America/Los_Angeles", "/files.json?agentID=bill"}},
	{"eval_csv", []string{"eval", "--data", "testdata/data/document-files.csv", "/files.csv?duration=27&d=2007-12-19&tz=America/Los_Angeles"}},
	{"eval_empty_page", []string{"eval", "--data", "testdata/data/document-files.csv", "/files.xml?duration=027"}},
	{"eval_one_transcript", []string{"eval", "--data", "testdata/data/document-transcripts.xml", "--tenant-tz", "America/Los_Angeles", "/api/recordings/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant.json"}},
	{"eval_metadata", []string{"eval", "--data", "testdata/data/document-transcripts.xml", "/transcripts.csv?metaData_fieldName=olo&metaData_fieldValue=Blue"}},
	{"eval_bad_request", []string{"eval", "--data", "testdata/data/document-files.csv", "/files?n=0"}},
	{"eval_bad_data", []string{"eval", "--data", "testdata/data/bad-date.xml", "/files"}},
	{"eval_no_data", []string{"eval", "/files"}},
	{"usage_unknown_flag", []string{"parse", "--zone", "UTC", "/files"}},
	{"usage_no_request", []string{"parse"}},
	{"usage_bad_now", []string{"parse", "--now", "yesterday", "/files"}},
	{"now_date", []string{"parse", "--now", "2026-11-25", "--tenant-tz", "America/Denver", "/files?d=today"}},
	{"eval_unknown_transcript", []string{"eval", "--data", "testdata/data/document-transcripts.xml", "/transcripts/int-nope.json"}},
	{"eval_past_year_9999", []string{"eval", "--data", "testdata/data/document-files.csv", "/files?d=9999-12-31"}},
	{"help_parse", []string{"help", "parse"}},
	{"filter_denver", []string{"parse", "/files?filter=duration=gt=600;(agentID==bill,agentID==ann)&tz=America/Denver"}},
	{"filter_dates", []string{"parse", "--tenant-tz", "America/Sao_Paulo", "--now", "2018-11-04T12:00:00Z", "/files?filter=startDate=ge=today-1d;startDate=lt=2018-11-04T12:30,finishDate=in=(today,2018-11-05)"}},
	{"filter_faults", []string{"parse", "/files?filter=agentId==bill;duration=gt=10m;queueName=gt=x;startDate=ge=today%2B1d"}},
	{"filter_plus", []string{"parse", "/files?filter=agentID==bill;startDate=ge=today+1d"}},
	{"eval_filter", []string{"eval", "--data", "testdata/data/document-files.xml", "--tenant-tz", "America/Los_Angeles", "/files.csv?filter=duration=gt=20;(agentID==b*,transactionCode.name==Gauffre*)"}},
	{"eval_filter_none", []string{"eval", "--data", "testdata/data/document-files.xml", "--tenant-tz", "America/Los_Angeles", "/files.csv?filter=transactionCode.name!=Gauffre*"}},
}

func TestRun(t *testing.T) {
	for _, tt := range runs {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(tt.args, &stdout, &stderr, clock)
			got := "$ recq " + strings.Join(tt.args, " ") + "\nexit " + strconv.Itoa(status) + "\n-- stdout --\n" + stdout.String() + "-- stderr --\n" + stderr.String()
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("recq %s:\n%s\nwant:\n%s", strings.Join(tt.args, " "), got, want)
			}
			if tt.args[0] == "parse" && status != 1 && !json.Valid(stdout.Bytes()) {
				t.Errorf("stdout is not JSON: %s", stdout.String())
			}
		})
	}
}
