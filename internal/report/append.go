package report

import (
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/canonical"
	"github.com/recq/recq/internal/jsonw"
	"github.com/recq/recq/internal/rfc3339"
)

// The same answers as asvalue.Parse, Describe and Refusal, appended as the JSON text
// encoding/json writes for them, byte for byte (append_test.go holds them
// to it): the browser module answers with these, without encoding/json
// (docs/BROWSER.md).

// AppendParse appends the JSON of asvalue.Parse(method, target, now, tenant).
func AppendParse(b []byte, method, target string, now time.Time, tenant *time.Location) []byte {
	q, err := filter.Parse(method, target)
	if err != nil {
		return AppendRefusal(b, err)
	}
	return AppendDescribe(b, q, now, tenant)
}

// AppendDescribe appends the JSON of asvalue.Describe(q, now, tenant): the
// recq.Report, or the refusal when q cannot be resolved.
func AppendDescribe(b []byte, q *filter.Query, now time.Time, tenant *time.Location) []byte {
	res, err := q.Resolve(now, tenant)
	if err != nil {
		return AppendRefusal(b, err)
	}
	b = append(b, `{"method":`...)
	b = jsonw.String(b, q.Method)
	b = append(b, `,"resource":`...)
	b = jsonw.String(b, q.Resource.String())
	if q.ID != "" {
		b = append(b, `,"id":`...)
		b = jsonw.String(b, q.ID)
	}
	b = append(b, `,"format":`...)
	b = jsonw.String(b, q.Format.String())
	b = append(b, `,"canonical":`...)
	b = jsonw.String(b, canonical.String(q))
	b = append(b, `,"zone":`...)
	b = jsonw.String(b, res.Zone.String())
	b = appendWindow(b, "d", res.Date)
	b = appendWindow(b, "startDate", res.StartDate)
	b = appendWindow(b, "finishDate", res.FinishDate)
	if len(q.Fields) > 0 {
		b = append(b, `,"fields":{`...)
		for i, f := range byName(q.Fields) {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonw.String(b, f.Name)
			b = append(b, ':')
			b = jsonw.String(b, f.Value)
		}
		b = append(b, '}')
	}
	if q.HasMetaName || q.HasMetaValue {
		b = append(b, `,"metaData":{`...)
		if q.HasMetaName { // encoding/json sorts a map's keys: fieldName first
			b = append(b, `"fieldName":`...)
			b = jsonw.String(b, q.MetaName)
		}
		if q.HasMetaValue {
			if q.HasMetaName {
				b = append(b, ',')
			}
			b = append(b, `"fieldValue":`...)
			b = jsonw.String(b, q.MetaValue)
		}
		b = append(b, '}')
	}
	if q.Filter != nil {
		var tmp [256]byte
		b = append(b, `,"filter":`...)
		b = jsonw.String(b, string(q.Filter.AppendText(tmp[:0])))
		if dates := q.Filter.DateValues(res.Filter); len(dates) > 0 {
			b = append(b, `,"filterDates":[`...)
			for i, d := range dates {
				if i > 0 {
					b = append(b, ',')
				}
				b = append(b, `{"selector":`...)
				b = jsonw.String(b, d.Selector)
				b = append(b, `,"operator":`...)
				b = jsonw.String(b, d.Operator)
				b = append(b, `,"value":`...)
				b = jsonw.String(b, d.Value)
				b = append(b, `,"from":"`...)
				b = rfc3339.Append(b, d.From)
				b = append(b, `","to":"`...)
				b = rfc3339.Append(b, d.To)
				b = append(b, `"}`...)
			}
			b = append(b, ']')
		}
	}
	b = append(b, `,"n":`...)
	b = jsonw.Int(b, q.N)
	b = append(b, `,"warnings":`...)
	b = AppendWarnings(b, q.Warnings)
	return append(b, '}')
}

