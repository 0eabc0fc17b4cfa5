package expr

import "github.com/recq/recq/internal/editdist"

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
	SelStartDate  = "startDate"
	SelFinishDate = "finishDate"
	SelDuration   = "duration"
	SelTCListName = "transactionCode.listName"
	SelTCName     = "transactionCode.name"
	SelMetaName   = "metaData.fieldName"
	SelMetaValue  = "metaData.fieldValue"
)

// The selectors of each resource, written out so that they are data, not
// code run at start (the browser module pays for every byte of package
// initialization): the dates, the fields of record.FileFieldNames and
// record.TranscriptFieldNames in their order (duration an integer, the rest
// text), then the any-entry selectors. selector_test.go holds them to
// record's lists.
var (
	fileSelectors = []Selector{{SelStartDate, Date, false}, {SelFinishDate, Date, false},
		{"agentID", Text, false}, {"phoneNumber", Text, false}, {"channel", Text, false}, {"caseID", Text, false},
		{SelDuration, Integer, false}, {"filename", Text, false}, {"queueID", Text, false}, {"queueName", Text, false},
		{"accountNumber", Text, false}, {"transactionID", Text, false}, {"extVar1", Text, false}, {"extVar2", Text, false},
		{"outDialCode", Text, false}, {SelTCListName, Text, true}, {SelTCName, Text, true}}
	transcriptSelectors = []Selector{{SelStartDate, Date, false}, {SelFinishDate, Date, false},
		{"agentID", Text, false}, {"agentName", Text, false}, {"contactID", Text, false}, {"contactName", Text, false},
		{"queueID", Text, false}, {"queueName", Text, false}, {"channelID", Text, false}, {"channelName", Text, false},
		{"caseID", Text, false}, {"targetIP", Text, false}, {"transactionID", Text, false}, {"interactionGUID", Text, false},
		{"transcriptType", Text, false}, {SelDuration, Integer, false}, {SelMetaName, Text, true}, {SelMetaValue, Text, true}}
)

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

// lookupSelector returns the index of name among r's selectors, or -1.
// Every comparison of a filter passes here: a hash of the name's length and
// three of its bytes finds its slot in selectorSlots, where it is compared
// once (the names of a resource fill distinct slots, TestSelectorSlots).
func lookupSelector(r Resource, name string) int {
	if name == "" {
		return -1
	}
	t := 0
	if r == Transcripts {
		t = 1
	}
	sels := selectorsOf1(r)
	for h := selectorHash(name); ; h = (h + 1) & (slots - 1) {
		i := int(selectorSlots[t][h]) - 1
		if i < 0 {
			return -1
		}
		if sels[i].Name == name {
			return i
		}
	}
}

// slots is the size of a resource's table, a power of two.
const slots = 64

// selectorHash is a name's first slot in selectorSlots.
func selectorHash(name string) int {
	return (len(name)*5 + int(name[0])*8 + int(name[len(name)-1])*3 + int(name[len(name)/2])) & (slots - 1)
}

// selectorSlots has, for each resource (Files, Transcripts), its selectors'
// indexes plus one in the slots of their hashes (the next free slot on a
// collision); 0 is an empty slot, which ends a lookup.
var selectorSlots = func() (t [2][slots]int8) {
	for _, r := range [...]Resource{Files, Transcripts} {
		for i, s := range selectorsOf1(r) {
			h := selectorHash(s.Name)
			for t[r][h] != 0 {
				h = (h + 1) & (slots - 1)
			}
			t[r][h] = int8(i + 1)
		}
	}
	return t
}()

// selectorNames returns r's selector names, for suggestions (a fault's, so
// built when asked).
func selectorNames(r Resource) []string { return names(selectorsOf1(r)) }

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
	if s := editdist.Nearest(name, selectorNames(r)); s != "" {
		return msg, "did you mean " + s + "?", []string{s}
	}
	if s := editdist.Nearest(name, selectorNames(other)); s != "" && lookupSelector(r, s) < 0 {
		return msg + " (" + s + " is a selector of " + other.String() + ")", "query /" + other.String() + " to compare " + s, nil
	}
	return msg, "the selectors of " + r.String() + " are listed in docs/LANGUAGE.md §14.2", nil
}
