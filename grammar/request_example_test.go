package grammar_test

import (
	"fmt"

	"github.com/recq/recq/grammar"
)

func ExampleParseRequest() {
	r, err := grammar.ParseRequest("https://vcc-naX.8x8.com/api/recordings/files.csv?d=2007-08-05%2013:15Z,today&&agentID=bill+o%27neil#top")
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Origin.Scheme, r.Origin.Host)
	fmt.Println(r.Path.Resource(), r.Path.Format(), r.Path.Prefix)
	for _, p := range r.Query {
		name, value := p.Decode()
		fmt.Printf("%s=%s -> %q=%q\n", p.Name, p.Value, name, value)
	}
	fmt.Println(r.Fragment)
	fmt.Println(r)

	r, _ = grammar.ParseRequest("/files/S20071220/R200712200316361000.wav")
	fmt.Println(r.Path.Resource(), r.Path.ID())

	for _, bad := range []string{"/files.txt", "/files/%2e%2e/x", "/files?d=100%"} {
		_, err = grammar.ParseRequest(bad)
		fmt.Println(err)
	}
	// Output:
	// https:// vcc-naX.8x8.com
	// files csv true
	// d=2007-08-05%2013:15Z,today -> "d"="2007-08-05 13:15Z,today"
	// agentID=bill+o%27neil -> "agentID"="bill o'neil"
	// top
	// https://vcc-naX.8x8.com/api/recordings/files.csv?d=2007-08-05%2013:15Z,today&agentID=bill+o%27neil#top
	// file S20071220/R200712200316361000.wav
	// 1:8: unexpected token "txt" (expected ("xml" | "json" | "csv"))
	// 1:8: lexer: invalid input text "%2e%2e/x"
	// 1:13: lexer: invalid input text "%"
}
