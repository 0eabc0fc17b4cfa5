package main

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// dispatch runs one call of recq._call: a JSON array of the function's name
// and its arguments (strings, or any JSON value, which the functions take
// as JSON text). It returns {"ok": value} or {"throw": message}, as text.
func dispatch(a api, text string) string {
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(text), &raw); err != nil || len(raw) == 0 {
		return envelope(nil, errorf("_call: expected [name, ...arguments]"))
	}
	args := make([]string, len(raw))
	for i, r := range raw {
		var s string
		switch {
		case len(r) >= 2 && r[0] == '"' && bytes.IndexByte(r, '\\') < 0:
			// A string without escapes is its bytes between the quotes
			// (Unmarshal has checked the text): no second decoding.
			args[i] = string(r[1 : len(r)-1])
		case len(r) > 0 && r[0] == '"' && json.Unmarshal(r, &s) == nil:
			args[i] = s
		case string(r) != "null":
			args[i] = string(r)
		}
	}
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	var (
		v   any
		err error
	)
	switch args[0] {
	case "parse":
		v, err = a.Parse(arg(1), arg(2), arg(3))
	case "schema":
		v, err = a.Schema()
	case "fields":
		v, err = a.Fields(arg(1))
	case "fromJSON":
		v, err = a.FromJSON(arg(1))
	case "canonical":
		v, err = a.Canonical(arg(1))
	case "resolve":
		v, err = a.Resolve(arg(1), arg(2))
	case "toRuleGroup":
		v, err = a.ToRuleGroup(arg(1))
	case "fromRuleGroup":
		v, err = a.FromRuleGroup(arg(1), arg(2))
	case "validateRuleGroup":
		v, err = a.ValidateRuleGroup(arg(1), arg(2))
	default:
		err = errorf("no function " + strconv.Quote(args[0]))
	}
	return envelope(v, err)
}

// envelope writes a result or a misuse as the JSON text _call returns.
func envelope(v any, err error) string {
	if err == nil {
		// {"ok": v} written around v's own JSON: marshaling a struct
		// holding v would check and copy v's text once more.
		b, merr := json.Marshal(v)
		if merr == nil {
			return `{"ok":` + string(b) + "}"
		}
		err = merr
	}
	b, _ := json.Marshal(struct {
		Throw string `json:"throw"`
	}{"recq: " + err.Error()})
	return string(b)
}

type stringError string

func (e stringError) Error() string { return string(e) }

func errorf(s string) error { return stringError(s) }
