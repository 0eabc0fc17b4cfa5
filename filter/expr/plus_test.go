package expr_test

import (
	"testing"

	"github.com/recq/recq/filter/expr"
)

// plusAt is Options.Plus for a raw text of the decoded text's length:
// the byte at pos arrived as a '+'.
func plusAt(raw string, pos int) bool { return pos < len(raw) && raw[pos] == '+' }

// A '+' outside quotes is plus-as-space wherever it stands, an escaped one
// in an unquoted value included (docs/LANGUAGE.md §14.1): agentID==a\+b
// decodes to agentID==a\ b, which would otherwise read the value "a b"
// where "a+b" was meant. Inside quotes a '+' is a space, as written.
func TestPlusAsSpaceInEscape(t *testing.T) {
	for _, c := range []struct {
		raw, decoded string
		code         string
		start        int
	}{
		{`agentID==a\+b`, `agentID==a\ b`, expr.CodePlusAsSpace, 11},
		{`agentID=in=(x,a\+b)`, `agentID=in=(x,a\ b)`, expr.CodePlusAsSpace, 16},
		{`agentID==a\%20b`, `agentID==a\ b`, "", 0},
		{`agentID=='a+b'`, `agentID=='a b'`, "", 0},
		{`agentID==a+and+b==1`, `agentID==a and b==1`, expr.CodePlusAsSpace, 10},
	} {
		_, err := expr.Parse(c.decoded, expr.Files, expr.Options{Raw: rawOfLength(c.raw, c.decoded), Plus: plusAt})
		if c.code == "" {
			if err != nil {
				t.Errorf("%s: %v", c.raw, err)
			}
			continue
		}
		l, _ := err.(expr.ErrorList)
		if len(l) != 1 || l[0].Code != c.code || l[0].Start != c.start || l[0].End != c.start+1 {
			t.Errorf("%s: %v, want %s at %d", c.raw, err, c.code, c.start)
		}
	}
}

// rawOfLength is raw where its percent-escapes stand as one byte each
// ('%' then the rest dropped), so that offsets of decoded and raw agree.
func rawOfLength(raw, decoded string) string {
	b := []byte(raw)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b = append(b[:i+1], b[i+3:]...)
		}
	}
	if len(b) != len(decoded) {
		panic("rawOfLength: " + raw)
	}
	return string(b)
}
