package grammar

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/participle/v2"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

const docGUID = "int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant"

// Helpers building expected trees.
func files(format string) *Files { return &Files{Format: format} }
func file(folder, name string, wav bool) *Files {
	return &Files{File: &FileID{Folder: folder, Name: name, WAV: wav}}
}
func transcripts(guid, format string) *Transcripts {
	return &Transcripts{GUID: guid, Format: format}
}
func pairs(kv ...string) []*Pair {
	var ps []*Pair
	for i := 0; i < len(kv); i += 2 {
		ps = append(ps, &Pair{Name: kv[i], Value: kv[i+1]})
	}
	return ps
}

var requestAcceptCases = []struct {
	name string
	in   string
	want *Request
}{
	// The document's requests.
	{"document browser URL", "https://vcc-naX.8x8.com/api/recordings/files/", &Request{
		Origin: &Origin{Scheme: "https://", Host: "vcc-naX.8x8.com"},
		Path:   &Path{Prefix: true, Files: files(""), TrailingSlash: true}}},
	{"document CSV URL", "https://vcc-naX.8x8.com/api/recordings/files.csv", &Request{
		Origin: &Origin{Scheme: "https://", Host: "vcc-naX.8x8.com"},
		Path:   &Path{Prefix: true, Files: files("csv")}}},
	{"document fields with a raw space", "https://vcc-naX.8x8/api/recordings/files?agentID=bill&channel=8005557780&phoneNumber=4155551234&finish-date=2007-12-19 19:16:58Z", &Request{
		Origin:   &Origin{Scheme: "https://", Host: "vcc-naX.8x8"},
		Path:     &Path{Prefix: true, Files: files("")},
		HasQuery: true,
		Query:    pairs("agentID", "bill", "channel", "8005557780", "phoneNumber", "4155551234", "finish-date", "2007-12-19 19:16:58Z")}},
	{"document DELETE file", "/files/S20071220/R200712200316361000.wav", &Request{
		Path: &Path{Slash: true, Files: file("S20071220", "R200712200316361000", true)}}},
	{"file without .wav", "/files/S20071220/R200712200316361000", &Request{
		Path: &Path{Slash: true, Files: file("S20071220", "R200712200316361000", false)}}},
	{"document transcript", "/transcripts/" + docGUID, &Request{
		Path: &Path{Slash: true, Transcripts: transcripts(docGUID, "")}}},
	{"document d range with %20", "files?d=2007-08-05%2013:15Z,2007-08-07%2014:30Z", &Request{
		Path:     &Path{Files: files("")},
		HasQuery: true,
		Query:    pairs("d", "2007-08-05%2013:15Z,2007-08-07%2014:30Z")}},
	{"document n", "/files?n=101", &Request{
		Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("n", "101")}},
	{"document today range and tz", "https://vcc-naX.8x8.com/api/recordings/files?d=today-1d,today&tz=America/Denver", &Request{
		Origin:   &Origin{Scheme: "https://", Host: "vcc-naX.8x8.com"},
		Path:     &Path{Prefix: true, Files: files("")},
		HasQuery: true,
		Query:    pairs("d", "today-1d,today", "tz", "America/Denver")}},
	{"document metadata with +", "/files?metaData_fieldName=alphabets+in", &Request{
		Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("metaData_fieldName", "alphabets+in")}},

	// Paths.
	{"bare files", "files", &Request{Path: &Path{Files: files("")}}},
	{"files.xml", "/files.xml", &Request{Path: &Path{Slash: true, Files: files("xml")}}},
	{"files.json trailing slash", "files.json/", &Request{Path: &Path{Files: files("json"), TrailingSlash: true}}},
	{"transcripts", "/transcripts", &Request{Path: &Path{Slash: true, Transcripts: transcripts("", "")}}},
	{"transcripts trailing slash", "/api/recordings/transcripts/", &Request{Path: &Path{Prefix: true, Transcripts: transcripts("", ""), TrailingSlash: true}}},
	{"transcripts.csv", "transcripts.csv", &Request{Path: &Path{Transcripts: transcripts("", "csv")}}},
	{"transcript json", "/transcripts/" + docGUID + ".json", &Request{Path: &Path{Slash: true, Transcripts: transcripts(docGUID, "json")}}},
	// One transcript has no CSV form, but that is a rule of the resource, not of the syntax.
	{"transcript csv", "/transcripts/g.csv", &Request{Path: &Path{Slash: true, Transcripts: transcripts("g", "csv")}}},
	{"transcript trailing slash", "transcripts/a_B-9/", &Request{Path: &Path{Transcripts: transcripts("a_B-9", ""), TrailingSlash: true}}},
	{"GUID spelled like keywords", "transcripts/files", &Request{Path: &Path{Transcripts: transcripts("files", "")}}},
	{"GUID of digits and dashes", "transcripts/-_-0", &Request{Path: &Path{Transcripts: transcripts("-_-0", "")}}},
	{"file trailing slash", "files/S20071220/R1.wav/", &Request{Path: &Path{Files: file("S20071220", "R1", true), TrailingSlash: true}}},
	// A date folder that is no date is the semantic layer's to refuse.
	{"folder of 8 digits", "files/S99999999/R0", &Request{Path: &Path{Files: file("S99999999", "R0", false)}}},

	// Origins.
	{"http upper case", "HTTP://h/files", &Request{Origin: &Origin{Scheme: "HTTP://", Host: "h"}, Path: &Path{Slash: true, Files: files("")}}},
	{"empty host", "https:///files", &Request{Origin: &Origin{Scheme: "https://"}, Path: &Path{Slash: true, Files: files("")}}},
	{"host of any bytes", "https://\x00 %\xff:8080/files", &Request{Origin: &Origin{Scheme: "https://", Host: "\x00 %\xff:8080"}, Path: &Path{Slash: true, Files: files("")}}},

	// Queries.
	{"empty query", "/files?", &Request{Path: &Path{Slash: true, Files: files("")}, HasQuery: true}},
	{"empty pairs", "/files?&&agentID=bill&&", &Request{Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("agentID", "bill")}},
	{"empty value", "/files?agentID=", &Request{Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("agentID", "")}},
	{"value with =", "/files?a==b=", &Request{Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("a", "=b=")}},
	{"escapes in name and value", "/files?%61gent%49D=%2B%2b%C3%A9+x", &Request{Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("%61gent%49D", "%2B%2b%C3%A9+x")}},
	{"raw ? / and UTF-8", "/files?q?=/é€", &Request{Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("q?", "/é€")}},
	{"raw invalid UTF-8 is the semantic layer's", "/files?a=\xc3%A9\xff", &Request{Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("a", "\xc3%A9\xff")}},
	{"query after one transcript", "transcripts/g?x=1", &Request{Path: &Path{Transcripts: transcripts("g", "")}, HasQuery: true, Query: pairs("x", "1")}},

	// Fragments.
	{"fragment", "/files?n=2#top", &Request{Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("n", "2"), HasFragment: true, Fragment: "top"}},
	{"empty fragment", "/files#", &Request{Path: &Path{Slash: true, Files: files("")}, HasFragment: true}},
	{"fragment of any bytes", "/files?a=b#%zz\x00\xff\n#?&=", &Request{Path: &Path{Slash: true, Files: files("")}, HasQuery: true, Query: pairs("a", "b"), HasFragment: true, Fragment: "%zz\x00\xff\n#?&="}},
	{"? in the fragment is no query", "/files#?agentID=bill", &Request{Path: &Path{Slash: true, Files: files("")}, HasFragment: true, Fragment: "?agentID=bill"}},
}

