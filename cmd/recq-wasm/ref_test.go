package main

// The module's calls as they were written with encoding/json, before the
// hand-written reader and writers (git history: cmd/recq-wasm/api.go and
// call.go at cc33c77), kept as the reference that equivalence_test.go holds
// dispatch to, byte for byte.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/report/asvalue"
	"github.com/recq/recq/querybuilder"
	"github.com/recq/recq/schema"
	"github.com/recq/recq/timezone"
)

// refSeen caches the reference's options as readOptions did (it is only
// read by one test at a time).
var refSeen = map[string]refOptions{}

// The functions of globalThis.recq, in plain Go: JSON text in, a value to
// write as JSON out, and an error only for a misuse of the function itself
// (bad refOptions), which JavaScript throws. A refused query is not such an
// error: it is the {error, errors} value recq parse prints.

// refOptions are the refOptions object of parse, resolve and the rule-group calls.
type refOptions struct {
	Now        json.RawMessage `json:"now"`        // RFC 3339 text, or milliseconds since 1970; default: the clock of the caller
	TenantZone string          `json:"tenantZone"` // default UTC
	Resource   string          `json:"resource"`   // files (default) or transcripts, for rule groups
	Format     string          `json:"format"`     // xml (default), json or csv, for rule groups

	at *refInstant // Now read, when refReadOptions has read it
}

// refInstant is refOptions.now read once: the time, or why it cannot be read.
type refInstant struct {
	t   time.Time
	err error
}

// refReadNow reads refOptions.now: RFC 3339 text or milliseconds since 1970.
func refReadNow(raw json.RawMessage) *refInstant {
	var s string
	var ms float64
	switch {
	case json.Unmarshal(raw, &s) == nil:
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return &refInstant{err: fmt.Errorf("options.now: %v", err)}
		}
		return &refInstant{t: t}
	case json.Unmarshal(raw, &ms) == nil:
		return &refInstant{t: time.UnixMilli(int64(ms)).UTC()}
	}
	return &refInstant{err: errors.New("options.now: expected RFC 3339 text or milliseconds since 1970")}
}

// refReadOptions decodes an refOptions object ("" or "null" for none). A page
// passes the same refOptions call after call, and decoding them with
// encoding/json costs more in WebAssembly than the parse they go with, so
// the last few decoded are kept by their text (bench/README.md).
func refReadOptions(text string) (refOptions, error) {
	var o refOptions
	if text == "" || text == "undefined" || text == "null" {
		return o, nil
	}
	if o, ok := refSeen[text]; ok {
		return o, nil
	}
	if err := json.Unmarshal([]byte(text), &o); err != nil {
		return o, fmt.Errorf("options: %v", err)
	}
	if len(o.Now) > 0 && string(o.Now) != "null" {
		o.at = refReadNow(o.Now)
	}
	refSeen[text] = o
	return o, nil
}

