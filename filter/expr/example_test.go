package expr_test

import (
	"fmt"
	"time"

	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

// A filter is parsed for a resource, written in its canonical form, its
// dates resolved against a clock and a zone, and compiled into a predicate.
func Example() {
	e, err := expr.Parse("duration>600 and (agentID==bill or agentID==ann*);startDate=ge=today-7d", expr.Files, expr.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e)
	denver, _ := timezone.Load("America/Denver")
	now := time.Date(2026, 12, 7, 18, 0, 0, 0, time.UTC)
	match := expr.CompileFiles(e, e.Resolve(now, denver))
	f := record.File{AgentID: "annie", Duration: 900, StartDate: time.Date(2026, 12, 1, 9, 0, 0, 0, denver)}
	fmt.Println(match(&f))
	// Output:
	// duration=gt=600;(agentID==bill,agentID==ann*);startDate=ge=today-7d
	// true
}

// A fault says where it is and how to fix it.
func ExampleParse_fault() {
	_, err := expr.Parse("agentId==bill;duration=gt=10m", expr.Files, expr.Options{})
	for _, e := range err.(expr.ErrorList) {
		fmt.Println(e.Code, e.Start, e.End, e.Suggestions)
	}
	// Output:
	// unknown-selector 0 7 [agentID]
	// bad-value 26 29 [600]
}
