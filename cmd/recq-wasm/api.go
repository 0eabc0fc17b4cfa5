package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/jsonr"
	"github.com/recq/recq/internal/report"
	"github.com/recq/recq/querybuilder"
	"github.com/recq/recq/timezone"
)

// The functions of globalThis.recq, in plain Go: JSON text in, the answer's
// JSON text out, and an error only for a misuse of the function itself
// (bad options), which JavaScript throws. A refused query is not such an
// error: it is the {error, errors} value recq parse prints. The JSON is
// read and written by hand (internal/jsonr, internal/jsonw and the Append
// functions of internal/report), as encoding/json would: the module then
// links neither encoding/json nor reflect (docs/BROWSER.md), and
// equivalence_test.go holds every call to the encoding/json version.

// options are the options object of parse, resolve and the rule-group calls.
type options struct {
	Now        string // the raw JSON of now: RFC 3339 text, or milliseconds since 1970; default: the clock of the caller
	TenantZone string // default UTC
	Resource   string // files (default) or transcripts, for rule groups
	Format     string // xml (default), json or csv, for rule groups

	at *instant // Now read, when readOptions has read it
}

// instant is options.now read once: the time, or why it cannot be read.
type instant struct {
	t   time.Time
	err error
}

// readNow reads options.now: RFC 3339 text or milliseconds since 1970.
func readNow(raw string) *instant {
	switch jsonr.Kind(raw) {
	case "string":
		t, err := time.Parse(time.RFC3339Nano, jsonr.Unquote(raw))
		if err != nil {
			return &instant{err: errorf("options.now: " + err.Error())}
		}
		return &instant{t: t}
	case "number":
		if ms, err := strconv.ParseFloat(raw, 64); err == nil {
			return &instant{t: time.UnixMilli(int64(ms)).UTC()}
		}
	}
	return &instant{err: errorf("options.now: expected RFC 3339 text or milliseconds since 1970")}
}

// readOptions reads an options object ("" or "null" for none) as
// encoding/json reads it into the struct it once was: keys matched ignoring
// case, the last of a repeated key kept, unknown keys ignored, a string
// key's null leaving it unset. A page passes the same options call after
// call, so the last few read are kept by their text (bench/README.md).
func readOptions(text string) (options, error) {
	var o options
	if text == "" || text == "undefined" || text == "null" {
		return o, nil
	}
	if o, ok := optionsSeen.get(text); ok {
		return o, nil
	}
	if err := jsonr.Check(text); err != nil {
		return o, errorf("options: " + err.Error())
	}
	members, ok := jsonr.Members(text)
	if !ok {
		if kind := jsonr.Kind(text[jsonr.Space(text, 0):]); kind != "null" {
			return o, errorf("options: json: cannot unmarshal " + kind + " into Go value of type main.options")
		}
		return o, nil
	}
	var first error
	for _, m := range members {
		var field *string
		var name string
		switch {
		case strings.EqualFold(m.Name, "now"):
			o.Now = m.Value
			continue
		case strings.EqualFold(m.Name, "tenantZone"):
			field, name = &o.TenantZone, "tenantZone"
		case strings.EqualFold(m.Name, "resource"):
			field, name = &o.Resource, "resource"
		case strings.EqualFold(m.Name, "format"):
			field, name = &o.Format, "format"
		default:
			continue
		}
		switch kind := jsonr.Kind(m.Value); kind {
		case "string":
			*field = jsonr.Unquote(m.Value)
		case "null":
		default:
			if first == nil {
				first = errorf("options: json: cannot unmarshal " + kind + " into Go struct field options." + name + " of type string")
			}
		}
	}
	if first != nil {
		return o, first
	}
	if o.Now != "" && o.Now != "null" {
		o.at = readNow(o.Now)
	}
	optionsSeen.put(text, o)
	return o, nil
}

// clock returns the options' clock reading and tenant zone.
func (o options) clock(now func() time.Time) (time.Time, *time.Location, error) {
	var t time.Time
	if o.Now == "" || o.Now == "null" {
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
		return time.Time{}, nil, errorf("options.tenantZone: " + err.Error())
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
		return 0, 0, errorf("options.resource: " + strconv.Quote(o.Resource) + " is not files or transcripts")
	}
	f := filter.XML
	switch o.Format {
	case "", "xml":
	case "json":
		f = filter.JSON
	case "csv":
		f = filter.CSV
	default:
		return 0, 0, errorf("options.format: " + strconv.Quote(o.Format) + " is not xml, json or csv")
	}
	return r, f, nil
}

// api is the functions of globalThis.recq; now is the caller's clock. Each
// appends its answer's JSON to b.
type api struct{ now func() time.Time }

// Parse is recq parse: the accepted report or the refusal.
func (a api) Parse(b []byte, method, target, opts string) ([]byte, error) {
	o, err := readOptions(opts)
	if err != nil {
		return b, err
	}
	now, tenant, err := o.clock(a.now)
	if err != nil {
		return b, err
	}
	return report.AppendParse(b, method, target, now, tenant), nil
}

//go:generate go run gen_answers.go

// Schema is recq schema, generated (answers_gen.go).
func (a api) Schema(b []byte) ([]byte, error) { return append(b, schemaJSON...), nil }

// Fields is recq schema --for react-querybuilder --resource r.
func (a api) Fields(b []byte, resource string) ([]byte, error) {
	r, _, err := options{Resource: resource}.list()
	if err != nil {
		return b, err
	}
	return appendFields(b, querybuilder.Fields(r)), nil
}
