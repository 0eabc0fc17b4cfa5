package grammar

import (
	"io"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// filterLexerRules are the token rules of a filter's decoded text
// (docs/LANGUAGE.md §14.1). The lexer starts in Root, where a comparison's
// selector, its operator, the separators ; and , (and the keywords and/or
// with their spaces) and grouping parentheses are read. An operator enters
// Arg, where one argument is read: a value, or a '(' that enters List, the
// values of =in= and =out=, until its ')'. Anything else in Arg returns to
// Root unread.
//
// A selector and a value are different tokens because a '\' escapes the next
// character in a value only: in a selector it is an ordinary character (and
// the selector is then unknown to the semantic layer). The reserved
// characters " ' ( ) ; , = ! ~ < > and space end both; a raw space is
// otherwise read only as part of a keyword, so a space anywhere else (and a
// keyword in upper case) matches no rule and is an error. Text that matches
// no rule is an error.
//
// Go's regexp reads a byte that is not UTF-8 as one U+FFFD of width 1, so
// the negated classes take such bytes one at a time and never swallow a
// reserved character.
var filterLexerRules = lexer.Rules{
	"Root": {
		{Name: "And", Pattern: ` +and +`},
		{Name: "Or", Pattern: ` +or +`},
		{Name: "Selector", Pattern: `[^"'();,=!~<> ]+`},
		{Name: "Operator", Pattern: `==|!=|=[A-Za-z]*=|<=?|>=?`, Action: lexer.Push("Arg")},
		{Name: "Punct", Pattern: `[();,]`},
	},
	"Arg": {
		{Name: "ListOpen", Pattern: `\(`, Action: lexer.Push("List")},
		{Name: "Quoted", Pattern: `'(?:[^'\\]|\\(?s:.))+'|"(?:[^"\\]|\\(?s:.))+"`},
		{Name: "Unquoted", Pattern: `(?:[^"'();,=!~<> \\]|\\(?s:.))+`},
		lexer.Return(),
	},
	"List": {
		{Name: "Quoted", Pattern: `'(?:[^'\\]|\\(?s:.))+'|"(?:[^"\\]|\\(?s:.))+"`},
		{Name: "Unquoted", Pattern: `(?:[^"'();,=!~<> \\]|\\(?s:.))+`},
		{Name: "Comma", Pattern: `,`},
		{Name: "ListClose", Pattern: `\)`, Action: lexer.Pop()},
	},
}

// filterLexerStates lists the states of filterLexerRules in the order the
// documentation shows them.
var filterLexerStates = []string{"Root", "Arg", "List"}

// MaxFilterLength bounds a filter's decoded text: ParseFilter refuses a
// longer one before lexing it, as expr.MaxLength does in package filter/expr.
const MaxFilterLength = 8192

// MaxFilterDepth bounds nested grouping parentheses: the 33rd open '(' is
// refused while lexing, as expr.MaxDepth does. The parentheses of an =in= or
// =out= list do not count.
const MaxFilterDepth = 32

// filterLexer is the lexer of ParseFilter.
var filterLexer = depthDefinition{lexer.MustStateful(filterLexerRules)}

// depthDefinition wraps the filter's lexer so that lexing stops with an
// error at a grouping '(' nested deeper than MaxFilterDepth. It counts the
// Punct parentheses, which are read in Root only: in a text the grammar
// accepts, the count is the nesting of groups; in any other the grammar
// refuses anyway.
type depthDefinition struct {
	*lexer.StatefulDefinition
}

func (d depthDefinition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	var b strings.Builder
	if _, err := io.Copy(&b, r); err != nil {
		return nil, err
	}
	return d.LexString(filename, b.String())
}

func (d depthDefinition) LexString(filename string, s string) (lexer.Lexer, error) {
	l, err := d.StatefulDefinition.LexString(filename, s)
	if err != nil {
		return nil, err
	}
	return &depthLexer{Lexer: l, punct: d.Symbols()["Punct"]}, nil
}

type depthLexer struct {
	lexer.Lexer
	punct lexer.TokenType
	depth int
}

func (l *depthLexer) Next() (lexer.Token, error) {
	t, err := l.Lexer.Next()
	if err != nil || t.Type != l.punct {
		return t, err
	}
	switch t.Value {
	case "(":
		l.depth++
		if l.depth > MaxFilterDepth {
			return lexer.Token{}, &lexer.Error{Msg: "more than " + strconv.Itoa(MaxFilterDepth) + " nested parentheses", Pos: t.Pos}
		}
	case ")":
		l.depth--
	}
	return t, nil
}
