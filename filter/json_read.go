package filter

import (
	"strconv"
	"strings"

	"github.com/recq/recq/internal/jsonr"
)

// jsonFault is the first fault of decoding a query's JSON text as
// encoding/json's Decoder (DisallowUnknownFields) found it when it read the
// text into queryJSON: the same kinds, messages and offsets (json_read_test.go
// holds the two to each other). Reading by hand keeps encoding/json and
// reflect out of the browser module (docs/BROWSER.md).
type jsonFault struct {
	syntax  bool   // a *json.SyntaxError: msg at offset
	msg     string // syntax: its message; else the error's text without "json: "
	offset  int
	unknown string // the unknown key, for "json: unknown field"
	// a *json.UnmarshalTypeError: the JSON kind found (value), the path of
	// the field (field) and the kind it has as JSON names it (want)
	typed              bool
	value, field, want string
}

// queryKeys are queryJSON's keys, in its order.
var queryKeys = []string{"method", "resource", "id", "format", "d", "tz", "start-date", "finish-date", "fields", "metaData", "filter", "n", "warnings"}

// fieldOf matches a key to one of names as encoding/json matches a struct's
// fields: exactly, else ignoring case.
func fieldOf(key string, names []string) (string, bool) {
	for _, n := range names {
		if n == key {
			return n, true
		}
	}
	for _, n := range names {
		if strings.EqualFold(n, key) {
			return n, true
		}
	}
	return "", false
}

// queryDecoder reads a query's JSON text into queryJSON, keeping the first
// fault and reading on past it, as encoding/json does.
type queryDecoder struct {
	src   string
	fault *jsonFault
}

func (d *queryDecoder) save(f *jsonFault) {
	if d.fault == nil {
		d.fault = f
	}
}

// typeFault records a value of the wrong JSON kind at at (its raw text raw),
// for the field path, whose kind is want.
func (d *queryDecoder) typeFault(raw string, at int, path, want string) {
	value := jsonr.Kind(raw)
	off := at + len(raw) // a literal: the offset after it
	if value == "object" || value == "array" {
		off = at + 1 // after its opening delimiter
	}
	d.save(&jsonFault{typed: true, value: value, field: path, want: want, offset: off})
}

// decodeQueryJSON reads src as json.NewDecoder(src).Decode(&in) with
// DisallowUnknownFields reads it: the first JSON value only.
func decodeQueryJSON(src string, in *queryJSON) *jsonFault {
	start := jsonr.Space(src, 0)
	if start == len(src) {
		return &jsonFault{msg: "EOF"}
	}
	end, err := jsonr.CheckFirst(src)
	if err != nil {
		if err.Offset < 0 { // the text ends inside the value
			return &jsonFault{msg: "unexpected EOF"}
		}
		return &jsonFault{syntax: true, msg: err.Msg, offset: int(err.Offset)}
	}
	raw := src[start:end]
	d := &queryDecoder{src: src}
	switch jsonr.Kind(raw) {
	case "null":
	case "object":
		d.object(raw, start, in)
	default:
		d.typeFault(raw, start, "", "object")
	}
	return d.fault
}

