package grammar

import (
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// MaxRequestLength bounds the text of a request target: ParseRequest refuses
// a longer one before lexing it. It is the limit of filter.MaxRequestLength,
// which refuses such targets the same way.
const MaxRequestLength = 8192

// Request is a request target of the Recordings API (docs/LANGUAGE.md §1, §2): an
// optional origin, a path naming a resource, an optional query and an
// optional fragment, as in
//
//	https://vcc-na1.8x8.com/api/recordings/files.csv?d=today-1d,today#top
//
// The tree fixes syntax only. Which variable names exist, the values of d,
// tz, start-date, finish-date and n, that a date folder is a real date, the
// 256-byte limit of an id, that one transcript has no CSV form, which method
// goes with which path, and that a decoded name or value is UTF-8 without
// control characters are all checked by the semantic layer (filter.Parse).
type Request struct {
	Origin      *Origin `parser:"@@?"` // nil without a scheme
	Path        *Path   `parser:"@@"`
	HasQuery    bool    `parser:"( @'?'"`                // the target has a '?' (the query may still be empty)
	Query       []*Pair `parser:"  @@? ( '&' @@? )* )?"` // the pairs in order; empty pairs (&&) are skipped
	HasFragment bool    `parser:"( @'#'"`                // the target has a '#'
	Fragment    string  `parser:"  @Fragment? )?"`       // everything after the '#', ignored by the API
}

// Origin is a scheme and a host: https://vcc-na1.8x8.com. The host is every
// byte up to the first '/', '?' or '#', possibly none; it is not checked.
type Origin struct {
	Scheme string `parser:"@Scheme"` // "http://" or "https://" in either ASCII case, as written
	Host   string `parser:"@Host?"`
}

// Path is the resource part of a target: an optional "/api/recordings/"
// prefix or leading '/', one of the resources, and an optional trailing '/'.
// Exactly one of Files and Transcripts is non-nil.
type Path struct {
	Prefix        bool         `parser:"( @'/api/recordings/'"` // the path starts with /api/recordings/
	Slash         bool         `parser:"| @'/' )?"`             // the path starts with a plain '/'
	Files         *Files       `parser:"( @@"`
	Transcripts   *Transcripts `parser:"| @@ )"`
	TrailingSlash bool         `parser:"@'/'?"`
}

// Files is files, files.json, … (the list) or files/S{yyyymmdd}/R{digits}[.wav]
// (one recording file). At most one of Format and File is set.
type Files struct {
	Format string  `parser:"'files' ( '.' @( 'xml' | 'json' | 'csv' )"` // "", "xml", "json" or "csv"
	File   *FileID `parser:"        | '/' @@ )?"`                       // nil for the list
}

// FileID names one recording file: S20071220/R200712200316361000.wav.
type FileID struct {
	Folder string `parser:"@'S' @Digit @Digit @Digit @Digit @Digit @Digit @Digit @Digit '/'"` // "S" and 8 digits
	Name   string `parser:"@'R' @Digit+"`                                                     // "R" and the digits
	WAV    bool   `parser:"( '.' @'wav' )?"`                                                  // the name ends in .wav
}

// Transcripts is transcripts, transcripts.csv, … (the list) or
// transcripts/{interactionGUID}[.fmt] (one transcript).
type Transcripts struct {
	GUID   string `parser:"'transcripts' ( '/' @( Letters | Digit | '-' | '_' )+ )?"` // "" for the list
	Format string `parser:"( '.' @( 'xml' | 'json' | 'csv' ) )?"`                     // "", "xml", "json" or "csv"
}

// Pair is one name=value pair of the query, both raw (undecoded). Name is
// not empty; Value may be empty and may hold '='. Every '%' in either is the
// start of a %XX escape with two hex digits.
type Pair struct {
	Name  string `parser:"@Word '='"`
	Value string `parser:"@( Word | '=' )*"`
}

// requestLookahead is how many tokens a failed optional part may consume
// before the parse is abandoned. One is enough: "files/" and "transcripts/"
// first try '/' as the start of an id and fall back to the trailing slash.
const requestLookahead = 1

var requestParser = participle.MustBuild[Request](
	participle.Lexer(requestLexer),
	participle.UseLookahead(requestLookahead),
)

// ParseRequest parses a request target: a path with its query and fragment
// (/files.csv?d=today), with or without /api/recordings and the leading
// slash, or a whole URL with an http or https scheme. It checks syntax only
// (see Request). A target longer than MaxRequestLength bytes is refused
// without being read. Errors are participle errors (participle.Error)
// carrying the byte offset of the offending token.
func ParseRequest(target string) (*Request, error) {
	if len(target) > MaxRequestLength {
		return nil, &lexer.Error{
			Msg: "request target longer than " + strconv.Itoa(MaxRequestLength) + " bytes",
			Pos: lexer.Position{Offset: MaxRequestLength, Line: 1, Column: MaxRequestLength + 1},
		}
	}
	r, err := requestParser.ParseString("", target)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// RequestEBNF returns the grammar of Request in participle's EBNF notation.
// Token references are written <letters>, <digit>, <word> …; the tokens are
// described by the lexer rules (see docs/GRAMMAR.md).
func RequestEBNF() string { return requestParser.String() }

// Resource returns what the path names: "files", "file", "transcripts" or
// "transcript" (the names filter.Resource prints).
func (p *Path) Resource() string {
	switch {
	case p == nil:
		return ""
	case p.Files != nil && p.Files.File != nil:
		return "file"
	case p.Files != nil:
		return "files"
	case p.Transcripts != nil && p.Transcripts.GUID != "":
		return "transcript"
	case p.Transcripts != nil:
		return "transcripts"
	}
	return ""
}

// Format returns the format suffix without its dot ("xml", "json", "csv"),
// or "" when the path has none.
func (p *Path) Format() string {
	switch {
	case p == nil:
		return ""
	case p.Files != nil:
		return p.Files.Format
	case p.Transcripts != nil:
		return p.Transcripts.Format
	}
	return ""
}

// ID returns the id as written: a file's S{yyyymmdd}/R{digits}[.wav] or a
// transcript's interactionGUID; "" for a list.
func (p *Path) ID() string {
	switch {
	case p == nil:
		return ""
	case p.Files != nil && p.Files.File != nil:
		return p.Files.File.String()
	case p.Transcripts != nil:
		return p.Transcripts.GUID
	}
	return ""
}

// Decode returns the name and the value of p decoded as a query string
// component: '+' is a space and %XX the byte XX. The result need not be
// UTF-8.
func (p *Pair) Decode() (name, value string) {
	return unescape(p.Name), unescape(p.Value)
}

// unescape decodes s, whose every '%' starts a valid %XX escape.
func unescape(s string) string {
	if !strings.ContainsAny(s, "%+") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			b = append(b, ' ')
		case c == '%' && i+2 < len(s):
			n, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil {
				b = append(b, c) // not produced by the grammar
				continue
			}
			b = append(b, byte(n))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// String returns the target as written, except that empty pairs of the query
// (a doubled or trailing '&') are not written: ParseRequest(r.String())
// gives back r.
func (r *Request) String() string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	if r.Origin != nil {
		b.WriteString(r.Origin.String())
	}
	b.WriteString(r.Path.String())
	if r.HasQuery {
		b.WriteByte('?')
		for i, p := range r.Query {
			if i > 0 {
				b.WriteByte('&')
			}
			b.WriteString(p.String())
		}
	}
	if r.HasFragment {
		b.WriteByte('#')
		b.WriteString(r.Fragment)
	}
	return b.String()
}

// String returns the scheme and the host as written.
func (o *Origin) String() string {
	if o == nil {
		return ""
	}
	return o.Scheme + o.Host
}

// String returns the path as written.
func (p *Path) String() string {
	if p == nil {
		return ""
	}
	var b strings.Builder
	switch {
	case p.Prefix:
		b.WriteString("/api/recordings/")
	case p.Slash:
		b.WriteByte('/')
	}
	b.WriteString(p.Files.String())
	b.WriteString(p.Transcripts.String())
	if p.TrailingSlash {
		b.WriteByte('/')
	}
	return b.String()
}

// String returns the files path as written.
func (f *Files) String() string {
	switch {
	case f == nil:
		return ""
	case f.File != nil:
		return "files/" + f.File.String()
	case f.Format != "":
		return "files." + f.Format
	}
	return "files"
}

// String returns the file's id as written.
func (f *FileID) String() string {
	if f == nil {
		return ""
	}
	s := f.Folder + "/" + f.Name
	if f.WAV {
		s += ".wav"
	}
	return s
}

// String returns the transcripts path as written.
func (t *Transcripts) String() string {
	if t == nil {
		return ""
	}
	s := "transcripts"
	if t.GUID != "" {
		s += "/" + t.GUID
	}
	if t.Format != "" {
		s += "." + t.Format
	}
	return s
}

// String returns the pair as written.
func (p *Pair) String() string {
	if p == nil {
		return ""
	}
	return p.Name + "=" + p.Value
}
