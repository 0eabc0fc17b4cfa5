package grammar_test

import (
	"fmt"

	"github.com/recq/recq/grammar"
)

func ExampleParseDateRange() {
	r, err := grammar.ParseDateRange("20070805T131500.250Z,2007-08-07 14:30-08:00")
	if err != nil {
		panic(err)
	}
	from, extended, _ := r.From.DateTime()
	fmt.Printf("from: extended=%v %+v\n", extended, from)
	to, extended, _ := r.To.DateTime()
	fmt.Printf("to:   extended=%v %+v\n", extended, to)
	fmt.Println(r)

	_, err = grammar.ParseDateRange("2007-08-05T1315")
	fmt.Println(err != nil)
	// Output:
	// from: extended=false {Year:2007 Month:08 Day:05 Sep:T Hour:13 Minute:15 Second:00 Fraction:250 OffsetSign:Z OffsetHour: OffsetMinute:}
	// to:   extended=true {Year:2007 Month:08 Day:07 Sep:  Hour:14 Minute:30 Second: Fraction: OffsetSign:- OffsetHour:08 OffsetMinute:00}
	// 20070805T131500.250Z,2007-08-07 14:30-08:00
	// true
}

func ExampleEBNF() {
	fmt.Println(grammar.EBNF())
	// Output:
	// DateRange = DateValue ("," DateValue)? .
	// DateValue = Relative | ExtendedDateTime | BasicDateTime .
	// Relative = "today" (("+" | "-") <count> "d")? .
	// ExtendedDateTime = <digit> <digit> <digit> <digit> "-" <digit> <digit> "-" <digit> <digit> (("T" | "t" | " ") <digit> <digit> ":" <digit> <digit> (":" <digit> <digit> ("." <digit> <digit>? <digit>? <digit>? <digit>? <digit>? <digit>? <digit>? <digit>?)?)? (("Z" | "z") | (("+" | "-") <digit> <digit> (":" <digit> <digit>)?))?)? .
	// BasicDateTime = <digit> <digit> <digit> <digit> <digit> <digit> <digit> <digit> (("T" | "t" | " ") <digit> <digit> <digit> <digit> (<digit> <digit> ("." <digit> <digit>? <digit>? <digit>? <digit>? <digit>? <digit>? <digit>? <digit>?)?)? (("Z" | "z") | (("+" | "-") <digit> <digit> (<digit> <digit>)?))?)? .
}