var requestRejectCases = []struct {
	name string
	in   string
	pos  int // byte offset of the error
}{
	{"empty", "", 0},
	{"only a slash", "/", 1},
	{"only the prefix", "/api/recordings", 1},
	{"prefix without slash", "/api/recordingsfiles", 1},
	{"prefix without leading slash", "api/recordings/files", 0},
	{"double slash after prefix", "/api/recordings//files", 16},
	{"double leading slash", "//files", 1},
	{"unknown resource", "/recordings", 1},
	{"resource case", "/Files", 1},
	{"unknown format", "/files.txt", 7},
	{"format case", "/files.CSV", 7},
	{"empty format", "/files.", 7},
	{"two formats", "/files.xml.json", 10},
	{"suffix before the id", "/transcripts.json/g", 18},
	{"files suffix then id", "/files.csv/S20071220/R1", 11},
	{"percent in the path", "/files%2e%2e", 6},
	{"encoded slash", "/transcripts/a%2Fb", 14},
	{"traversal", "/files/../etc", 7},
	{"extra segment", "/files/S20071220/R1/x", 20},
	{"short folder", "/files/S2007122/R1", 15},
	{"long folder", "/files/S200712201/R1", 16},
	{"folder letter case", "/files/s20071220/R1", 7},
	{"no file name digits", "/files/S20071220/R.wav", 18},
	{"file name letters", "/files/S20071220/R1x", 19},
	{"file other suffix", "/files/S20071220/R1.mp3", 20},
	{"file format suffix", "/files/S20071220/R1.json", 20},
	{"file two wav", "/files/S20071220/R1.wav.wav", 23},
	{"empty GUID", "/transcripts//", 13},
	{"GUID with a dot only", "/transcripts/.json", 13},
	{"GUID with a space", "/transcripts/a b", 14},
	{"GUID with a colon", "/transcripts/a:b", 14},
	{"two trailing slashes", "/files//", 7},
	{"scheme only", "https://", 8},
	{"host only", "https://host", 12},
	{"scheme not at the start", "/https://h/files", 1},
	{"other scheme", "ftp://h/files", 3},
	{"scheme with a long s", "httpſ://h/files", 4},
	{"bare % in value", "/files?a=%", 9},
	{"% with one hex digit", "/files?a=%2", 9},
	{"% with non-hex", "/files?a=%zz", 9},
	{"bare % in name", "/files?%=1", 7},
	{"NUL in query", "/files?a=\x00", 9},
	{"tab in query", "/files?a=b\tc", 10},
	{"DEL in query", "/files?a=\x7f", 9},
	{"pair without =", "/files?agentID", 14},
	{"pair without name", "/files?=bill", 7},
	{"space in the path", "/files ?a=b", 6},
	{"NUL in the path", "/files\x00", 6},
	{"invalid UTF-8 in the path", "/files\xff", 6},
	{"too long", "/files?a=" + strings.Repeat("b", MaxRequestLength), MaxRequestLength},
}

