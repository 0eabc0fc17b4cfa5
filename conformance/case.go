package conformance

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"
)

//go:embed testdata
var testdata embed.FS

// Case is one promise: a request at a clock in a tenant zone, and what the
// library or the API must make of it.
type Case struct {
	Name    string
	File    string // the case file, for messages
	Line    int    // the line of "case", for messages
	Method  string
	Target  string
	Now     time.Time
	Tenant  string
	Skip    string // why the code does not keep the case yet, or "": not run over HTTP; the library run fails once it holds
	Records string // a path under testdata/, or ""

	// Extension names the extension of recq's that the request uses
	// ("filter": the filter= variable), or "". The real API does not take
	// it: RunHTTP runs such a case as written only with the option
	// [Extensions], and otherwise expects 400 not-in-api for it.
	Extension string

	Canonical   string
	D           *Window  // half-open
	StartDate   *Window  // closed
	FinishDate  *Window  // closed
	FilterDates []Window // the intervals of the filter's date values, in the order written ([D-9]; half-open)
	Warnings    []string

	ErrVariable string // the first fault's variable, or "" when the request is accepted
	ErrPos      int
	ErrCode     string   // the first fault's code, or "" when the case does not say
	ErrSpan     *[2]int  // the first fault's span in Target, when the case says
	ErrSuggest  []string // the first fault's suggestions, best first, when the case says (non-nil)

	Page    []string // filenames or interactionGUIDs, in order
	HasPage bool
}

// Window is a span of instants; its ends compare with time.Time.Equal.
type Window struct{ From, To time.Time }

// DefaultNow is the clock of a case that names none.
var DefaultNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// Cases returns every case of the suite, in file and line order.
func Cases() ([]Case, error) {
	var all []Case
	err := fs.WalkDir(testdata, "testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".cases" {
			return err
		}
		b, err := testdata.ReadFile(p)
		if err != nil {
			return err
		}
		cases, err := parseCases(strings.TrimPrefix(p, "testdata/"), string(b))
		all = append(all, cases...)
		return err
	})
	return all, err
}

// parseCases reads the cases of one file.
func parseCases(file, text string) ([]Case, error) {
	var cases []Case
	var c *Case
	sc := bufio.NewScanner(strings.NewReader(text))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" {
			c = nil
			continue
		}
		if strings.HasPrefix(s, "#") {
			continue
		}
		key, value, _ := strings.Cut(s, " ")
		value = strings.TrimSpace(value)
		if key == "case" {
			cases = append(cases, Case{Name: value, File: file, Line: line, Method: "GET", Now: DefaultNow, Tenant: "UTC"})
			c = &cases[len(cases)-1]
			continue
		}
		if c == nil {
			return nil, fmt.Errorf("%s:%d: %q before any case line", file, line, key)
		}
		if err := c.set(key, value); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, line, err)
		}
	}
	return cases, sc.Err()
}

// set records one "key value" line of a case.
func (c *Case) set(key, value string) error {
	var err error
	switch key {
	case "request":
		method, target, ok := strings.Cut(value, " ")
		if !ok {
			return fmt.Errorf("request wants METHOD TARGET")
		}
		c.Method, c.Target = method, target
	case "now":
		c.Now, err = time.Parse(time.RFC3339Nano, value)
	case "tenant":
		c.Tenant = value
	case "canonical":
		c.Canonical = value
	case "d":
		c.D, err = parseWindow(value)
	case "start-date":
		c.StartDate, err = parseWindow(value)
	case "finish-date":
		c.FinishDate, err = parseWindow(value)
	case "filter-date":
		var w *Window
		if w, err = parseWindow(value); err == nil {
			c.FilterDates = append(c.FilterDates, *w)
		}
	case "extension":
		if value != "filter" {
			return fmt.Errorf("unknown extension %q (known: filter)", value)
		}
		c.Extension = value
	case "warning":
		c.Warnings = append(c.Warnings, value)
	case "error": // VARIABLE POS [CODE [START END]]
		f := strings.Fields(value)
		if len(f) != 2 && len(f) != 3 && len(f) != 5 {
			return fmt.Errorf("error wants VARIABLE POS [CODE [START END]]")
		}
		c.ErrVariable = f[0]
		if c.ErrPos, err = strconv.Atoi(f[1]); err != nil {
			return err
		}
		if len(f) >= 3 {
			c.ErrCode = f[2]
		}
		if len(f) == 5 {
			var span [2]int
			if span[0], err = strconv.Atoi(f[3]); err != nil {
				return err
			}
			if span[1], err = strconv.Atoi(f[4]); err != nil {
				return err
			}
			if span[0] < 0 || span[1] < span[0] || span[1] > len(c.Target) {
				return fmt.Errorf("span %d %d is not inside the request %q", span[0], span[1], c.Target)
			}
			c.ErrSpan = &span
		}
	case "suggestions": // a JSON array of strings
		c.ErrSuggest = []string{}
		if err = json.Unmarshal([]byte(value), &c.ErrSuggest); err == nil && c.ErrSuggest == nil {
			c.ErrSuggest = []string{}
		}
	case "records":
		c.Records = value
	case "page":
		c.HasPage = true
		c.Page = strings.Fields(value)
	case "skip":
		c.Skip = value
	default:
		return fmt.Errorf("unknown key %q", key)
	}
	return err
}

func parseWindow(s string) (*Window, error) {
	from, to, ok := strings.Cut(s, " ")
	if !ok {
		return nil, fmt.Errorf("a window is FROM TO")
	}
	f, err := time.Parse(time.RFC3339Nano, from)
	if err != nil {
		return nil, err
	}
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(to))
	if err != nil {
		return nil, err
	}
	return &Window{f, t}, nil
}
