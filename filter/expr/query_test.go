package expr_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"pgregory.net/rapid"

	"github.com/recq/recq/filter/expr"
)

// queryEscapeRef percent-encodes a filter's canonical text as
// docs/LANGUAGE.md §14.5 says, byte by byte and plainly: the reference for
// AppendQuery, which escapes only the values and the ';'.
func queryEscapeRef(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < 0x80 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) || strings.IndexByte("-._~!$'()*,:@/?=", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// genTextValue draws a text value of any printable characters, written
// quoted with its quotes and backslashes escaped.
func genTextValue(t *rapid.T) string {
	s := rapid.StringMatching(`[ -~éü€]{1,12}`).Draw(t, "text")
	s = strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s)
	return "'" + s + "'"
}

// AppendQuery is AppendText percent-encoded, for every filter: dates with
// offsets, quoted texts of any characters, wildcards and lists.
func TestAppendQueryIsEscapedText(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		text := genFilter(t, 3)
		if rapid.Bool().Draw(t, "quoted") {
			text = "(" + text + ");queueName" + rapid.SampledFrom([]string{"==", "!="}).Draw(t, "op") + genTextValue(t) + ",agentID=in=(" + genTextValue(t) + "," + genTextValue(t) + ")"
		}
		e := mustParse(t, text)
		want := queryEscapeRef(string(e.AppendText(nil)))
		if got := string(e.AppendQuery([]byte("x"))); got != "x"+want {
			t.Fatalf("%s: AppendQuery %q, want %q", text, got[1:], want)
		}
	})
}

// Selector names and operators are written as they are, unescaped.
func TestSelectorsAndOperatorsNeedNoEscape(t *testing.T) {
	for _, r := range []expr.Resource{expr.Files, expr.Transcripts} {
		for _, s := range expr.Selectors(r) {
			if got := queryEscapeRef(s.Name); got != s.Name {
				t.Errorf("selector %q escapes as %q", s.Name, got)
			}
		}
	}
	for op := expr.Op(0); op < 64; op++ {
		if op.IsComparison() {
			if got := queryEscapeRef(op.String()); got != op.String() {
				t.Errorf("operator %q escapes as %q", op, got)
			}
		}
	}
	if got := queryEscapeRef("(),"); got != "()," {
		t.Errorf("parentheses and ',' escape as %q", got)
	}
}

func ExampleExpr_AppendQuery() {
	e, _ := expr.Parse("finishDate=lt=2026-12-07T12:00+01:00;queueName=='a b'", expr.Files, expr.Options{})
	fmt.Println(string(e.AppendText(nil)))
	fmt.Println(string(e.AppendQuery(nil)))
	// Output:
	// finishDate=lt=2026-12-07T12:00+01:00;queueName=='a b'
	// finishDate=lt=2026-12-07T12:00%2B01:00%3BqueueName=='a%20b'
}