// clock returns the refOptions' clock reading and tenant zone.
func (o refOptions) clock(now func() time.Time) (time.Time, *time.Location, error) {
	var t time.Time
	if len(o.Now) == 0 || string(o.Now) == "null" {
		t = now() // in WebAssembly a call out to JavaScript: only when needed
	} else {
		at := o.at
		if at == nil {
			at = refReadNow(o.Now)
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

// list returns the resource and format of the refOptions, for rule groups.
func (o refOptions) list() (filter.Resource, filter.Format, error) {
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

// refApi is the functions of globalThis.recq; now is the caller's clock.
type refApi struct{ now func() time.Time }

// Parse is recq parse: the accepted report or the refusal.
func (a refApi) Parse(method, target, opts string) (any, error) {
	o, err := refReadOptions(opts)
	if err != nil {
		return nil, err
	}
	now, tenant, err := o.clock(a.now)
	if err != nil {
		return nil, err
	}
	return asvalue.Parse(method, target, now, tenant), nil
}

// Schema is recq schema.
func (a refApi) Schema() (any, error) { return schema.Get(), nil }

// Fields is recq schema --for react-querybuilder --resource r.
func (a refApi) Fields(resource string) (any, error) {
	r, _, err := refOptions{Resource: resource}.list()
	if err != nil {
		return nil, err
	}
	return querybuilder.Fields(r), nil
}

// refChecked is a query in its JSON form beside its canonical request.
type refChecked struct {
	Query     *filter.Query `json:"query"`
	Canonical string        `json:"canonical"`
}

// refFromJSON reads a Query's JSON form, refChecked as the parser checks a request.
func refFromJSON(query string) (*filter.Query, *asvalue.Refused) {
	q := new(filter.Query)
	if err := json.Unmarshal([]byte(query), q); err != nil {
		return nil, asvalue.Refusal(err)
	}
	return q, nil
}

// FromJSON checks a Query's JSON form: {query, canonical}, or the refusal.
func (a refApi) FromJSON(query string) (any, error) {
	q, refused := refFromJSON(query)
	if refused != nil {
		return refused, nil
	}
	return refChecked{q, encode.Canonical(q)}, nil
}

// Canonical is the canonical request of a Query's JSON form: {canonical},
// or the refusal.
func (a refApi) Canonical(query string) (any, error) {
	q, refused := refFromJSON(query)
	if refused != nil {
		return refused, nil
	}
	return struct {
		Canonical string `json:"canonical"`
	}{encode.Canonical(q)}, nil
}

// Resolve is recq parse for a Query's JSON form.
func (a refApi) Resolve(query, opts string) (any, error) {
	o, err := refReadOptions(opts)
	if err != nil {
		return nil, err
	}
	now, tenant, err := o.clock(a.now)
	if err != nil {
		return nil, err
	}
	q, refused := refFromJSON(query)
	if refused != nil {
		return refused, nil
	}
	return asvalue.Describe(q, now, tenant), nil
}

// ToRuleGroup is the react-querybuilder rule group of a Query's JSON form.
func (a refApi) ToRuleGroup(query string) (any, error) {
	q, refused := refFromJSON(query)
	if refused != nil {
		return refused, nil
	}
	return querybuilder.FromQuery(q), nil
}

// refGroupRefusal is a refused rule group: the first fault and all of them,
// each naming its rule.
type refGroupRefusal struct {
	Error  *querybuilder.Error   `json:"error"`
	Errors []*querybuilder.Error `json:"errors"`
}

// refReadGroup decodes a rule group and the refOptions' resource and format.
func refReadGroup(group, opts string) (*querybuilder.RuleGroup, filter.Resource, filter.Format, error) {
	o, err := refReadOptions(opts)
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
func (a refApi) FromRuleGroup(group, opts string) (any, error) {
	g, r, f, err := refReadGroup(group, opts)
	if err != nil {
		return nil, err
	}
	q, err := querybuilder.ToQuery(g, r, f)
	if err != nil {
		var list querybuilder.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return nil, err
		}
		return refGroupRefusal{list[0], list}, nil
	}
	return refChecked{q, encode.Canonical(q)}, nil
}

// ValidateRuleGroup is react-querybuilder's ValidationMap of a rule group.
func (a refApi) ValidateRuleGroup(group, opts string) (any, error) {
	g, r, f, err := refReadGroup(group, opts)
	if err != nil {
		return nil, err
	}
	return querybuilder.Validate(g, r, f), nil
}

// refDispatch runs one call of recq._call: a JSON array of the function's name
// and its arguments (strings, or any JSON value, which the functions take
// as JSON text). It returns {"ok": value} or {"throw": message}, as text.
func refDispatch(a refApi, text string) string {
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(text), &raw); err != nil || len(raw) == 0 {
		return refEnvelope(nil, refErrorf("_call: expected [name, ...arguments]"))
	}
	args := make([]string, len(raw))
	for i, r := range raw {
		var s string
		switch {
		case len(r) >= 2 && r[0] == '"' && bytes.IndexByte(r, '\\') < 0:
			// A string without escapes is its bytes between the quotes
			// (Unmarshal has refChecked the text): no second decoding.
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
		err = refErrorf("no function " + strconv.Quote(args[0]))
	}
	return refEnvelope(v, err)
}

// refEnvelope writes a result or a misuse as the JSON text _call returns.
func refEnvelope(v any, err error) string {
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

type refStringError string

func (e refStringError) Error() string { return string(e) }

func refErrorf(s string) error { return refStringError(s) }
