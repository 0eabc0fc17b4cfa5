package main

import (
	"strconv"
	"strings"

	"github.com/recq/recq/internal/jsonr"
	"github.com/recq/recq/internal/jsonw"
)

// dispatch runs one call of recq._call: a JSON array of the function's name
// and its arguments (strings, or any JSON value, which the functions take
// as JSON text). It returns {"ok": value} or {"throw": message}, as text.
func dispatch(a api, text string) string {
	return string(appendCall(nil, a, text))
}

// appendCall appends dispatch's answer to b.
func appendCall(b []byte, a api, text string) []byte {
	raw, err := jsonr.CheckArray(text, make([]string, 0, 4))
	if err != nil || len(raw) == 0 {
		return appendThrow(b, errorf("_call: expected [name, ...arguments]"))
	}
	args := raw // each element's text becomes the argument it stands for
	for i, r := range raw {
		switch {
		case len(r) >= 2 && r[0] == '"' && strings.IndexByte(r, '\\') < 0:
			// A string without escapes is its bytes between the quotes
			// (Check has checked the text): nothing to decode.
			args[i] = r[1 : len(r)-1]
		case len(r) > 0 && r[0] == '"':
			args[i] = jsonr.Unquote(r)
		case r == "null":
			args[i] = ""
		}
	}
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	start := len(b)
	b = append(b, `{"ok":`...)
	switch args[0] {
	case "parse":
		b, err = a.Parse(b, arg(1), arg(2), arg(3))
	case "schema":
		b, err = a.Schema(b)
	case "fields":
		b, err = a.Fields(b, arg(1))
	case "fromJSON":
		b, err = a.FromJSON(b, arg(1))
	case "canonical":
		b, err = a.Canonical(b, arg(1))
	case "resolve":
		b, err = a.Resolve(b, arg(1), arg(2))
	case "toRuleGroup":
		b, err = a.ToRuleGroup(b, arg(1))
	case "fromRuleGroup":
		b, err = a.FromRuleGroup(b, arg(1), arg(2))
	case "validateRuleGroup":
		b, err = a.ValidateRuleGroup(b, arg(1), arg(2))
	default:
		err = errorf("no function " + strconv.Quote(args[0]))
	}
	if err != nil {
		return appendThrow(b[:start], err)
	}
	return append(b, '}')
}

// appendThrow appends a misuse as {"throw": message}.
func appendThrow(b []byte, err error) []byte {
	b = append(b, `{"throw":`...)
	b = jsonw.String(b, "recq: "+err.Error())
	return append(b, '}')
}

type stringError string

func (e stringError) Error() string { return string(e) }

func errorf(s string) error { return stringError(s) }