func TestParseRequestAccepts(t *testing.T) {
	for _, c := range requestAcceptCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseRequest(c.in)
			if err != nil {
				t.Fatalf("ParseRequest(%q): %v", c.in, err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("ParseRequest(%q) (-want +got):\n%s", c.in, diff)
			}
			if s := got.String(); s != withoutEmptyPairs(c.in) {
				t.Errorf("String() = %q, want %q", s, withoutEmptyPairs(c.in))
			}
			if !requestRE.MatchString(c.in) {
				t.Errorf("the oracle refuses %q", c.in)
			}
		})
	}
}

func TestParseRequestRejects(t *testing.T) {
	for _, c := range requestRejectCases {
		t.Run(c.name, func(t *testing.T) {
			r, err := ParseRequest(c.in)
			if err == nil {
				t.Fatalf("ParseRequest(%q) accepted: %s", c.in, r)
			}
			var perr participle.Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %v (%T) is not a participle.Error", err, err)
			}
			if got := perr.Position().Offset; got != c.pos {
				t.Errorf("ParseRequest(%q): error at offset %d, want %d: %v", c.in, got, c.pos, err)
			}
			if len(c.in) <= MaxRequestLength && requestRE.MatchString(c.in) {
				t.Errorf("the oracle accepts %q", c.in)
			}
		})
	}
}

