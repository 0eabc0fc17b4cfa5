package encode

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// jsonSource reads JSON with encoding/json's Decoder, a token at a time,
// and gives the events of the XML that the JSON mirrors ([D-12]): an
// object's key K with an object value is the element K holding elements,
// with a string (or number) value the element K holding that text, with an
// array value one element K per item; "" and null are an empty element.
type jsonSource struct {
	dec     *json.Decoder
	in      *input
	bom     int64
	stack   []jsonFrame // the objects and arrays open
	started bool
	queue   []event // events to give before reading on
}

type jsonFrame struct {
	array bool
	name  string // the element: an object's, or each item's of an array
}

func newJSONSource(r io.Reader) *jsonSource {
	in := &input{r: r, count: true, bound: true, utf8: true}
	br, bom := open(in)
	dec := json.NewDecoder(br)
	dec.UseNumber()
	return &jsonSource{dec: dec, in: in, bom: bom}
}

func (s *jsonSource) line() int {
	return s.in.lineAt(s.dec.InputOffset() + s.bom)
}

func (s *jsonSource) offset() int64 { return s.dec.InputOffset() }

func (s *jsonSource) token() (json.Token, error) {
	tok, err := s.dec.Token()
	if err != nil {
		return nil, s.fail(err)
	}
	s.in.setMark(s.dec.InputOffset() + s.bom)
	return tok, nil
}

// fail turns an error of the Decoder into a *ReadError, or gives the
// reader's error.
func (s *jsonSource) fail(err error) error {
	if s.in.fault != "" {
		return &ReadError{Line: s.in.lineAt(max(s.in.faultOff, s.dec.InputOffset()+s.bom)), Msg: s.in.fault}
	}
	if s.in.err != nil {
		return s.in.err
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &ReadError{Line: s.in.lineAt(se.Offset + s.bom), Msg: "malformed JSON: " + strings.TrimPrefix(se.Error(), "json: ")}
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		off := s.dec.InputOffset() + s.bom
		if off > 0 {
			off-- // the last byte, not the end: a final newline is no line
		}
		return &ReadError{Line: s.in.lineAt(off), Msg: "malformed JSON: the text ends inside a value"}
	}
	return &ReadError{Line: s.line(), Msg: "malformed JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
}

func (s *jsonSource) next() (event, error) {
	if len(s.queue) > 0 {
		ev := s.queue[0]
		s.queue = s.queue[1:]
		return ev, nil
	}
	for {
		if len(s.stack) == 0 {
			if s.started {
				// After the document: only the end.
				_, err := s.dec.Token()
				if err == io.EOF && s.in.err == nil {
					return event{kind: evEOF}, nil
				}
				if err != nil {
					return event{}, s.fail(err)
				}
				return event{}, &ReadError{Line: s.line(), Msg: "malformed JSON: more text after the document's object"}
			}
			s.started = true
			tok, err := s.token()
			if err != nil {
				if re, ok := err.(*ReadError); ok && s.dec.InputOffset() == 0 && s.in.fault == "" {
					re.Msg = "the file holds no JSON: want {\"recordings\":{…}}"
				}
				return event{}, err
			}
			if d, ok := tok.(json.Delim); !ok || d != '{' {
				return event{}, &ReadError{Line: s.line(), Msg: "the JSON document is not an object: want {\"recordings\":{…}}"}
			}
			s.stack = append(s.stack, jsonFrame{})
			continue
		}
		top := s.stack[len(s.stack)-1]
		if top.array {
			tok, err := s.token()
			if err != nil {
				return event{}, err
			}
			switch tok {
			case json.Delim(']'):
				s.stack = s.stack[:len(s.stack)-1]
				continue
			case json.Delim('{'):
				s.stack = append(s.stack, jsonFrame{name: top.name})
				return event{kind: evStart, name: top.name}, nil
			case json.Delim('['):
				return event{}, &ReadError{Line: s.line(), Field: top.name, Msg: "an array inside the array " + top.name + ": its items are objects or strings"}
			}
			return s.leaf(top.name, tok)
		}
		tok, err := s.token()
		if err != nil {
			return event{}, err
		}
		if tok == json.Delim('}') {
			s.stack = s.stack[:len(s.stack)-1]
			if top.name == "" { // the document's object
				continue
			}
			return event{kind: evEnd, name: top.name}, nil
		}
		key, _ := tok.(string) // the Decoder gives only strings as keys
		val, err := s.token()
		if err != nil {
			return event{}, err
		}
		switch val {
		case json.Delim('{'):
			s.stack = append(s.stack, jsonFrame{name: key})
			return event{kind: evStart, name: key}, nil
		case json.Delim('['):
			s.stack = append(s.stack, jsonFrame{array: true, name: key})
			continue
		}
		return s.leaf(key, val)
	}
}

// leaf gives the events of the element name holding the text of tok.
func (s *jsonSource) leaf(name string, tok json.Token) (event, error) {
	switch v := tok.(type) {
	case string:
		s.queue = append(s.queue[:0], event{kind: evText, str: v}, event{kind: evEnd, name: name})
	case json.Number:
		s.queue = append(s.queue[:0], event{kind: evText, str: string(v)}, event{kind: evEnd, name: name})
	case nil:
		s.queue = append(s.queue[:0], event{kind: evEnd, name: name})
	default:
		return event{}, &ReadError{Line: s.line(), Field: name, Msg: "a JSON boolean: every value is a string holding the XML text"}
	}
	return event{kind: evStart, name: name}, nil
}
