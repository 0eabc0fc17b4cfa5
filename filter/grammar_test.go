package filter_test

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/grammar"
)

// The grammar of record (grammar.ParseRequest) and the fast path
// (filter.Parse) read the same request language: filter.Parse accepts only
// what the grammar accepts, and then reads the same resource, id, format and
// variables. The grammar may accept more: the semantic checks are
// filter.Parse's alone.

func TestGrammarAndParseAgreeOnRequests(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		method, target := grTarget(t)
		checkGrammarAgrees(t, method, target)
	})
}

// The document's requests, and edge cases of the syntax, by hand.
func TestGrammarAndParseAgreeOnExamples(t *testing.T) {
	targets := []string{
		"/files/S20071220/R200712200316361000",
		"/files.json/",
		"/transcripts/g.json/",
		"https:///api/recordings/transcripts/",
		"HTTP://host:80/files?&&agentID=bill&&#frag?x",
		"/files?agentID=a=b",
		"/files?agentID=%C3%A9+%2B",
		"/files?agentID=\xc3%A9",
		"/files?d=2007-08-05+13:15Z",
		"/files?%64=today&%74z=UTC",
		"/transcripts/g?",
		"/transcripts/g?#x",
	}
	for _, r := range documentRequests {
		targets = append(targets, r.target)
	}
	for _, target := range targets {
		for _, method := range []string{"GET", "DELETE"} {
			if _, err := filter.Parse(method, target); err == nil {
				if _, err := grammar.ParseRequest(target); err != nil {
					t.Errorf("filter.Parse(%q, %q) accepts, the grammar refuses: %v", method, target, err)
				}
			}
		}
		checkGrammarAgrees(t, "GET", target)
	}
}

func TestGrammarMaxRequestLength(t *testing.T) {
	if grammar.MaxRequestLength != filter.MaxRequestLength {
		t.Errorf("grammar.MaxRequestLength = %d, filter.MaxRequestLength = %d", grammar.MaxRequestLength, filter.MaxRequestLength)
	}
}

// checkGrammarAgrees asserts, for one target:
//
//	(a) when filter.Parse accepts it with some method, the grammar accepts it,
//	    with the same resource, id and format, and the same variables;
//	(b) when the grammar refuses it, filter.Parse refuses it with every method;
//	(c) filter.Parse never reports a '%' without two hex digits in a target
//	    the grammar accepts: that fault is syntax, and the grammar's to find.
func checkGrammarAgrees(t fatalfer, method, target string) {
	t.Helper()
	g, gerr := grammar.ParseRequest(target)
	for _, m := range []string{method, "GET", "DELETE", ""} {
		q, err := filter.Parse(m, target)
		if err != nil {
			if gerr == nil {
				checkNoSyntaxFault(t, m, target, err)
			}
			continue
		}
		if gerr != nil {
			t.Fatalf("filter.Parse(%q, %q) accepts, the grammar refuses: %v", m, target, gerr)
		}
		comparePath(t, m, target, g, q)
		compareVariables(t, m, target, g, q)
	}
}

// fatalfer is what the checks need of a *testing.T or a *rapid.T.
type fatalfer interface {
	Helper()
	Fatalf(format string, args ...any)
}

func checkNoSyntaxFault(t fatalfer, method, target string, err error) {
	t.Helper()
	var list filter.ErrorList
	if !errors.As(err, &list) {
		return
	}
	for _, e := range list {
		if strings.Contains(e.Msg, "without two hex digits") {
			t.Fatalf("filter.Parse(%q, %q) reports %q; the grammar accepts the target's syntax", method, target, e)
		}
	}
}

func comparePath(t fatalfer, method, target string, g *grammar.Request, q *filter.Query) {
	t.Helper()
	p := g.Path
	if got, want := p.Resource(), q.Resource.String(); got != want {
		t.Fatalf("%s %q: the grammar reads resource %q, filter.Parse %q", method, target, got, want)
	}
	format := p.Format()
	if format == "" {
		format = "xml"
	}
	if want := q.Format.String(); format != want {
		t.Fatalf("%s %q: the grammar reads format %q, filter.Parse %q", method, target, format, want)
	}
	id := p.ID()
	if q.Resource == filter.File {
		id = strings.TrimSuffix(id, ".wav") + ".wav" // filter.Parse always names the .wav
	}
	if id != q.ID {
		t.Fatalf("%s %q: the grammar reads id %q, filter.Parse %q", method, target, id, q.ID)
	}
}

