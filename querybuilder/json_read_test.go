package querybuilder

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/recq/recq/filter"
)

// ruleValue draws a rule's raw value: JSON strings, numbers, arrays of
// ends, other kinds, white space, and text that is not JSON at all.
var ruleValue = rapid.OneOf(
	rapid.SampledFrom([]string{``, `null`, ` "2007-08-05" `, `"a,b"`, `"a"`, `"\u00e9\ud800"`, `5`, `-1.5e3`, `1e999`, `true`, `{}`, `["2007-08-05", "2007-08-07"]`, `["a", null]`, `["a", 5]`, `["a", true]`, `["a"]`, `[1, 2, 3]`, `[[1], "x"]`, `5 x`, `"x" y`, `[1, 2`, `"\xff"`, `tru`, ` `, `01`}),
	rapid.Map(rapid.SliceOfN(rapid.SampledFrom([]string{`"`, `[`, `]`, `,`, `1`, `-`, `.`, `e`, `a`, ` `, `null`, `\`, `"x"`}), 0, 6), func(p []string) string {
		s := ""
		for _, x := range p {
			s += x
		}
		return s
	}),
)

// TestValueAsDecoder: a rule's value reads to the same text, verdict and
// faults as it read with encoding/json.
func TestValueAsDecoder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := Rule{Field: "agentID", Operator: rapid.SampledFrom([]string{"=", "between"}).Draw(t, "operator"), Value: []byte(ruleValue.Draw(t, "value"))}
		c1, c2 := &collected{}, &collected{}
		s1, ok1 := c1.value(r, "k")
		s2, ok2 := c2.refValue(r, "k")
		if s1 != s2 || ok1 != ok2 || !cmp.Equal(c1.errs, c2.errs) {
			t.Fatalf("%q: got %q %v %v, want %q %v %v", r.Value, s1, ok1, c1.errs, s2, ok2, c2.errs)
		}
		if a, b := scalar(r.Value); true {
			if c, d := refScalar(r.Value); a != c || b != d {
				t.Fatalf("scalar(%q) = %q %v, want %q %v", r.Value, a, b, c, d)
			}
		}
	})
}

// TestReasonOfAsJSON: a fault's reason is what its JSON form carried.
func TestReasonOfAsJSON(t *testing.T) {
	text := rapid.OneOf(rapid.String(), rapid.SampledFrom([]string{"", "\xff", "a\xc3", "<&>", "é"}))
	rapid.Check(t, func(t *rapid.T) {
		e := &filter.Error{Code: filter.Code(text.Draw(t, "code")), Variable: "d", Msg: text.Draw(t, "msg"), Hint: text.Draw(t, "hint"),
			Suggestions: rapid.OneOf(rapid.Just([]string(nil)), rapid.SliceOf(text)).Draw(t, "suggestions")}
		if got, want := reasonOf(e), refReasonOf(e); !cmp.Equal(got, want) {
			t.Fatalf("%#v:\n got %#v\nwant %#v", e, got, want)
		}
	})
}
