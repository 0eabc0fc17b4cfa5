package grammar

// EBNF returns the grammar of DateRange in participle's EBNF notation.
// Token references are written <digit>, <count>; the tokens are described by
// the lexer rules (see docs/GRAMMAR.md).
func EBNF() string { return rangeParser.String() }
