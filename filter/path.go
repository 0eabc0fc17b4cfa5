package filter

import (
	"strings"

	"github.com/recq/recq/daterange"
)

// The path's prefix on the API's host; requests may omit it.
const apiPrefix = "/api/recordings"

// MaxIDLength bounds a transcript's interactionGUID and a file's name.
const MaxIDLength = 256

// parsePath reads the resource, the id and the format suffix:
//
//	path       = [ "/api/recordings" ] [ "/" ] ( files | transcripts ) [ "/" ]
//	files      = "files" [ suffix ] | "files/S" 8*digit "/R" 1*digit [ ".wav" ]
//	transcripts = "transcripts" [ suffix ] | "transcripts/" guid [ suffix ]
//	suffix     = ".xml" | ".json" | ".csv"
//
// Positions in its errors are byte offsets in the path as given; at is the
// path's offset in the request, for spans. The path is never decoded: a '%'
// in it is refused, so %2e%2e and %2F cannot smuggle a traversal or an
// extra segment past the check (docs/LANGUAGE.md §1.3).
func parsePath(path string, at int, q *Query, errs *ErrorList) {
	p := pathErrs{errs, at}
	if i := strings.IndexByte(path, '%'); i >= 0 {
		end := i + 1
		if i+2 < len(path) && isHex(path[i+1]) && isHex(path[i+2]) {
			end = i + 3
		}
		p.add(CodeBadPath, i, i, end, "percent-encoded bytes are not accepted in the path", "write the path plainly: /files, /transcripts/{interactionGUID}")
		return
	}
	base := 0
	if strings.HasPrefix(path, apiPrefix) && (len(path) == len(apiPrefix) || path[len(apiPrefix)] == '/') {
		base = len(apiPrefix)
	}
	if base < len(path) && path[base] == '/' {
		base++
	}
	rest := path[base:]
	if strings.HasSuffix(rest, "/") {
		rest = rest[:len(rest)-1] // /files/ as in the document's browser example
	}
	head, tail, hasTail := cut(rest, '/')
	name, suffix, hasSuffix := cut(head, '.')
	switch name {
	case "files":
		q.Resource = Files
	case "transcripts":
		q.Resource = Transcripts
	default:
		unknownResource(path, base, head, name, hasTail, p)
		return
	}
	if hasSuffix && !setFormat(suffix, q, p, base+len(name)) {
		return
	}
	if !hasTail {
		if q.Method == "DELETE" {
			p.add(CodeBadMethod, -1, base, base+len(head), "DELETE takes one file or one transcript, not the whole "+name, "DELETE /files/S20071220/R2007122003163601000.wav or /transcripts/{interactionGUID}")
		}
		return
	}
	idPos := base + len(head) + 1
	if hasSuffix {
		p.add(CodeBadPath, base+len(name), base+len(name), base+len(head), "the format suffix goes at the end of the path", "write /"+name+"/…"+head[len(name):], "")
		return
	}
	if q.Resource == Files {
		parseFilePath(tail, idPos, q, p)
		return
	}
	parseGUID(tail, idPos, q, p)
}

// pathErrs adds faults found in a path that starts at offset at of the request.
type pathErrs struct {
	errs *ErrorList
	at   int
}

// add records a fault at pos in the path (-1: the whole path), whose text
// is path[start:end].
func (p pathErrs) add(c Code, pos, start, end int, msg, hint string, sugg ...string) {
	p.errs.Add(c, "path", pos, Span{p.at + start, p.at + end}, msg, hint, sugg...)
}

// unknownResource explains a path whose first segment (head, name before
// its suffix, at base in path) is neither files nor transcripts: a host
// written without its scheme, a misspelling, or something else.
func unknownResource(path string, base int, head, name string, hasTail bool, p pathErrs) {
	if base == 0 && hasTail && looksLikeHost(head) {
		p.add(CodeUnknownResource, 0, 0, len(head), quote(head)+" is a host, not a resource",
			"a whole URL starts with its scheme: https://"+head+"/api/recordings/files", "https://"+head)
		return
	}
	msg := "unknown resource " + quote(name)
	var sugg []string
	hint := "the resources are /files and /transcripts"
	if n := nearest(name, []string{"files", "transcripts"}); n != "" {
		sugg = []string{n}
		hint = "did you mean /" + n + "?"
		if strings.EqualFold(n, name) {
			hint += " Paths are case-sensitive"
		}
	}
	p.add(CodeUnknownResource, base, base, base+len(name), msg, hint, sugg...)
}

