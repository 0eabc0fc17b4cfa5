package grammar_test

import (
	"fmt"

	"github.com/recq/recq/grammar"
)

func ExampleParseFilter() {
	f, err := grammar.ParseFilter(`duration>600 and (agentID==bill or agentID=in=('ann b',c\,d))`)
	if err != nil {
		panic(err)
	}
	and := f.Or.First
	fmt.Println(and.First.Comparison.Selector, and.First.Comparison.Op(), and.First.Comparison.Values()[0])
	group := and.Rest[0].Constraint.Group
	for _, branch := range group.Branches() {
		c := branch.First.Comparison
		for _, v := range c.Values() {
			fmt.Printf("%s %s %s -> %q\n", c.Selector, c.Op(), v, v.Text())
		}
	}
	fmt.Println(f)

	for _, bad := range []string{"agentID==", "agentID==bill AND duration>600", "agentID==(bill)"} {
		_, err = grammar.ParseFilter(bad)
		fmt.Println(err)
	}
	// Output:
	// duration > 600
	// agentID == bill -> "bill"
	// agentID =in= 'ann b' -> "ann b"
	// agentID =in= c\,d -> "c,d"
	// duration>600 and (agentID==bill or agentID=in=('ann b',c\,d))
	// 1:10: unexpected token "<EOF>" (expected Value)
	// 1:14: lexer: invalid input text " AND duration>60..."
	// 1:10: unexpected token "(" (expected Value)
}
