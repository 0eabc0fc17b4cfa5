package grammar

import (
	"io"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// lexerRules are the token rules. In the Root state every digit is its own
// Digit token, so the grammar fixes digit counts by repeating <digit>; the
// other single characters of the language are one Char token each and are
// matched in the grammar by their literal value. After "today" the lexer
// switches to the Relative state, where the day count is one Count token
// (any number of digits, read in one step); anything other than a sign, a
// count or "d" returns to Root.
var lexerRules = lexer.Rules{
	"Root": {
		{Name: "Today", Pattern: `today`, Action: lexer.Push("Relative")},
		{Name: "Digit", Pattern: `[0-9]`},
		{Name: "Char", Pattern: `[-+:.,TtZz ]`},
	},
	"Relative": {
		{Name: "Sign", Pattern: `[-+]`},
		{Name: "Count", Pattern: `[0-9]+`},
		{Name: "Unit", Pattern: `d`, Action: lexer.Pop()},
		lexer.Return(),
	},
}

// maxTokens bounds the tokens read from one input. The longest string in the
// language has 71 tokens (two extended date-times with a 9-digit fraction and
// a ±hh:mm offset, and the comma; a relative value is at most 4 tokens however
// many digits its count has), so the bound never rejects a string of the
// language: it only stops a long invalid input from being lexed in full.
const maxTokens = 256

// dateLexer is the lexer definition used by both parsers.
var dateLexer = cappedDefinition{lexer.MustStateful(lexerRules)}

// cappedDefinition wraps a stateful lexer definition so that lexing stops with
// an error after maxTokens tokens.
type cappedDefinition struct {
	*lexer.StatefulDefinition
}

func (d cappedDefinition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	var b strings.Builder
	if _, err := io.Copy(&b, r); err != nil {
		return nil, err
	}
	return d.LexString(filename, b.String())
}

func (d cappedDefinition) LexString(filename string, s string) (lexer.Lexer, error) {
	l, err := d.StatefulDefinition.LexString(filename, s)
	if err != nil {
		return nil, err
	}
	return &cappedLexer{Lexer: l}, nil
}

type cappedLexer struct {
	lexer.Lexer
	n int
}

func (l *cappedLexer) Next() (lexer.Token, error) {
	t, err := l.Lexer.Next()
	if err != nil || t.EOF() {
		return t, err
	}
	l.n++
	if l.n > maxTokens {
		return lexer.Token{}, &lexer.Error{Msg: "input too long for a date or date range", Pos: t.Pos}
	}
	return t, nil
}