// compareVariables compares the grammar's pairs, decoded independently by
// net/url, with the variables of q: every pair is in q, and everything q
// holds comes from a pair.
func compareVariables(t fatalfer, method, target string, g *grammar.Request, q *filter.Query) {
	t.Helper()
	seen := map[string]bool{}
	fields := 0
	for _, p := range g.Query {
		name, err := url.QueryUnescape(p.Name)
		if err != nil {
			t.Fatalf("%q: the grammar accepts the name %q: %v", target, p.Name, err)
		}
		value, err := url.QueryUnescape(p.Value)
		if err != nil {
			t.Fatalf("%q: the grammar accepts the value %q: %v", target, p.Value, err)
		}
		if n, v := p.Decode(); n != name || v != value {
			t.Fatalf("%q: Pair.Decode gives %q=%q, net/url %q=%q", target, n, v, name, value)
		}
		if seen[name] {
			t.Fatalf("%s %q: filter.Parse accepts %q given twice", method, target, name)
		}
		seen[name] = true
		ok := true
		switch name {
		case "d":
			ok = q.HasDate
			if _, err := grammar.ParseDateRange(value); err != nil {
				t.Fatalf("%q: filter.Parse accepts d=%q, the date grammar refuses it: %v", target, value, err)
			}
		case "tz":
			ok = q.Zone != nil && q.ZoneName == value
		case "start-date", "finish-date":
			ok = q.HasStartDate || name == "finish-date" && q.HasFinishDate
			if _, err := grammar.ParseDateValue(value); err != nil {
				t.Fatalf("%q: filter.Parse accepts %s=%q, the date grammar refuses it: %v", target, name, value, err)
			}
		case "filter":
			ok = q.Filter != nil && q.Filter.Text == value
			if _, err := grammar.ParseFilter(value); err != nil {
				t.Fatalf("%q: filter.Parse accepts filter=%q, the filter grammar refuses it: %v", target, value, err)
			}
		case "n":
			n, err := strconv.Atoi(value)
			ok = err == nil && n == q.N
		case "metaData_fieldName":
			ok = q.HasMetaName && q.MetaName == value
		case "metaData_fieldValue":
			ok = q.HasMetaValue && q.MetaValue == value
		default:
			fields++
			v, has := q.Field(name)
			ok = has && v == value
		}
		if !ok {
			t.Fatalf("%s %q: the grammar reads %q=%q; filter.Parse's query does not hold it: %+v", method, target, name, value, q)
		}
	}
	if fields != len(q.Fields) {
		t.Fatalf("%s %q: the grammar reads %d field variables, filter.Parse %d: %+v", method, target, fields, len(q.Fields), q.Fields)
	}
	for name, has := range map[string]bool{
		"d": q.HasDate, "tz": q.Zone != nil, "start-date": q.HasStartDate, "finish-date": q.HasFinishDate,
		"metaData_fieldName": q.HasMetaName, "metaData_fieldValue": q.HasMetaValue, "n": q.N != 1, "filter": q.Filter != nil,
	} {
		if has && !seen[name] {
			t.Fatalf("%s %q: filter.Parse's query holds %s, the grammar reads no such variable", method, target, name)
		}
	}
}

// grTarget draws a method and a target: a valid request most of the time,
// a near miss (one to three random edits of one) often, and sometimes a
// string of pieces of the language in any order.
func grTarget(t *rapid.T) (method, target string) {
	switch rapid.IntRange(0, 9).Draw(t, "kind") {
	case 0:
		pieces := rapid.SliceOfN(rapid.SampledFrom(grEdits), 0, 12).Draw(t, "pieces")
		return rapid.SampledFrom([]string{"GET", "DELETE"}).Draw(t, "method"), strings.Join(pieces, "")
	case 1, 2, 3:
		method, target = grValidRequest(t)
		return method, grMutate(t, target)
	}
	return grValidRequest(t)
}

