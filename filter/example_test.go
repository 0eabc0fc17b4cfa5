package filter_test

import (
	"encoding/json"
	"fmt"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

func ExampleParse() {
	q, err := filter.Parse("GET", "/files?agentID=bill&channel=8005557780&finish-date=2007-12-19%2019:16:58Z")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Resource, q.Format, q.Fields, q.FinishDate)
	fmt.Println(encode.Canonical(q))
	// Output:
	// files xml [{agentID bill} {channel 8005557780}] 2007-12-19T19:16:58Z
	// /files?finish-date=2007-12-19T19:16:58Z&agentID=bill&channel=8005557780
}

// A query-builder UI sends the JSON form and gets back per-variable faults,
// each placed on the key it wrote and spanning the text at fault.
func ExampleQuery_UnmarshalJSON() {
	in := `{"resource":"files","d":"today-1d,today","fields":{"agentId":"bill"},"n":0}`
	var q filter.Query
	err := json.Unmarshal([]byte(in), &q)
	for _, e := range err.(filter.ErrorList) {
		fmt.Printf("%s %s %q → %q\n", e.Code, e.JSONPath, in[e.Span.Start:e.Span.End], e.Suggestions)
	}
	// Output:
	// unknown-variable fields.agentId "agentId" → ["agentID"]
	// bad-page n "0" → ["1"]
}

// A program points at a fault in the request it sent, and offers the
// suggestions as replacements for that text.
func ExampleError() {
	req := "/files?d=2007-08-05T13:15:00,5Z&tz=america/new_york"
	_, err := filter.Parse("GET", req)
	for _, e := range err.(filter.ErrorList) {
		s := e.Span
		fmt.Printf("%s %s [%d,%d) %q → %q\n", e.Code, e.Variable, s.Start, s.End, req[s.Start:s.End], e.Suggestions)
	}
	// Output:
	// decimal-comma d [28,29) "," → ["."]
	// unknown-zone tz [35,51) "america/new_york" → ["America/New_York"]
}