// looksLikeHost reports whether s reads as a host name or address, with
// an optional port: letters, digits, '-', '.', and a '.' or ':' in it.
func looksLikeHost(s string) bool {
	if !strings.ContainsAny(s, ".:") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c == '-' || c == '.' || c == ':' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// setFormat reads a format suffix (after its dot, at pos in the path).
func setFormat(suffix string, q *Query, p pathErrs, pos int) bool {
	switch suffix {
	case "xml":
		q.Format = XML
	case "json":
		q.Format = JSON
	case "csv":
		q.Format = CSV
	default:
		var sugg []string
		if n := nearest(suffix, []string{"json", "csv", "xml"}); n != "" {
			sugg = []string{"." + n}
		}
		p.add(CodeBadFormat, pos, pos, pos+1+len(suffix), "unknown format "+quote("."+suffix), "use .json, .csv, or .xml (the default, also written with no suffix)", sugg...)
		return false
	}
	return true
}

// parseFilePath checks one recording file's path, S{yyyymmdd}/R{digits}[.wav],
// strictly: anything else never reaches a store. pos is its offset in the path.
func parseFilePath(id string, pos int, q *Query, p pathErrs) {
	q.Resource = File
	const form = "a file path is S{yyyymmdd}/R{digits}[.wav], as in /files/S20071220/R2007122003163601000.wav"
	folder, file, ok := strings.Cut(id, "/")
	end := pos + len(id)
	switch {
	case len(id) > MaxIDLength:
		p.add(CodeBadPath, pos, pos, end, "the file path is longer than 256 bytes", form)
		return
	case len(folder) != 9 || folder[0] != 'S' || !allDigits(folder[1:]):
		p.add(CodeBadPath, pos, pos, pos+len(folder), "expected the date folder S{yyyymmdd}, found "+quote(folder), form)
		return
	case !ok || strings.Contains(file, "/"):
		p.add(CodeBadPath, pos+len(folder), pos+len(folder), end, "expected exactly one file after the date folder", form)
		return
	}
	if _, err := daterange.ParseValue(folder[1:]); err != nil {
		p.add(CodeBadPath, pos+1, pos+1, pos+len(folder), "the date folder "+folder+" is not a date", form)
		return
	}
	digits := strings.TrimSuffix(file, ".wav")
	if len(digits) < 2 || digits[0] != 'R' || !allDigits(digits[1:]) {
		p.add(CodeBadPath, pos+len(folder)+1, pos+len(folder)+1, end, "expected the file R{digits}[.wav], found "+quote(file), form)
		return
	}
	if q.Method != "DELETE" {
		p.add(CodeBadMethod, -1, pos, end, "one recording file is only deleted", "use DELETE for /files/"+id+"; GET /files lists files")
		return
	}
	q.ID = folder + "/" + digits + ".wav"
}

// parseGUID checks one transcript's interactionGUID and its optional
// suffix; pos is its offset in the path.
func parseGUID(id string, pos int, q *Query, p pathErrs) {
	q.Resource = Transcript
	guid, suffix, hasSuffix := strings.Cut(id, ".")
	switch {
	case guid == "" || len(guid) > MaxIDLength:
		_, end, msg := GUIDFault(guid)
		p.add(CodeBadPath, pos, pos, pos+end, msg, "as in /transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant")
		return
	case strings.Contains(id, "/"):
		i := strings.IndexByte(id, '/')
		p.add(CodeBadPath, pos+i, pos+i, pos+len(id), "expected the end of the path after the interactionGUID", "one transcript is /transcripts/{interactionGUID}", "")
		return
	}
	if at, end, msg := GUIDFault(guid); msg != "" {
		p.add(CodeBadPath, pos+at, pos+at, pos+end, msg, "")
		return
	}
	if hasSuffix {
		sp := pos + len(guid)
		if !setFormat(suffix, q, p, sp) {
			return
		}
		if q.Format == CSV {
			p.add(CodeBadFormat, sp, sp, pos+len(id), "one transcript has no CSV form", "use .json, or .xml (the default), for /transcripts/{interactionGUID}", ".json", "")
			return
		}
		if q.Method == "DELETE" {
			p.add(CodeBadFormat, sp, sp, pos+len(id), "DELETE takes no format suffix", "DELETE /transcripts/"+guid, "")
			return
		}
	}
	q.ID = guid
}

// GUIDFault checks an interactionGUID as the path grammar takes it in
// /transcripts/{interactionGUID}: 1 to MaxIDLength bytes of letters,
// digits, '-' and '_'. It returns "" when guid is one, else what is wrong
// and the byte span [at, end) of guid at fault. The readers of records
// (package encode) refuse a transcript whose interactionGUID the path
// refuses, with this check, so that every transcript listed can be opened
// and deleted (docs/SERVING.md).
func GUIDFault(guid string) (at, end int, msg string) {
	if guid == "" || len(guid) > MaxIDLength {
		return 0, len(guid), "expected an interactionGUID of 1 to 256 bytes"
	}
	for i := 0; i < len(guid); i++ {
		if c := guid[i]; !(c == '-' || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return i, i + max(1, runeLen(guid, i)), "an interactionGUID holds letters, digits, '-' and '_', not " + describeByte(guid, i)
		}
	}
	return 0, 0, ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
