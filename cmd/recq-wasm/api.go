package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/report"
	"github.com/recq/recq/querybuilder"
	"github.com/recq/recq/schema"
	"github.com/recq/recq/timezone"
)

// The functions of globalThis.recq, in plain Go: JSON text in, a value to
// write as JSON out, and an error only for a misuse of the function itself
// (bad options), which JavaScript throws. A refused query is not such an
// error: it is the {error, errors} value recq parse prints.

// options are the options object of parse, resolve and the rule-group calls.
type options struct {
	Now        json.RawMessage `json:"now"`        // RFC 3339 text, or milliseconds since 1970; default: the clock of the caller
	TenantZone string          `json:"tenantZone"` // default UTC
	Resource   string          `json:"resource"`   // files (default) or transcripts, for rule groups
	Format     string          `json:"format"`     // xml (default), json or csv, for rule groups

	at *instant // Now read, when readOptions has read it
}

// instant is options.now read once: the time, or why it cannot be read.
type instant struct {
	t   time.Time
	err error
}

// readNow reads options.now: RFC 3339 text or milliseconds since 1970.
func readNow(raw json.RawMessage) *instant {
	var s string
	var ms float64
	switch {
	case json.Unmarshal(raw, &s) == nil:
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return &instant{err: fmt.Errorf("options.now: %v", err)}
		}
		return &instant{t: t}
	case json.Unmarshal(raw, &ms) == nil:
		return &instant{t: time.UnixMilli(int64(ms)).UTC()}
	}
	return &instant{err: errors.New("options.now: expected RFC 3339 text or milliseconds since 1970")}
}

// readOptions decodes an options object ("" or "null" for none). A page
// passes the same options call after call, and decoding them with
// encoding/json costs more in WebAssembly than the parse they go with, so
// the last few decoded are kept by their text (bench/README.md).
func readOptions(text string) (options, error) {
	var o options
	if text == "" || text == "undefined" || text == "null" {
		return o, nil
	}
	if o, ok := optionsSeen.get(text); ok {
		return o, nil
	}
	if err := json.Unmarshal([]byte(text), &o); err != nil {
		return o, fmt.Errorf("options: %v", err)
	}
	if len(o.Now) > 0 && string(o.Now) != "null" {
		o.at = readNow(o.Now)
	}
	optionsSeen.put(text, o)
	return o, nil
}

// clock returns the options' clock reading and tenant zone.
func (o options) clock(now func() time.Time) (time.Time, *time.Location, error) {
	var t time.Time
	if len(o.Now) == 0 || string(o.Now) == "null" {
		t = now() // in WebAssembly a call out to JavaScript: only when needed
	} else {
		at := o.at
		if at == nil {
			at = readNow(o.Now)
		}
		if at.err != nil {
			return time.Time{}, nil, at.err
		}
		t = at.t
	}
	zone := o.TenantZone
	if zone == "" {
		zone = "UTC"
	}
	tenant, err := timezone.Load(zone)
	if err != nil {
		return time.Time{}, nil, fmt.Errorf("options.tenantZone: %v", err)
	}
	return t, tenant, nil
}

// list returns the resource and format of the options, for rule groups.
func (o options) list() (filter.Resource, filter.Format, error) {
	r := filter.Files
	switch o.Resource {
	case "", "files":
	case "transcripts":
		r = filter.Transcripts
	default:
		return 0, 0, fmt.Errorf("options.resource: %q is not files or transcripts", o.Resource)
	}
	f := filter.XML
	switch o.Format {
	case "", "xml":
	case "json":
		f = filter.JSON
	case "csv":
		f = filter.CSV
	default:
		return 0, 0, fmt.Errorf("options.format: %q is not xml, json or csv", o.Format)
	}
	return r, f, nil
}

// api is the functions of globalThis.recq; now is the caller's clock.
type api struct{ now func() time.Time }