func (d *queryDecoder) object(raw string, at int, in *queryJSON) {
	members, _ := jsonr.Members(raw)
	for _, m := range members {
		name, ok := fieldOf(m.Name, queryKeys)
		vat := at + m.ValueAt
		kind := jsonr.Kind(m.Value)
		if !ok {
			d.save(&jsonFault{unknown: m.Name, msg: "unknown field " + strconv.Quote(m.Name)})
			continue
		}
		switch name {
		case "method", "resource", "id", "format":
			p := &in.Method
			switch name {
			case "resource":
				p = &in.Resource
			case "id":
				p = &in.ID
			case "format":
				p = &in.Format
			}
			switch kind {
			case "string":
				*p = jsonr.Unquote(m.Value)
			case "null":
			default:
				d.typeFault(m.Value, vat, name, "string")
			}
		case "d", "tz", "start-date", "finish-date", "filter":
			p := &in.D
			switch name {
			case "filter":
				p = &in.Filter
			case "tz":
				p = &in.TZ
			case "start-date":
				p = &in.StartDate
			case "finish-date":
				p = &in.FinishDate
			}
			switch kind {
			case "string":
				s := jsonr.Unquote(m.Value)
				*p = &s
			case "null":
				*p = nil
			default:
				d.typeFault(m.Value, vat, name, "string")
			}
		case "fields":
			switch kind {
			case "object":
				if in.Fields == nil {
					in.Fields = map[string]string{}
				}
				inner, _ := jsonr.Members(m.Value)
				for _, f := range inner {
					switch jsonr.Kind(f.Value) {
					case "string":
						in.Fields[f.Name] = jsonr.Unquote(f.Value)
					case "null":
						in.Fields[f.Name] = ""
					default:
						d.typeFault(f.Value, vat+f.ValueAt, "fields", "string")
						in.Fields[f.Name] = ""
					}
				}
			case "null":
				in.Fields = nil
			default:
				d.typeFault(m.Value, vat, "fields", "object")
			}
		case "metaData":
			switch kind {
			case "object":
				if in.MetaData == nil {
					in.MetaData = &metaJSON{}
				}
				inner, _ := jsonr.Members(m.Value)
				for _, f := range inner {
					fname, ok := fieldOf(f.Name, []string{"fieldName", "fieldValue"})
					if !ok {
						d.save(&jsonFault{unknown: f.Name, msg: "unknown field " + strconv.Quote(f.Name)})
						continue
					}
					p := &in.MetaData.FieldName
					if fname == "fieldValue" {
						p = &in.MetaData.FieldValue
					}
					switch jsonr.Kind(f.Value) {
					case "string":
						s := jsonr.Unquote(f.Value)
						*p = &s
					case "null":
						*p = nil
					default:
						d.typeFault(f.Value, vat+f.ValueAt, "metaData."+fname, "string")
					}
				}
			case "null":
				in.MetaData = nil
			default:
				d.typeFault(m.Value, vat, "metaData", "object")
			}
		case "n":
			switch kind {
			case "number":
				n, err := strconv.ParseInt(m.Value, 10, strconv.IntSize)
				if err != nil {
					d.save(&jsonFault{typed: true, value: "number " + m.Value, field: "n", want: "number", offset: vat + len(m.Value)})
					continue
				}
				v := int(n)
				in.N = &v
			case "null":
				in.N = nil
			default:
				d.typeFault(m.Value, vat, "n", "number")
			}
		case "warnings":
			switch kind {
			case "array":
				elems, ats, _ := jsonr.ElementsAt(m.Value)
				ws := make([]Warning, 0, len(elems))
				for i, e := range elems {
					eat := vat + ats[i]
					var w Warning
					switch jsonr.Kind(e) {
					case "object":
						d.warning(e, eat, &w)
					case "null":
					default:
						d.typeFault(e, eat, "warnings", "object")
					}
					ws = append(ws, w)
				}
				in.Warnings = ws
			case "null":
				in.Warnings = nil
			default:
				d.typeFault(m.Value, vat, "warnings", "slice")
			}
		}
	}
}

// warning reads one element of "warnings" (written, never read: checked
// only as encoding/json checked it).
func (d *queryDecoder) warning(raw string, at int, w *Warning) {
	members, _ := jsonr.Members(raw)
	for _, m := range members {
		name, ok := fieldOf(m.Name, []string{"variable", "message"})
		if !ok {
			d.save(&jsonFault{unknown: m.Name, msg: "unknown field " + strconv.Quote(m.Name)})
			continue
		}
		p := &w.Variable
		if name == "message" {
			p = &w.Msg
		}
		switch jsonr.Kind(m.Value) {
		case "string":
			*p = jsonr.Unquote(m.Value)
		case "null":
		default:
			d.typeFault(m.Value, at+m.ValueAt, "warnings."+name, "string")
		}
	}
}