func grValidRequest(t *rapid.T) (method, target string) {
	var b strings.Builder
	hasOrigin := rapid.IntRange(0, 2).Draw(t, "origin") == 0
	if hasOrigin {
		b.WriteString(rapid.SampledFrom([]string{"https://", "http://", "HTTPS://", "Http://"}).Draw(t, "scheme"))
		b.WriteString(rapid.SampledFrom([]string{"vcc-naX.8x8.com", "vcc-na1.8x8.com:443", "", "h\x00\xff% é", "user@host"}).Draw(t, "host"))
	}
	minLead := 0
	if hasOrigin {
		minLead = 1
	}
	switch rapid.IntRange(minLead, 2).Draw(t, "lead") {
	case 1:
		b.WriteString("/")
	case 2:
		b.WriteString("/api/recordings/")
	}
	suffix := func(formats ...string) string {
		return rapid.SampledFrom(formats).Draw(t, "format")
	}
	method = "GET"
	resource := filter.Files
	switch rapid.SampledFrom([]int{0, 0, 0, 1, 2, 2, 3}).Draw(t, "resource") { // lists most often
	case 0:
		b.WriteString("files" + suffix("", "", ".xml", ".json", ".csv"))
	case 1:
		method, resource = "DELETE", filter.File
		b.WriteString("files/S" + grFolder(t) + "/R" + rapid.StringMatching(`[0-9]{1,19}`).Draw(t, "file"))
		b.WriteString(suffix("", ".wav"))
	case 2:
		resource = filter.Transcripts
		b.WriteString("transcripts" + suffix("", "", ".xml", ".json", ".csv"))
	case 3:
		resource = filter.Transcript
		b.WriteString("transcripts/" + rapid.StringMatching(`[-_0-9A-Za-z]{1,40}`).Draw(t, "guid"))
		if rapid.Bool().Draw(t, "delete") {
			method = "DELETE"
		} else {
			b.WriteString(suffix("", ".xml", ".json", ".csv"))
		}
	}
	if rapid.IntRange(0, 4).Draw(t, "trailing slash") == 0 {
		b.WriteString("/")
	}
	one := resource == filter.File || resource == filter.Transcript
	if rapid.IntRange(0, 9).Draw(t, "query") < 7 && (!one || rapid.IntRange(0, 3).Draw(t, "query on one") == 0) {
		b.WriteString("?")
		b.WriteString(grQuery(t, resource))
	}
	if rapid.IntRange(0, 4).Draw(t, "fragment") == 0 {
		b.WriteString("#" + grText(t, false, "fragment"))
	}
	return method, b.String()
}

// grFolder draws the 8 digits of a date folder, mostly a real date.
func grFolder(t *rapid.T) string {
	if rapid.IntRange(0, 9).Draw(t, "any folder") == 0 {
		return rapid.StringMatching(`[0-9]{8}`).Draw(t, "folder")
	}
	y := rapid.IntRange(1970, 2099).Draw(t, "year")
	m := rapid.IntRange(1, 12).Draw(t, "month")
	d := rapid.IntRange(1, 28).Draw(t, "day")
	return strconv.Itoa(y) + grTwo(m) + grTwo(d)
}

