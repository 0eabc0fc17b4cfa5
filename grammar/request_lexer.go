package grammar

import "github.com/alecthomas/participle/v2/lexer"

// requestLexerRules are the token rules of a request target. The lexer
// starts in Root (the path), where every token is a run of letters, one
// digit, one of the characters -_./ or the whole prefix "/api/recordings/";
// the letters runs are matched in the grammar by their text (files,
// transcripts, xml, S, R, wav …), and digits are single tokens so that the
// grammar can count the 8 digits of a date folder. A scheme at the start
// enters Host, which takes everything up to the first '/', '?' or '#'. A '?'
// enters Query, where a name or a value is one Word (any bytes but &, =, #,
// % and the ASCII control characters, and %XX escapes); a '#' enters
// Fragment, which takes the rest of the input whatever it holds. Text that
// matches no rule (a '%' in the path, a '%' without two hex digits in the
// query, a control character in the query) is a syntax error.
//
// The scheme's case is folded in ASCII only: (?i) would also take the long s
// (httpſ://), which filter.Parse does not.
//
// Go's regexp reads a byte that is not UTF-8 as one U+FFFD of width 1, so
// the negated classes of Host and Word take such bytes one at a time and
// never swallow a '/', '?', '#', '&' or '='.
var requestLexerRules = lexer.Rules{
	"Root": {
		{Name: "Scheme", Pattern: `[Hh][Tt][Tt][Pp][Ss]?://`, Action: lexer.Push("Host")},
		{Name: "Prefix", Pattern: `/api/recordings/`},
		{Name: "Letters", Pattern: `[A-Za-z]+`},
		{Name: "Digit", Pattern: `[0-9]`},
		{Name: "Punct", Pattern: `[-_./]`},
		{Name: "QueryMark", Pattern: `\?`, Action: lexer.Push("Query")},
		{Name: "Hash", Pattern: `#`, Action: lexer.Push("Fragment")},
	},
	"Host": {
		{Name: "Host", Pattern: `[^/?#]+`},
		lexer.Return(),
	},
	"Query": {
		{Name: "Word", Pattern: `(?:[^&=#%\x00-\x1f\x7f]|%[0-9A-Fa-f]{2})+`},
		{Name: "Sep", Pattern: `[&=]`},
		{Name: "Hash", Pattern: `#`, Action: lexer.Push("Fragment")},
	},
	"Fragment": {
		{Name: "Fragment", Pattern: `(?s).+`},
	},
}

// requestLexerStates lists the states of requestLexerRules in the order the
// documentation shows them.
var requestLexerStates = []string{"Root", "Host", "Query", "Fragment"}

// requestLexer is the lexer of ParseRequest.
var requestLexer = lexer.MustStateful(requestLexerRules)
