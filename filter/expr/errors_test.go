package expr_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/filter/expr"
)

// One fault of each kind, with its code, the text it spans and its fixes.
var faultCases = []struct {
	name, text string
	code       string
	start      int
	span       string
	sugg       []string
}{
	{"empty", "", expr.CodeEmptyValue, 0, "", nil},
	{"unclosed group", "agentID==a;(duration==1", expr.CodeSyntax, 23, "", []string{")"}},
	{"unclosed quote", "agentID=='bill", expr.CodeSyntax, 14, "", []string{"'"}},
	{"unclosed list", "agentID=in=(a,b", expr.CodeSyntax, 15, "", []string{")"}},
	{"stray )", "agentID==a)", expr.CodeSyntax, 10, ")", []string{""}},
	{"list after ==", "agentID==(a,b)", expr.CodeSyntax, 9, "(", nil},
	{"= alone", "agentID=bill", expr.CodeSyntax, 7, "=", []string{"=="}},
	{"! alone", "agentID!bill", expr.CodeSyntax, 7, "!", []string{"!="}},
	{"unknown operator", "agentID=like=b", expr.CodeSyntax, 7, "=like=", nil},
	{"upper-case operator", "duration=GT=5", expr.CodeSyntax, 8, "=GT=", []string{"=gt="}},
	{"upper-case keyword", "agentID==a AND agentID==b", expr.CodeSyntax, 11, "AND", []string{"and"}},
	{"space in a value", "agentID==bill smith", expr.CodeSyntax, 13, " ", nil},
	{"keyword at the end", "agentID==a and ", expr.CodeSyntax, 15, "", nil},
	{"nothing after ;", "agentID==a;", expr.CodeSyntax, 11, "", nil},
	{"empty group", "()", expr.CodeSyntax, 1, ")", nil},
	{"no operator", "agentID", expr.CodeSyntax, 7, "", nil},
	{"trailing backslash", `agentID==a\`, expr.CodeSyntax, 10, `\`, []string{`\\`}},
	{"reserved at a value's start", "agentID==<a", expr.CodeSyntax, 9, "<", nil},
	{"empty value", "agentID==;duration==1", expr.CodeEmptyValue, 9, "", nil},
	{"empty quoted value", "agentID==''", expr.CodeEmptyValue, 9, "''", nil},
	{"unknown selector", "agentId==bill", expr.CodeUnknownSel, 0, "agentId", []string{"agentID"}},
	{"start-date", "start-date=ge=today", expr.CodeUnknownSel, 0, "start-date", []string{"startDate"}},
	{"other resource's", "agentName==Bill", expr.CodeUnknownSel, 0, "agentName", nil},
	{"order on text", "queueName=gt=x", expr.CodeOperatorType, 9, "=gt=", []string{"==", "!=", "=in=", "=out="}},
	{"alias on text", "agentID>=x", expr.CodeOperatorType, 7, ">=", []string{"==", "!=", "=in=", "=out="}},
	{"minutes", "duration=gt=10m", expr.CodeBadValue, 12, "10m", []string{"600"}},
	{"hours", "duration<1h", expr.CodeBadValue, 9, "1h", []string{"3600"}},
	{"wildcard on integers", "duration==6*", expr.CodeBadValue, 10, "6*", nil},
	{"too long an integer", "duration==1234567890123456789", expr.CodeBadValue, 10, "1234567890123456789", nil},
	{"bad date part", "startDate=ge=2007-02-30", "bad-date-part", 21, "30", []string{"28"}},
	{"bad date in quotes", "startDate=ge='2007-08-05X'", "bad-date", 24, "X", nil},
	{"too deep", strings.Repeat("(", 33) + "agentID==a" + strings.Repeat(")", 33), expr.CodeTooDeep, 32, "(", nil},
}

func TestFaults(t *testing.T) {
	for _, c := range faultCases {
		t.Run(c.name, func(t *testing.T) {
			_, err := expr.Parse(c.text, expr.Files, expr.Options{})
			l, ok := err.(expr.ErrorList)
			if !ok || len(l) == 0 {
				t.Fatalf("Parse(%q) = %v, want a fault %s", c.text, err, c.code)
			}
			e := l[0]
			if e.Code != c.code {
				t.Fatalf("Parse(%q): code %s (%v), want %s", c.text, e.Code, e, c.code)
			}
			if e.Start != c.start || e.End < e.Start || e.End > len(c.text) || c.text[e.Start:e.End] != c.span {
				t.Errorf("Parse(%q): span [%d,%d), want %q at %d", c.text, e.Start, e.End, c.span, c.start)
			}
			if diff := cmp.Diff(c.sugg, e.Suggestions); diff != "" && !(len(c.sugg) == 0 && len(e.Suggestions) == 0) {
				t.Errorf("Parse(%q): suggestions (-want +got):\n%s", c.text, diff)
			}
			for _, s := range e.Suggestions { // a fix removes this fault
				fixed := c.text[:e.Start] + s + c.text[e.End:]
				if _, err := expr.Parse(fixed, expr.Files, expr.Options{}); err != nil {
					if l2 := err.(expr.ErrorList); l2[0].Start == e.Start && l2[0].Code == e.Code {
						t.Errorf("the fix %q of %q leaves the same fault: %v", s, c.text, err)
					}
				}
			}
		})
	}
}

// Thirty-two nested groups are read; list parentheses do not count.
func TestDepth(t *testing.T) {
	ok := strings.Repeat("(", 32) + "agentID=in=(a,b)" + strings.Repeat(")", 32)
	if _, err := expr.Parse(ok, expr.Files, expr.Options{}); err != nil {
		t.Errorf("32 groups: %v", err)
	}
}

// Faults beyond the bound are not read: one last fault says so.
func TestMaxFaults(t *testing.T) {
	text := strings.Repeat("agentId==a;", 30) + "agentId==a"
	_, err := expr.Parse(text, expr.Files, expr.Options{MaxFaults: 5})
	l := err.(expr.ErrorList)
	if len(l) != 6 || l[5].Code != expr.CodeTooMany {
		t.Fatalf("got %d faults, the last %v; want 5 and too-many-faults", len(l), l[len(l)-1])
	}
	for _, e := range l[maxSuggestedForTest:5] {
		if len(e.Suggestions) != 0 {
			t.Errorf("fault %v searched for suggestions past the bound", e)
		}
	}
}

const maxSuggestedForTest = 4

// Transcripts have their own selectors.
func TestTranscriptSelectors(t *testing.T) {
	if _, err := expr.Parse("metaData.fieldValue==*Blue*;agentName==Bill;duration>5", expr.Transcripts, expr.Options{}); err != nil {
		t.Error(err)
	}
	_, err := expr.Parse("transactionCode.name==x", expr.Transcripts, expr.Options{})
	if l, ok := err.(expr.ErrorList); !ok || l[0].Code != expr.CodeUnknownSel || !strings.Contains(l[0].Msg, "files") {
		t.Errorf("transactionCode.name on transcripts: %v", err)
	}
}

// A '+' that arrived as a space is named wherever it stands outside quotes,
// before anything it breaks (docs/LANGUAGE.md §14.1); inside quotes it is a space.
func TestPlusAsSpace(t *testing.T) {
	plus := func(raw string, pos int) bool { return raw[pos] == '+' } // raw and text are as long
	for _, c := range []struct {
		raw  string
		at   int
		fix  string
		none bool
	}{
		{"agentID==+bill", 9, "+", false},
		{"duration=gt=+5", 12, "+", false},
		{"agentID=in=(bill,+ann)", 17, "+", false},
		{"agentID=in=(bill+,ann)", 16, "+", false},
		{"+agentID==bill", 0, "+", false},
		{"agentID==bill;+duration==1", 14, "+", false},
		{"startDate=ge=today+1d", 18, "+", false},
		{"agentID==a+and+agentID==b", 10, " ", false},
		{"agentID==a+or++agentID==b", 10, " ", false},
		{"agentID=='a+b'", 0, "", true},
	} {
		text := strings.ReplaceAll(c.raw, "+", " ")
		_, err := expr.Parse(text, expr.Files, expr.Options{Plus: plus, Raw: c.raw})
		if c.none {
			if err != nil {
				t.Errorf("%s: %v", c.raw, err)
			}
			continue
		}
		l, _ := err.(expr.ErrorList)
		if len(l) == 0 || l[0].Code != expr.CodePlusAsSpace || l[0].Start != c.at || len(l[0].Suggestions) != 1 || l[0].Suggestions[0] != c.fix {
			t.Errorf("%s: %v, want plus-as-space at %d fixed by %q", c.raw, err, c.at, c.fix)
		}
	}
}

// A comma as the decimal sign of a date, and a range as d= writes it.
func TestCommaInDates(t *testing.T) {
	_, err := expr.Parse("startDate=ge=2026-12-01T09:30:00,5Z", expr.Files, expr.Options{})
	if l, _ := err.(expr.ErrorList); len(l) == 0 || l[0].Code != "decimal-comma" || l[0].Start != 32 {
		t.Errorf("decimal comma: %v", err)
	}
	// A selector that starts with a digit after a comma is a comparison when
	// an operator follows (found by FuzzFilterGrammar): unknown, not syntax.
	_, err = expr.Parse("0!=0,0!=0", expr.Files, expr.Options{})
	if l, _ := err.(expr.ErrorList); len(l) == 0 || l[0].Code != expr.CodeUnknownSel {
		t.Errorf("0!=0,0!=0: %v", err)
	}
	_, err = expr.Parse("startDate=ge=2026-12-01,2026-12-03", expr.Files, expr.Options{})
	if l, _ := err.(expr.ErrorList); len(l) == 0 || l[0].Code != expr.CodeSyntax || !strings.Contains(l[0].Hint, "startDate=lt=") {
		t.Errorf("range: %v", err)
	}
}
