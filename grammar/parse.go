package grammar

import "github.com/alecthomas/participle/v2"

// lookahead is how many tokens a failed alternative may consume before the
// parse is abandoned. An extended and a basic date-time first differ at their
// fifth token ("-" or a digit), so the DateValue alternatives need 4; every
// optional part of the grammar is decided by its first token.
const lookahead = 4

var options = []participle.Option{
	participle.Lexer(dateLexer),
	participle.UseLookahead(lookahead),
}

var (
	rangeParser = participle.MustBuild[DateRange](options...)
	valueParser = participle.MustBuild[DateValue](options...)
)

// ParseDateRange parses a whole d= value (after URL decoding): one value or
// two separated by a comma. It checks syntax only. Errors are participle
// errors (participle.Error) carrying the position of the offending token.
func ParseDateRange(s string) (*DateRange, error) {
	r, err := rangeParser.ParseString("", s)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// ParseDateValue parses a single value, with no comma.
func ParseDateValue(s string) (*DateValue, error) {
	v, err := valueParser.ParseString("", s)
	if err != nil {
		return nil, err
	}
	return v, nil
}
