package recq

import (
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/internal/jsonw"
)

// Report is a query as recq parse prints it (docs/LANGUAGE.md §9): what
// it names, its canonical form, the zone its dates are read in and their
// instants at one clock reading, its matches and its warnings. Encoded with encoding/json it is the object recq parse prints
// and the browser module returns; keys of absent variables are left out.
type Report struct {
	Method     string            `json:"method"`               // GET or DELETE
	Resource   string            `json:"resource"`             // files, file, transcripts or transcript
	ID         string            `json:"id,omitempty"`         // a file's path or a transcript's interactionGUID
	Format     string            `json:"format"`               // xml, json or csv
	Canonical  string            `json:"canonical"`            // encode.Canonical
	Zone       string            `json:"zone"`                 // the tz given, else the tenant zone
	D          *Window           `json:"d,omitempty"`          // half-open: To is excluded
	StartDate  *Window           `json:"startDate,omitempty"`  // both ends included
	FinishDate *Window           `json:"finishDate,omitempty"` // both ends included
	Fields     map[string]string `json:"fields,omitempty"`     // field matches by name
	MetaData   map[string]string `json:"metaData,omitempty"`   // fieldName and fieldValue, those given
	Filter     string            `json:"filter,omitempty"`     // the filter's canonical text (docs/LANGUAGE.md §14.5)
	// FilterDates are the filter's date values, each with the interval
	// it denotes (half-open), in the order written, for a builder's preview.
	FilterDates []FilterDate     `json:"filterDates,omitempty"`
	N           int              `json:"n"`        // the 1-based index of the first record
	Warnings    []filter.Warning `json:"warnings"` // never nil: [] when there are none
}

// FilterDate is one date value of a filter's comparison and the instants
// it denotes: startDate=ge=today-7d gives the selector startDate, the
// operator =ge=, the value today-7d and that day, [From, To).
type FilterDate struct {
	Selector string
	Operator string
	Value    string
	From, To time.Time
}

// MarshalJSON writes {"selector", "operator", "value", "from", "to"}, the
// ends as Window writes them.
func (d FilterDate) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 128)
	b = append(b, `{"selector":`...)
	b = jsonw.String(b, d.Selector)
	b = append(b, `,"operator":`...)
	b = jsonw.String(b, d.Operator)
	b = append(b, `,"value":`...)
	b = jsonw.String(b, d.Value)
	w, _ := Window{d.From, d.To}.MarshalJSON()
	b = append(b, ',')
	return append(b, w[1:]...), nil
}

// Window is a span of instants, in the report's zone. Encoded as JSON its
// ends are written as time.RFC3339Nano writes them.
type Window struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Describe resolves q at the clock reading now, in q's zone or else the
// tenant's (nil is UTC), and returns its report. It fails as q.Resolve
// does: a range whose end is not after its start, or an instant outside
// the years 0000 to 9999, each a filter.ErrorList.
func Describe(q *filter.Query, now time.Time, tenant *time.Location) (Report, error) {
	res, err := q.Resolve(now, tenant)
	if err != nil {
		return Report{}, err
	}
	r := Report{
		Method:     q.Method,
		Resource:   q.Resource.String(),
		ID:         q.ID,
		Format:     q.Format.String(),
		Canonical:  encode.Canonical(q),
		Zone:       res.Zone.String(),
		D:          newWindow(res.Date),
		StartDate:  newWindow(res.StartDate),
		FinishDate: newWindow(res.FinishDate),
		N:          q.N,
		Warnings:   append([]filter.Warning{}, q.Warnings...),
	}
	if len(q.Fields) > 0 {
		r.Fields = make(map[string]string, len(q.Fields))
		for _, f := range q.Fields {
			r.Fields[f.Name] = f.Value
		}
	}
	if q.Filter != nil {
		r.Filter = q.Filter.String()
		for _, d := range filterDates(q, res) {
			r.FilterDates = append(r.FilterDates, FilterDate{d.Selector, d.Operator, d.Value, d.From, d.To})
		}
	}
	if q.HasMetaName || q.HasMetaValue {
		r.MetaData = map[string]string{}
		if q.HasMetaName {
			r.MetaData["fieldName"] = q.MetaName
		}
		if q.HasMetaValue {
			r.MetaData["fieldValue"] = q.MetaValue
		}
	}
	return r, nil
}

// filterDates lists the date values of q's filter with their windows.
func filterDates(q *filter.Query, res filter.Resolved) []expr.DateValue {
	return q.Filter.DateValues(res.Filter)
}

func newWindow(w *daterange.Window) *Window {
	if w == nil {
		return nil
	}
	return &Window{From: w.From, To: w.To}
}

// MarshalJSON writes the ends as time.RFC3339Nano formats them. Unlike
// time.Time's own MarshalJSON it does not fail on a zone's local mean
// time, whose offset has seconds (America/New_York before 1883 is
// -04:56:02): the offset is written to the minute, as Format does.
func (w Window) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 80)
	b = append(b, `{"from":"`...)
	b = w.From.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","to":"`...)
	b = w.To.AppendFormat(b, time.RFC3339Nano)
	return append(b, `"}`...), nil
}
