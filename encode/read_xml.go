package encode

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// xmlSource reads XML with encoding/xml's Decoder, a token at a time.
// RawToken, not Token: the records' reader matches end tags to start tags
// itself, so that it can take the API document's </channelname> for
// </channelName>, which the Decoder refuses in strict mode and mishandles
// in non-strict mode (it closes every open element).
type xmlSource struct {
	d  *xml.Decoder
	in *input
}

func newXMLSource(r io.Reader) *xmlSource {
	in := &input{r: r, bound: true}
	br, _ := open(in)
	d := xml.NewDecoder(br)
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "us-ascii") || strings.EqualFold(label, "ascii") {
			return r, nil // a subset of UTF-8
		}
		return nil, &charsetError{label}
	}
	return &xmlSource{d: d, in: in}
}

// charsetError is an XML declaration's encoding other than UTF-8.
type charsetError struct{ label string }

func (e *charsetError) Error() string {
	return "the XML declaration names the encoding " + strconv.Quote(e.label) + "; recq reads UTF-8 only: convert the file (iconv -f " + e.label + " -t UTF-8) and write encoding='UTF-8'"
}

func (s *xmlSource) line() int {
	line, _ := s.d.InputPos()
	return line
}

func (s *xmlSource) offset() int64 { return s.d.InputOffset() }

func (s *xmlSource) next() (event, error) {
	for {
		tok, err := s.d.RawToken()
		s.in.setMark(s.d.InputOffset())
		if err != nil {
			if s.in.fault != "" {
				return event{}, &ReadError{Line: s.line(), Msg: s.in.fault}
			}
			var ce *charsetError
			if errors.As(err, &ce) {
				return event{}, &ReadError{Line: s.line(), Msg: ce.Error()}
			}
			if s.in.err != nil {
				return event{}, s.in.err
			}
			if err == io.EOF {
				return event{kind: evEOF}, nil
			}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return event{}, &ReadError{Line: se.Line, Msg: "malformed XML: " + se.Msg}
			}
			return event{}, &ReadError{Line: s.line(), Msg: "malformed XML: " + strings.TrimPrefix(err.Error(), "xml: ")}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return event{kind: evStart, name: xmlName(t.Name)}, nil
		case xml.EndElement:
			return event{kind: evEnd, name: xmlName(t.Name)}, nil
		case xml.CharData:
			return event{kind: evText, text: t}, nil
		}
		// Comments, processing instructions (<?xml … ?>) and directives.
	}
}

func xmlName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}
