package grammar

import (
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The AST relies on participle concatenating successive captures into one
// string field; this pins that behaviour on a grammar of its own.
func TestParticipleConcatenatesStringCaptures(t *testing.T) {
	type pair struct {
		Digits string `parser:"@Digit @Digit ':' @Digit"`
	}
	p := participle.MustBuild[pair](participle.Lexer(lexer.MustSimple([]lexer.SimpleRule{
		{Name: "Digit", Pattern: `[0-9]`},
		{Name: "Char", Pattern: `:`},
	})))
	got, err := p.ParseString("", "12:3")
	if err != nil {
		t.Fatal(err)
	}
	if got.Digits != "123" {
		t.Errorf("Digits = %q, want %q", got.Digits, "123")
	}
}

// tb is the part of testing.TB that *rapid.T also has.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

func tokenCount(t tb, s string) int {
	t.Helper()
	l, err := dateLexer.LexString("", s)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		tok, err := l.Next()
		if err != nil {
			t.Fatalf("lexing %q: %v", s, err)
		}
		if tok.EOF() {
			return n
		}
		n++
	}
}

// longest is a longest string of the language in tokens.
const longest = "2007-08-05T13:15:00.123456789-08:00,2007-08-05T13:15:00.123456789-08:00"

func TestLongestStringFitsTokenCap(t *testing.T) {
	if _, err := ParseDateRange(longest); err != nil {
		t.Fatal(err)
	}
	if n := tokenCount(t, longest); n != 71 || n > maxTokens {
		t.Errorf("longest string has %d tokens, want 71 (cap %d)", n, maxTokens)
	}
	if n := tokenCount(t, "today-"+strings.Repeat("9", 5000)+"d"); n != 4 {
		t.Errorf("relative value has %d tokens, want 4", n)
	}
}

func TestTokenCapRejects(t *testing.T) {
	_, err := ParseDateRange(strings.Repeat("0", maxTokens+1))
	if err == nil || !strings.Contains(err.Error(), "too long") {
		t.Errorf("err = %v, want the token cap", err)
	}
	if _, err := dateLexer.Lex("", strings.NewReader("2007")); err != nil {
		t.Errorf("Lex: %v", err)
	}
}

func TestRelativeLexerState(t *testing.T) {
	for in, want := range map[string][]string{
		"today-12d,2007": {"today", "-", "12", "d", ",", "2", "0", "0", "7"},
		"today,today+0d": {"today", ",", "today", "+", "0", "d"},
		"2007T":          {"2", "0", "0", "7", "T"},
	} {
		l, err := dateLexer.LexString("", in)
		if err != nil {
			t.Fatal(err)
		}
		toks, err := lexer.ConsumeAll(l)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		var got []string
		for _, tok := range toks[:len(toks)-1] {
			got = append(got, tok.Value)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("tokens of %q = %q, want %q", in, got, want)
		}
	}
}