// Parse is recq parse: the accepted report or the refusal.
func (a api) Parse(method, target, opts string) (any, error) {
	o, err := readOptions(opts)
	if err != nil {
		return nil, err
	}
	now, tenant, err := o.clock(a.now)
	if err != nil {
		return nil, err
	}
	return report.Parse(method, target, now, tenant), nil
}

// Schema is recq schema.
func (a api) Schema() (any, error) { return schema.Get(), nil }

// Fields is recq schema --for react-querybuilder --resource r.
func (a api) Fields(resource string) (any, error) {
	r, _, err := options{Resource: resource}.list()
	if err != nil {
		return nil, err
	}
	return querybuilder.Fields(r), nil
}

// checked is a query in its JSON form beside its canonical request.
type checked struct {
	Query     *filter.Query `json:"query"`
	Canonical string        `json:"canonical"`
}

// fromJSON reads a Query's JSON form, checked as the parser checks a request.
func fromJSON(query string) (*filter.Query, *report.Refused) {
	q := new(filter.Query)
	if err := json.Unmarshal([]byte(query), q); err != nil {
		return nil, report.Refusal(err)
	}
	return q, nil
}

// FromJSON checks a Query's JSON form: {query, canonical}, or the refusal.
func (a api) FromJSON(query string) (any, error) {
	q, refused := fromJSON(query)
	if refused != nil {
		return refused, nil
	}
	return checked{q, encode.Canonical(q)}, nil
}

// Canonical is the canonical request of a Query's JSON form: {canonical},
// or the refusal.
func (a api) Canonical(query string) (any, error) {
	q, refused := fromJSON(query)
	if refused != nil {
		return refused, nil
	}
	return struct {
		Canonical string `json:"canonical"`
	}{encode.Canonical(q)}, nil
}

// Resolve is recq parse for a Query's JSON form.
func (a api) Resolve(query, opts string) (any, error) {
	o, err := readOptions(opts)
	if err != nil {
		return nil, err
	}
	now, tenant, err := o.clock(a.now)
	if err != nil {
		return nil, err
	}
	q, refused := fromJSON(query)
	if refused != nil {
		return refused, nil
	}
	return report.Describe(q, now, tenant), nil
}

// ToRuleGroup is the react-querybuilder rule group of a Query's JSON form.
func (a api) ToRuleGroup(query string) (any, error) {
	q, refused := fromJSON(query)
	if refused != nil {
		return refused, nil
	}
	return querybuilder.FromQuery(q), nil
}

// groupRefusal is a refused rule group: the first fault and all of them,
// each naming its rule.
type groupRefusal struct {
	Error  *querybuilder.Error   `json:"error"`
	Errors []*querybuilder.Error `json:"errors"`
}

// readGroup decodes a rule group and the options' resource and format.
func readGroup(group, opts string) (*querybuilder.RuleGroup, filter.Resource, filter.Format, error) {
	o, err := readOptions(opts)
	if err != nil {
		return nil, 0, 0, err
	}
	r, f, err := o.list()
	if err != nil {
		return nil, 0, 0, err
	}
	g := new(querybuilder.RuleGroup)
	if err := json.Unmarshal([]byte(group), g); err != nil {
		return nil, 0, 0, fmt.Errorf("rule group: %v", err)
	}
	return g, r, f, nil
}

// FromRuleGroup is the query of a rule group: {query, canonical}, or the
// refusal whose faults name their rules.
func (a api) FromRuleGroup(group, opts string) (any, error) {
	g, r, f, err := readGroup(group, opts)
	if err != nil {
		return nil, err
	}
	q, err := querybuilder.ToQuery(g, r, f)
	if err != nil {
		var list querybuilder.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return nil, err
		}
		return groupRefusal{list[0], list}, nil
	}
	return checked{q, encode.Canonical(q)}, nil
}

// ValidateRuleGroup is react-querybuilder's ValidationMap of a rule group.
func (a api) ValidateRuleGroup(group, opts string) (any, error) {
	g, r, f, err := readGroup(group, opts)
	if err != nil {
		return nil, err
	}
	return querybuilder.Validate(g, r, f), nil
}
