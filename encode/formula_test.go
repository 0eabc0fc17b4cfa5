package encode_test

import (
	"fmt"
	"testing"

	"github.com/recq/recq/encode"
)

func TestNoFormula(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"agentID", "agentID"},
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+15551234", "'+15551234"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := encode.NoFormula(tt.in); got != tt.want {
			t.Errorf("NoFormula(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func ExampleNoFormula() {
	// A refused request's unknown variable, echoed in a CSV error body.
	fmt.Println(encode.NoFormula("=cmd|' /C calc'!A0"))
	// Output: '=cmd|' /C calc'!A0
}
