package expr

import (
	"github.com/recq/recq/internal/editdist"
	"github.com/recq/recq/record"
)

// Resource is the list a filter narrows: files or transcripts.
type Resource uint8

// The two lists that take a filter.
const (
	Files Resource = iota
	Transcripts
)

// String returns files or transcripts.
func (r Resource) String() string {
	if r == Transcripts {
		return "transcripts"
	}
	return "files"
}

// Kind is the type of a selector's value, which decides its operators and
// how its values are read (docs/LANGUAGE.md §14.3).
type Kind uint8

// The kinds of selectors.
const (
	Text    Kind = iota + 1 // exact, case-sensitive text; * a wildcard in == and !=
	Integer                 // a decimal integer (duration)
	Date                    // a date value of docs/LANGUAGE.md §3, read as the interval of its precision
)

var kindNames = [...]string{Text: "text", Integer: "integer", Date: "date"}

// String returns text, integer or date, as the schema names kinds.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind?"
}

// Selector is one name a filter compares: a field of the record, or a part
// of the entries of a nested list (Any), which matches when any entry does.
type Selector struct {
	Name string
	Kind Kind
	Any  bool // transactionCode.listName and the like: true when any entry matches
}

// The selectors that are not plain text fields.
const (
	SelStartDate    = "startDate"
	SelFinishDate   = "finishDate"
	SelDuration     = "duration"
	SelTCListName   = "transactionCode.listName"
	SelTCName       = "transactionCode.name"
	SelMetaName     = "metaData.fieldName"
	SelMetaValue    = "metaData.fieldValue"
	maxSelectorName = 32
)

var fileSelectors, transcriptSelectors = selectorsOf(record.FileFieldNames, SelTCListName, SelTCName),
	selectorsOf(record.TranscriptFieldNames, SelMetaName, SelMetaValue)

// selectorsOf lists the dates, then the fields (duration an integer, the
// rest text), then the any-entry selectors.
func selectorsOf(fields []string, anyEntry ...string) []Selector {
	s := []Selector{{SelStartDate, Date, false}, {SelFinishDate, Date, false}}
	for _, f := range fields {
		k := Text
		if f == SelDuration {
			k = Integer
		}
		s = append(s, Selector{f, k, false})
	}
	for _, a := range anyEntry {
		s = append(s, Selector{a, Text, true})
	}
	return s
}

// Selectors returns the selectors of r in the order of docs/LANGUAGE.md
// §14.2. The caller may modify the slice.
func Selectors(r Resource) []Selector {
	return append([]Selector(nil), selectorsOf1(r)...)
}

func selectorsOf1(r Resource) []Selector {
	if r == Transcripts {
		return transcriptSelectors
	}
	return fileSelectors
}

// lookupSelector returns the index of name among r's selectors, or -1. It
// compares name only with the selectors of its length: every comparison
// of a filter passes here.
func lookupSelector(r Resource, name string) int {
	if len(name) > maxSelectorName {
		return -1
	}
	sels := selectorsOf1(r)
	for _, i := range selectorsByLen[r&1][len(name)] {
		if sels[i].Name == name {
			return int(i)
		}
	}
	return -1
}

// selectorsByLen holds the indexes of each resource's selectors by the
// length of their names.
var selectorsByLen = [2][maxSelectorName + 1][]uint8{byLen(fileSelectors), byLen(transcriptSelectors)}

func byLen(sels []Selector) (t [maxSelectorName + 1][]uint8) {
	for i, s := range sels {
		t[len(s.Name)] = append(t[len(s.Name)], uint8(i))
	}
	return t
}

// selectorNames are each resource's selector names, for suggestions.
var selectorNames = [2][]string{names(fileSelectors), names(transcriptSelectors)}

func names(s []Selector) []string {
	out := make([]string, len(s))
	for i := range s {
		out[i] = s[i].Name
	}
	return out
}

// unknownSelector explains a name that is no selector of r, with a
// replacement when one is near (start-date → startDate, agentId → agentID).
func unknownSelector(r Resource, name string, suggest bool) (msg, hint string, sugg []string) {
	msg = "unknown selector " + quote(name)
	other := Transcripts
	if r == Transcripts {
		other = Files
	}
	switch name {
	case "d", "date", "start-date", "start", "from":
		return msg, "compare startDate: startDate=ge=today-7d", []string{SelStartDate}
	case "finish-date", "end-date", "endDate", "end":
		return msg, "compare finishDate (startDate + duration)", []string{SelFinishDate}
	}
	if !suggest {
		return msg, "the selectors of " + r.String() + " are listed in docs/LANGUAGE.md §14.2", nil
	}
	if lookupSelector(other, name) >= 0 {
		return name + " is a selector of " + other.String() + ", not of " + r.String(), "query /" + other.String() + " to compare it", nil
	}
	if s := editdist.Nearest(name, selectorNames[r]); s != "" {
		return msg, "did you mean " + s + "?", []string{s}
	}
	if s := editdist.Nearest(name, selectorNames[other]); s != "" && lookupSelector(r, s) < 0 {
		return msg + " (" + s + " is a selector of " + other.String() + ")", "query /" + other.String() + " to compare " + s, nil
	}
	return msg, "the selectors of " + r.String() + " are listed in docs/LANGUAGE.md §14.2", nil
}
