package client

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strconv"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/termtext"
)

// readFaults reads the faults of an error body in format f, in the shapes
// server.ErrorBody writes (docs/CLIENT.md): XML <errors><error>…, JSON
// {"error":…,"errors":[…]}, CSV with a header row naming variable, pos,
// message and hint. It returns nil when body is none of these: the caller
// then keeps the body's first bytes instead. (package encode reads
// records, not error bodies; this is the error body's reader until it does.)
func readFaults(body []byte, f filter.Format) filter.ErrorList {
	body = bytes.TrimPrefix(body, []byte("\uFEFF"))
	var list filter.ErrorList
	switch f {
	case filter.JSON:
		var v struct {
			Error  *filter.Error    `json:"error"`
			Errors filter.ErrorList `json:"errors"`
		}
		if json.Unmarshal(body, &v) != nil {
			return nil
		}
		list = v.Errors
		if len(list) == 0 && v.Error != nil {
			list = filter.ErrorList{v.Error}
		}
	case filter.CSV:
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil || len(rows) < 2 {
			return nil
		}
		col := map[string]int{}
		for i, name := range rows[0] {
			col[name] = i
		}
		if _, ok := col["message"]; !ok {
			return nil
		}
		get := func(row []string, name string) string {
			if i, ok := col[name]; ok && i < len(row) {
				return row[i]
			}
			return ""
		}
		for _, row := range rows[1:] {
			pos, err := strconv.Atoi(get(row, "pos"))
			if err != nil {
				pos = -1
			}
			list = append(list, &filter.Error{Code: filter.Code(get(row, "code")), Variable: get(row, "variable"), Pos: pos, Msg: get(row, "message"), Hint: get(row, "hint")})
		}
	default:
		var v struct {
			XMLName xml.Name `xml:"errors"`
			Errors  []struct {
				Variable string `xml:"variable"`
				Pos      string `xml:"pos"`
				Message  string `xml:"message"`
				Hint     string `xml:"hint"`
				Code     string `xml:"code"`
			} `xml:"error"`
		}
		if xml.Unmarshal(body, &v) != nil {
			return nil
		}
		for _, e := range v.Errors {
			pos, err := strconv.Atoi(e.Pos)
			if err != nil {
				pos = -1
			}
			list = append(list, &filter.Error{Code: filter.Code(e.Code), Variable: e.Variable, Pos: pos, Msg: e.Message, Hint: e.Hint})
		}
	}
	list = slices.DeleteFunc(list, func(e *filter.Error) bool { return e == nil }) // JSON's null
	if len(list) == 0 {
		return nil
	}
	for _, e := range list {
		e.JSONPath = termtext.Escape(e.JSONPath)
		// Text of the network: escaped where it enters, as encode escapes
		// the text of a file in a ReadError, so that no caller printing a
		// fault hands a terminal a CR or a CSI (docs/CLIENT.md, "Failures").
		e.Code, e.Variable = filter.Code(termtext.Escape(string(e.Code))), termtext.Escape(e.Variable)
		e.Msg, e.Hint = termtext.Escape(e.Msg), termtext.Escape(e.Hint)
		for i, s := range e.Suggestions {
			e.Suggestions[i] = termtext.Escape(s)
		}
	}
	return list
}