func TestPathAccessors(t *testing.T) {
	cases := []struct{ in, resource, id, format string }{
		{"/files", "files", "", ""},
		{"/files.csv", "files", "", "csv"},
		{"/files/S20071220/R1.wav", "file", "S20071220/R1.wav", ""},
		{"/files/S20071220/R1", "file", "S20071220/R1", ""},
		{"/transcripts.json", "transcripts", "", "json"},
		{"/transcripts/g-1.xml/", "transcript", "g-1", "xml"},
	}
	for _, c := range cases {
		r, err := ParseRequest(c.in)
		if err != nil {
			t.Fatalf("ParseRequest(%q): %v", c.in, err)
		}
		p := r.Path
		if p.Resource() != c.resource || p.ID() != c.id || p.Format() != c.format {
			t.Errorf("%q: Resource, ID, Format = %q, %q, %q; want %q, %q, %q",
				c.in, p.Resource(), p.ID(), p.Format(), c.resource, c.id, c.format)
		}
	}
	var nilPath *Path
	if nilPath.Resource() != "" || nilPath.ID() != "" || nilPath.Format() != "" || nilPath.String() != "" {
		t.Error("a nil Path is not empty")
	}
	var nilRequest *Request
	if nilRequest.String() != "" {
		t.Error("a nil Request does not print empty")
	}
}

func TestPairDecode(t *testing.T) {
	r, err := ParseRequest("/files?%61gent%49D=bill+o%27%2Bx%2b%C3%A9%25&d=today%2B1d&x=")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Query {
		n, v := p.Decode()
		got = append(got, n, v)
	}
	want := []string{"agentID", "bill o'+x+é%", "d", "today+1d", "x", ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Decode (-want +got):\n%s", diff)
	}
}

func TestMaxRequestLength(t *testing.T) {
	long := "/files?agentID=" + strings.Repeat("b", MaxRequestLength-len("/files?agentID="))
	if _, err := ParseRequest(long); err != nil {
		t.Errorf("a target of exactly %d bytes: %v", MaxRequestLength, err)
	}
	if _, err := ParseRequest(long + "b"); err == nil {
		t.Errorf("a target of %d bytes was accepted", MaxRequestLength+1)
	}
}

