package conformance

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

// CheckLibrary runs the case against recq itself and returns each way the
// answer differs from the case, or nothing when it holds.
func (c Case) CheckLibrary() []string {
	var diffs []string
	tenant, err := timezone.Load(c.Tenant)
	if err != nil {
		return []string{"tenant: " + err.Error()}
	}
	q, err := filter.Parse(c.Method, c.Target)
	var res filter.Resolved
	if err == nil {
		res, err = q.Resolve(c.Now, tenant)
	}
	if err != nil {
		var list filter.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return []string{fmt.Sprintf("refused with %T %v, not a filter.ErrorList", err, err)}
		}
		first := list[0]
		if c.ErrVariable == "" {
			return []string{"refused: " + err.Error()}
		}
		if first.Variable != c.ErrVariable || first.Pos != c.ErrPos {
			diffs = append(diffs, fmt.Sprintf("first fault %s at %d (%v), want %s at %d", first.Variable, first.Pos, first, c.ErrVariable, c.ErrPos))
		}
		if c.ErrCode != "" && string(first.Code) != c.ErrCode {
			diffs = append(diffs, fmt.Sprintf("first fault's code %s (%v), want %s", first.Code, first, c.ErrCode))
		}
		if c.ErrSpan != nil && (first.Span.Start != c.ErrSpan[0] || first.Span.End != c.ErrSpan[1]) {
			diffs = append(diffs, fmt.Sprintf("first fault's span [%d,%d) (%v), want [%d,%d)", first.Span.Start, first.Span.End, first, c.ErrSpan[0], c.ErrSpan[1]))
		}
		if c.ErrSuggest != nil && !slices.Equal(first.Suggestions, c.ErrSuggest) && len(first.Suggestions)+len(c.ErrSuggest) > 0 {
			diffs = append(diffs, fmt.Sprintf("first fault's suggestions %q (%v), want %q", first.Suggestions, first, c.ErrSuggest))
		}
		return diffs
	}
	if c.ErrVariable != "" {
		return []string{fmt.Sprintf("accepted, want a fault in %s at %d", c.ErrVariable, c.ErrPos)}
	}
	if got := encode.Canonical(q); c.Canonical != "" && got != c.Canonical {
		diffs = append(diffs, fmt.Sprintf("canonical %s, want %s", got, c.Canonical))
	}
	diffs = append(diffs, compareWindow("d", res.Date, c.D)...)
	diffs = append(diffs, compareWindow("start-date", res.StartDate, c.StartDate)...)
	diffs = append(diffs, compareWindow("finish-date", res.FinishDate, c.FinishDate)...)
	if uses := q.Filter != nil; uses != (c.Extension == "filter") {
		diffs = append(diffs, fmt.Sprintf("the request uses filter= %v, the case says extension %q", uses, c.Extension))
	}
	if c.FilterDates != nil {
		diffs = append(diffs, compareFilterDates(q, res, c.FilterDates)...)
	}
	var warned []string
	for _, w := range q.Warnings {
		warned = append(warned, w.Variable)
	}
	if !slices.Equal(warned, c.Warnings) {
		diffs = append(diffs, fmt.Sprintf("warnings %v, want %v", warned, c.Warnings))
	}
	if c.HasPage {
		got, err := c.libraryPage(q, tenant)
		if err != nil {
			return append(diffs, err.Error())
		}
		if !slices.Equal(got, c.Page) {
			diffs = append(diffs, fmt.Sprintf("page %v, want %v", got, c.Page))
		}
	}
	return diffs
}

// libraryPage evaluates the query over the case's records.
func (c Case) libraryPage(q *filter.Query, tenant *time.Location) ([]string, error) {
	files, transcripts, err := c.LoadRecords()
	if err != nil {
		return nil, err
	}
	p, err := filter.Compile(q, c.Now, tenant)
	if err != nil {
		return nil, err
	}
	store := record.NewStore(files, transcripts)
	ids := []string{}
	switch q.Resource {
	case filter.Files:
		for _, f := range p.Files(store) {
			ids = append(ids, f.Filename)
		}
	case filter.Transcripts:
		for _, t := range p.Transcripts(store) {
			ids = append(ids, t.InteractionGUID)
		}
	}
	return ids, nil
}

// LoadRecords reads the case's records, in the format their file's suffix names.
func (c Case) LoadRecords() ([]record.File, []record.Transcript, error) {
	if c.Records == "" {
		return nil, nil, nil
	}
	format, ok := encode.DetectFormat(c.Records)
	if !ok {
		return nil, nil, fmt.Errorf("records %s: unknown format", c.Records)
	}
	f, err := testdata.Open("testdata/" + c.Records)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return encode.ReadRecords(f, format)
}

// compareWindow compares a resolved window with the case's, as instants.
func compareWindow(name string, got *daterange.Window, want *Window) []string {
	switch {
	case got == nil && want == nil:
		return nil
	case got == nil:
		return []string{name + ": no window, want " + want.String()}
	case want == nil:
		return nil // the case does not say
	}
	if !got.From.Equal(want.From) || !got.To.Equal(want.To) {
		return []string{fmt.Sprintf("%s: %s %s, want %s", name, got.From.Format(time.RFC3339Nano), got.To.Format(time.RFC3339Nano), want)}
	}
	return nil
}

// compareFilterDates compares the intervals of the filter's date values,
// in the order written, with the case's.
func compareFilterDates(q *filter.Query, res filter.Resolved, want []Window) []string {
	var got []expr.DateValue
	if q.Filter != nil {
		got = q.Filter.DateValues(res.Filter)
	}
	if len(got) != len(want) {
		return []string{fmt.Sprintf("%d date values in the filter, the case lists %d", len(got), len(want))}
	}
	var diffs []string
	for i, g := range got {
		if !g.From.Equal(want[i].From) || !g.To.Equal(want[i].To) {
			diffs = append(diffs, fmt.Sprintf("filter date %d (%s%s%s): %s %s, want %s", i+1, g.Selector, g.Operator, g.Value,
				g.From.Format(time.RFC3339Nano), g.To.Format(time.RFC3339Nano), want[i].String()))
		}
	}
	return diffs
}

// String writes the window as a case file does.
func (w *Window) String() string {
	return w.From.Format(time.RFC3339Nano) + " " + w.To.Format(time.RFC3339Nano)
}
