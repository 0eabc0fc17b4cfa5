package main

import (
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/canonical"
	"github.com/recq/recq/internal/jsonw"
	"github.com/recq/recq/internal/report"
)

// appendQuery appends q's JSON form as filter.Query.MarshalJSON writes it;
// nil is null.
func appendQuery(b []byte, q *filter.Query) []byte {
	if q == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	if q.Method != "" {
		b = jsonw.Key(b, "method")
		b = jsonw.String(b, q.Method)
	}
	b = jsonw.Key(b, "resource")
	b = jsonw.String(b, q.Resource.String())
	if q.ID != "" {
		b = jsonw.Key(b, "id")
		b = jsonw.String(b, q.ID)
	}
	if f := q.Format.String(); f != "" {
		b = jsonw.Key(b, "format")
		b = jsonw.String(b, f)
	}
	if q.HasDate {
		b = jsonw.Key(b, "d")
		b = jsonw.String(b, q.Date.String())
	}
	if q.Zone != nil {
		b = jsonw.Key(b, "tz")
		b = jsonw.String(b, q.ZoneName)
	}
	if q.HasStartDate {
		b = jsonw.Key(b, "start-date")
		b = jsonw.String(b, q.StartDate.String())
	}
	if q.HasFinishDate {
		b = jsonw.Key(b, "finish-date")
		b = jsonw.String(b, q.FinishDate.String())
	}
	if len(q.Fields) > 0 {
		// A map of name to value, as encoding/json writes one: sorted, the
		// last value of a name kept.
		last := make(map[string]string, len(q.Fields))
		names := make([]string, 0, len(q.Fields))
		for _, f := range q.Fields {
			if _, seen := last[f.Name]; !seen {
				names = append(names, f.Name)
			}
			last[f.Name] = f.Value
		}
		sortStrings(names)
		b = jsonw.Key(b, "fields")
		b = append(b, '{')
		for _, n := range names {
			b = jsonw.Key(b, n)
			b = jsonw.String(b, last[n])
		}
		b = append(b, '}')
	}
	if q.HasMetaName || q.HasMetaValue {
		b = jsonw.Key(b, "metaData")
		b = append(b, '{')
		if q.HasMetaName {
			b = jsonw.Key(b, "fieldName")
			b = jsonw.String(b, q.MetaName)
		}
		if q.HasMetaValue {
			b = jsonw.Key(b, "fieldValue")
			b = jsonw.String(b, q.MetaValue)
		}
		b = append(b, '}')
	}
	if q.Filter != nil {
		b = jsonw.Key(b, "filter")
		b = jsonw.String(b, q.Filter.String())
	}
	b = jsonw.Key(b, "n")
	b = jsonw.Int(b, q.N)
	if len(q.Warnings) > 0 {
		b = jsonw.Key(b, "warnings")
		b = report.AppendWarnings(b, q.Warnings)
	}
	return append(b, '}')
}

// appendChecked appends {"query": …, "canonical": …}.
func appendChecked(b []byte, q *filter.Query) []byte {
	b = append(b, `{"query":`...)
	b = appendQuery(b, q)
	b = append(b, `,"canonical":`...)
	b = jsonw.String(b, canonical.String(q))
	return append(b, '}')
}

// appendCanonical appends {"canonical": …}.
func appendCanonical(b []byte, q *filter.Query) []byte {
	b = append(b, `{"canonical":`...)
	b = jsonw.String(b, canonical.String(q))
	return append(b, '}')
}