func TestParseRequestHostileInputs(t *testing.T) {
	const kib64 = 64 << 10
	rng := rand.New(rand.NewPCG(3, 4))
	random := make([]byte, MaxRequestLength)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	cases := []struct {
		name   string
		in     string
		accept bool
	}{
		{"64 KiB of NUL", strings.Repeat("\x00", kib64), false},
		{"64 KiB of invalid UTF-8", strings.Repeat("\xff", kib64), false},
		{"64 KiB valid-looking query", "/files?" + strings.Repeat("a=b&", kib64/4), false},
		{"8 KiB of random bytes", string(random), false},
		{"random bytes after a path", "/files?" + string(random[:MaxRequestLength-7]), false},
		{"8 KiB of escapes", "/files?a=" + strings.Repeat("%41", (MaxRequestLength-9)/3), true},
		{"8 KiB of =", "/files?a" + strings.Repeat("=", MaxRequestLength-8), true},
		{"8 KiB of &", "/files?" + strings.Repeat("&", MaxRequestLength-7), true},
		{"8 KiB of pairs", "/files?" + strings.Repeat("a=b&", (MaxRequestLength-7)/4), true},
		{"8 KiB GUID", "/transcripts/" + strings.Repeat("a1-", (MaxRequestLength-13)/3), true},
		{"8 KiB file digits", "/files/S20071220/R" + strings.Repeat("7", MaxRequestLength-18), true},
		{"8 KiB host", "https://" + strings.Repeat("\xff\x00", (MaxRequestLength-14)/2) + "/files", true},
		{"8 KiB fragment of invalid UTF-8", "/files#" + strings.Repeat("\xc3", MaxRequestLength-7), true},
		{"8 KiB of slashes", strings.Repeat("/", MaxRequestLength), false},
		{"8 KiB of schemes", strings.Repeat("https://", MaxRequestLength/8), false},
		{"8 KiB of prefixes", strings.Repeat("/api/recordings", MaxRequestLength/15), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			r, err := ParseRequest(c.in)
			if (err == nil) != c.accept {
				t.Fatalf("accepted = %v, want %v (err %v)", err == nil, c.accept, err)
			}
			if err == nil && r.String() != withoutEmptyPairs(c.in) {
				t.Errorf("String() does not give back the input")
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// requestRE is an independent statement of the request language as a
// regular expression (set semantics, unlike participle's ordered choice with
// bounded backtracking), used as an oracle for acceptance. Like the lexer it
// reads a byte that is not UTF-8 as one U+FFFD.
var requestRE = func() *regexp.Regexp {
	const (
		format      = `\.(?:xml|json|csv)`
		origin      = `[Hh][Tt][Tt][Pp][Ss]?://[^/?#]*`
		files       = `files(?:` + format + `|/S[0-9]{8}/R[0-9]+(?:\.wav)?)?`
		transcripts = `transcripts(?:/[-_0-9A-Za-z]+)?(?:` + format + `)?`
		lead        = `(?:/api/recordings/|/)`
		resource    = `(?:` + files + `|` + transcripts + `)/?`
		word        = `(?:[^&=#%\x00-\x1f\x7f]|%[0-9A-Fa-f]{2})+`
		pair        = word + `=(?:` + word + `|=)*`
		query       = `\?(?:` + pair + `)?(?:&(?:` + pair + `)?)*`
		fragment    = `#(?s:.*)`
	)
	// The host runs to the first '/', '?' or '#': after an origin the path
	// starts with a '/' (https://files is a host without a path).
	return regexp.MustCompile(`^(?:` + origin + lead + `|` + lead + `?)` + resource + `(?:` + query + `)?(?:` + fragment + `)?$`)
}()

// withoutEmptyPairs returns the target with the empty pairs of its query
// removed: what String gives back. It splits at the first '#' and then at
// the first '?', as the language does (neither can occur in a host or a path).
func withoutEmptyPairs(target string) string {
	rest, fragment, hasFragment := strings.Cut(target, "#")
	path, query, hasQuery := strings.Cut(rest, "?")
	out := path
	if hasQuery {
		var kept []string
		for _, p := range strings.Split(query, "&") {
			if p != "" {
				kept = append(kept, p)
			}
		}
		out += "?" + strings.Join(kept, "&")
	}
	if hasFragment {
		out += "#" + fragment
	}
	return out
}

// requestPieces are the bits random targets are made of: every token of the
// language, the prefixes of the multi-byte ones, and bytes that are errors.
var requestPieces = []string{
	"https://", "HTTP://", "hTTpS://", "httpſ://", "http:/", "host", "/api/recordings/", "/api/recordings", "/", "//",
	"files", "transcripts", "file", "Files", ".", "xml", "json", "csv", "txt", "wav",
	"S", "R", "s", "20071220", "2007122", "1", "0", "-", "_", "a", "Z",
	"?", "&", "=", "#", "%", "%2B", "%2", "%zz", "%C3%A9", "+", " ", ":", "\x00", "\t", "\x7f", "\xff", "é",
}

// TestParseRequestMatchesOracle checks on random concatenations of pieces that
// ParseRequest accepts exactly the strings of the language, and that an
// accepted target prints back (without its empty pairs) and reparses to the
// same tree.
func TestParseRequestMatchesOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := strings.Join(rapid.SliceOfN(rapid.SampledFrom(requestPieces), 0, 16).Draw(t, "pieces"), "")
		r, err := ParseRequest(in)
		if want := requestRE.MatchString(in); (err == nil) != want {
			t.Fatalf("ParseRequest(%q): accepted = %v, the oracle says %v (err %v)", in, err == nil, want, err)
		}
		if err != nil {
			return
		}
		checkRoundTrip(t, in, r)
	})
}

func checkRoundTrip(t *rapid.T, in string, r *Request) {
	s := r.String()
	if want := withoutEmptyPairs(in); s != want {
		t.Fatalf("String() = %q, want %q", s, want)
	}
	again, err := ParseRequest(s)
	if err != nil {
		t.Fatalf("ParseRequest(String()) = %v for %q", err, s)
	}
	if diff := cmp.Diff(r, again); diff != "" {
		t.Fatalf("the tree changed through String() (-first +again):\n%s", diff)
	}
}

// genRequest draws a valid target and the tree it must parse to, writing the
// text itself (not with the printer under test).
func genRequest(t *rapid.T) (string, *Request) {
	var b strings.Builder
	want := &Request{Path: &Path{}}
	if rapid.Bool().Draw(t, "origin") {
		o := &Origin{
			Scheme: rapid.SampledFrom([]string{"https://", "http://", "HTTPS://", "hTtP://"}).Draw(t, "scheme"),
			Host:   rapid.StringMatching(`[^/?#]{0,12}`).Draw(t, "host"),
		}
		want.Origin = o
		b.WriteString(o.Scheme + o.Host)
	}
	minLead := 0
	if want.Origin != nil {
		minLead = 1 // the host runs up to the first '/'
	}
	switch rapid.IntRange(minLead, 2).Draw(t, "lead") {
	case 1:
		want.Path.Slash = true
		b.WriteString("/")
	case 2:
		want.Path.Prefix = true
		b.WriteString("/api/recordings/")
	}
	formats := []string{"", "xml", "json", "csv"}
	switch rapid.IntRange(0, 3).Draw(t, "resource") {
	case 0:
		f := rapid.SampledFrom(formats).Draw(t, "format")
		want.Path.Files = &Files{Format: f}
		b.WriteString("files")
		if f != "" {
			b.WriteString("." + f)
		}
	case 1:
		id := &FileID{
			Folder: "S" + rapid.StringMatching(`[0-9]{8}`).Draw(t, "folder"),
			Name:   "R" + rapid.StringMatching(`[0-9]{1,20}`).Draw(t, "name"),
			WAV:    rapid.Bool().Draw(t, "wav"),
		}
		want.Path.Files = &Files{File: id}
		b.WriteString("files/" + id.Folder + "/" + id.Name)
		if id.WAV {
			b.WriteString(".wav")
		}
	case 2, 3:
		tr := &Transcripts{Format: rapid.SampledFrom(formats).Draw(t, "format")}
		b.WriteString("transcripts")
		if rapid.Bool().Draw(t, "one") {
			tr.GUID = rapid.StringMatching(`[-_0-9A-Za-z]{1,40}`).Draw(t, "guid")
			b.WriteString("/" + tr.GUID)
		}
		if tr.Format != "" {
			b.WriteString("." + tr.Format)
		}
		want.Path.Transcripts = tr
	}
	if rapid.Bool().Draw(t, "trailing slash") {
		want.Path.TrailingSlash = true
		b.WriteString("/")
	}
	if rapid.Bool().Draw(t, "query") {
		want.HasQuery = true
		b.WriteString("?")
		const text = `(?:[^&=#%\x00-\x1f\x7f]|%[0-9A-Fa-f]{2})`
		for i, n := 0, rapid.IntRange(0, 5).Draw(t, "pairs"); i < n; i++ {
			if rapid.Bool().Draw(t, "empty pair") {
				b.WriteString("&")
			}
			p := &Pair{
				Name:  rapid.StringMatching(text+`{1,8}`).Draw(t, "name"),
				Value: rapid.StringMatching(`(?:`+text+`|=){0,12}`).Draw(t, "value"),
			}
			want.Query = append(want.Query, p)
			b.WriteString(p.Name + "=" + p.Value)
			if i < n-1 || rapid.Bool().Draw(t, "trailing &") {
				b.WriteString("&")
			}
		}
	}
	if rapid.Bool().Draw(t, "fragment") {
		want.HasFragment = true
		want.Fragment = rapid.String().Draw(t, "fragment")
		b.WriteString("#" + want.Fragment)
	}
	return b.String(), want
}

func TestParseRequestGenerated(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in, want := genRequest(t)
		got, err := ParseRequest(in)
		if err != nil {
			t.Fatalf("ParseRequest(%q): %v", in, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("ParseRequest(%q) (-want +got):\n%s", in, diff)
		}
		if !requestRE.MatchString(in) {
			t.Fatalf("the oracle refuses %q", in)
		}
		checkRoundTrip(t, in, got)
	})
}
