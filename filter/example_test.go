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

// A query-builder UI sends the JSON form and gets back per-variable faults.
func ExampleQuery_UnmarshalJSON() {
	var q filter.Query
	err := json.Unmarshal([]byte(`{"resource":"files","d":"today-1d,today","fields":{"agentId":"bill"},"n":0}`), &q)
	for _, e := range err.(filter.ErrorList) {
		b, _ := json.Marshal(e)
		fmt.Println(string(b))
	}
	// Output:
	// {"variable":"agentId","pos":-1,"message":"unknown variable \"agentId\"","hint":"did you mean agentID?"}
	// {"variable":"n","pos":-1,"message":"n counts from 1, not 0","hint":"n is the 1-based index of the first record: n=1, n=51, n=101 …"}
}