// appendWindow appends ,"name":{"from":…,"to":…} as recq.Window writes
// it, or nothing for nil.
func appendWindow(b []byte, name string, w *daterange.Window) []byte {
	if w == nil {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, `":{"from":"`...)
	b = rfc3339.Append(b, w.From)
	b = append(b, `","to":"`...)
	b = rfc3339.Append(b, w.To)
	return append(b, `"}`...)
}

// byName returns the fields as encoding/json writes a map of them: sorted
// by name, the last value of a name kept. A query's fields are already so
// ([D-2]); then they are returned as they are.
func byName(fields []filter.Field) []filter.Field {
	ok := true
	for i := 1; i < len(fields); i++ {
		if fields[i-1].Name >= fields[i].Name {
			ok = false
			break
		}
	}
	if ok {
		return fields
	}
	var out []filter.Field
	for _, f := range fields {
		i := 0
		for i < len(out) && out[i].Name < f.Name {
			i++
		}
		switch {
		case i < len(out) && out[i].Name == f.Name:
			out[i] = f
		default:
			out = append(out, filter.Field{})
			copy(out[i+1:], out[i:])
			out[i] = f
		}
	}
	return out
}

// AppendWarnings appends the warnings as an array, [] for none.
func AppendWarnings(b []byte, ws []filter.Warning) []byte {
	b = append(b, '[')
	for i, w := range ws {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"variable":`...)
		b = jsonw.String(b, w.Variable)
		b = append(b, `,"message":`...)
		b = jsonw.String(b, w.Msg)
		b = append(b, '}')
	}
	return append(b, ']')
}

// AppendRefusal appends the JSON of asvalue.Refusal(err): {"error":…,"errors":[…]}.
func AppendRefusal(b []byte, err error) []byte {
	list := filter.Faults(err)
	if list == nil {
		list = filter.ErrorList{{Code: filter.CodeInternal, Variable: "query", Pos: -1, Msg: err.Error()}}
	}
	return AppendFaults(b, list)
}

// AppendFaults appends the rejection of a list of faults, as
// encode.NewRejection(list) is written.
func AppendFaults(b []byte, list filter.ErrorList) []byte {
	b = append(b, `{"error":`...)
	if len(list) == 0 {
		b = append(b, "null"...)
	} else {
		b = AppendError(b, list[0])
	}
	b = append(b, `,"errors":`...)
	b = AppendErrors(b, list)
	return append(b, '}')
}

// AppendErrors appends faults as a JSON array, [] for none.
func AppendErrors(b []byte, list filter.ErrorList) []byte {
	b = append(b, '[')
	for i, e := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendError(b, e)
	}
	return append(b, ']')
}

// AppendError appends one fault with filter.Error's JSON keys; nil is null.
func AppendError(b []byte, e *filter.Error) []byte {
	if e == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"code":`...)
	b = jsonw.String(b, string(e.Code))
	b = append(b, `,"variable":`...)
	b = jsonw.String(b, e.Variable)
	if e.JSONPath != "" {
		b = append(b, `,"path":`...)
		b = jsonw.String(b, e.JSONPath)
	}
	b = append(b, `,"pos":`...)
	b = jsonw.Int(b, e.Pos)
	b = append(b, `,"span":`...)
	b = appendSpan(b, e.Span)
	b = append(b, `,"utf16":`...)
	b = appendSpan(b, e.UTF16)
	b = append(b, `,"message":`...)
	b = jsonw.String(b, e.Msg)
	if e.Hint != "" {
		b = append(b, `,"hint":`...)
		b = jsonw.String(b, e.Hint)
	}
	b = append(b, `,"suggestions":`...)
	b = jsonw.Strings(b, e.Suggestions)
	return append(b, '}')
}

func appendSpan(b []byte, s filter.Span) []byte {
	b = append(b, `{"start":`...)
	b = jsonw.Int(b, s.Start)
	b = append(b, `,"end":`...)
	b = jsonw.Int(b, s.End)
	return append(b, '}')
}