func grTwo(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Valid values of the variables that are not fields, as they are written in
// a query string, with escapes and '+'; and faulty ones.
var (
	grSpecialValues = map[string][]string{
		"d": {"2007-08-05", "2007-08-05,2007-08-07", "2007-08-05%2013:15Z,2007-08-07%2014:30Z", "today-1d,today",
			"today%2B1d", "20070805T1315Z,20070807T1430Z", "2007-08-05+13:15Z", "%32007-08-05", "2007-08-05T13:15:00.25-08:00",
			"2007-08-05T13:15%2B05:30"},
		"tz":                  {"America/Denver", "UTC", "Etc/GMT%2B5", "US/Eastern", "America%2FNew_York"},
		"start-date":          {"2007-12-19%2019:16:58Z", "2007-12-19+19:16:58Z", "today", "2007-12-19T19:16:58"},
		"finish-date":         {"2007-12-19 19:16:58Z", "2007-12-19T19:16:58%2B01:00", "today-1d"},
		"n":                   {"1", "51", "101", "1000000000", "%31", "007"},
		"metaData_fieldName":  nil, // any text
		"metaData_fieldValue": nil,
		"filter": {"agentID==bill", "duration=gt=600%3B(agentID==bill,agentID==ann)", "startDate=ge=today-7d;duration<=60",
			"duration>600%20and%20(agentID==bill%20or%20agentID=in=('ann%20b',c))", "agentID=='it%5C's'", "agentID==b*",
			"startDate=ge=today%2B1d", "agentID==a%5C%2Bb", "startDate=in=(2007-08-05,today)"},
	}
	grFaultyValues = map[string][]string{
		"d":           {"today+1d", "2007-02-30", "today,today-1d", "", "2007-08-05T1315"},
		"tz":          {"america/new_york", "", "Mars/Base"},
		"start-date":  {"bad", ""},
		"finish-date": {"2007-13-01"},
		"n":           {"0", "-1", "1000000001", "+1", "1e3", ""},
		"filter":      {"agentID==bill+and+duration==1", "agentID==", "agentID=gt=x", "(agentID==a", "agentID==a%5C+b", "", "agentId==x"},
	}
)

// grJunkNames are names that are not variables, or are, spelled with escapes.
var grJunkNames = []string{"startDate", "Start-Date", "agentid", "foo", "%61gentID", "agent+ID", "agent%20ID",
	"metaDatas", "wrapUpCode", "q?", "a/b", "é", "%zz", "%", "x%2"}

// grQuery draws a query string. A clean one has only variables of the
// resource, each once, with valid values; the others may hold junk names,
// faulty values, names given twice and pairs without '='.
func grQuery(t *rapid.T, resource filter.Resource) string {
	clean := rapid.Bool().Draw(t, "clean")
	names := append(filter.FieldNames(resource), "agentID", "queueID") // filter.File and Transcript have none
	for name := range grSpecialValues {
		names = append(names, name)
	}
	var pairs []string
	used := map[string]bool{}
	for i, n := 0, rapid.IntRange(0, 6).Draw(t, "pairs"); i < n; i++ {
		var name string
		if !clean && rapid.IntRange(0, 3).Draw(t, "junk name") == 0 {
			name = rapid.SampledFrom(grJunkNames).Draw(t, "name")
		} else {
			name = rapid.SampledFrom(names).Draw(t, "name")
		}
		if used[name] && (clean || rapid.IntRange(0, 3).Draw(t, "allow twice") != 0) {
			continue
		}
		used[name] = true
		var value string
		switch vs, faulty := grSpecialValues[name], grFaultyValues[name]; {
		case !clean && len(faulty) > 0 && rapid.IntRange(0, 3).Draw(t, "faulty value") == 0:
			value = rapid.SampledFrom(faulty).Draw(t, "value")
		case len(vs) > 0:
			value = rapid.SampledFrom(vs).Draw(t, "value")
		default:
			value = grText(t, clean, "value")
		}
		pair := name + "=" + value
		if !clean && rapid.IntRange(0, 9).Draw(t, "no =") == 0 {
			pair = name
		}
		pairs = append(pairs, pair)
		for rapid.IntRange(0, 5).Draw(t, "empty pair") == 0 {
			pairs = append(pairs, "")
		}
	}
	return strings.Join(pairs, "&")
}

// grPieces make up free text: plain and percent-encoded characters, '+',
// spaces and '='; grBadPieces are bytes that a decoded value must not hold
// (control characters, bytes that are not UTF-8), raw or encoded.
var (
	grPieces = []string{"a", "Z", "7", "bill", "-", "_", ".", "~", "+", " ", "%20", "%2B", "%2b", "%25", "%3D", "%26",
		"%23", "%C3%A9", "\xc3%A9", "é", "€", "=", "/", "?", ":", ",", "'", "*"}
	grBadPieces = []string{"%00", "%7F", "%FF", "%C3", "\xc3", "\xff", "\t", "\x00", "%", "%2"}
)

func grText(t *rapid.T, clean bool, label string) string {
	pieces := grPieces
	if !clean {
		pieces = append(slices.Clone(grPieces), grBadPieces...)
	}
	return strings.Join(rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 6).Draw(t, label), "")
}

// grEdits are what a near miss inserts or puts in place of a byte.
var grEdits = []string{"%", "%2", "%zz", "%41", "%2e", "#", "?", "&", "=", "/", "//", ".", "+", " ", "\x00", "\xff", "\t",
	"S", "R", "0", "20071220", "a", "-", "_", "https://", "HTTP://", "httpſ://", "host", "/api/recordings/", "/api/recordings",
	"files", "transcripts", "csv", "txt", "wav", ".wav", ".json", "é", "agentID", "d", "today", "n", "1"}

func grMutate(t *rapid.T, s string) string {
	for i, n := 0, rapid.IntRange(1, 3).Draw(t, "edits"); i < n; i++ {
		at := rapid.IntRange(0, len(s)).Draw(t, "at")
		switch rapid.IntRange(0, 2).Draw(t, "edit") {
		case 0: // insert
			s = s[:at] + rapid.SampledFrom(grEdits).Draw(t, "insert") + s[at:]
		case 1: // delete a byte
			if at < len(s) {
				s = s[:at] + s[at+1:]
			}
		case 2: // replace a byte
			if at < len(s) {
				s = s[:at] + rapid.SampledFrom(grEdits).Draw(t, "replace") + s[at+1:]
			}
		}
	}
	return s
}
