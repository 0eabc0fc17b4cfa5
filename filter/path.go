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
// Positions in its errors are byte offsets in the path as given. The path
// is never decoded: a '%' in it is refused, so %2e%2e and %2F cannot smuggle
// a traversal or an extra segment past the check (docs/LANGUAGE.md §1.3).
func parsePath(path string, q *Query, errs *ErrorList) {
	if i := strings.IndexByte(path, '%'); i >= 0 {
		errs.Add("path", i, "percent-encoded bytes are not accepted in the path", "write the path plainly: /files, /transcripts/{interactionGUID}")
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
	head, tail, hasTail := strings.Cut(rest, "/")
	name, suffix, hasSuffix := strings.Cut(head, ".")
	switch name {
	case "files":
		q.Resource = Files
	case "transcripts":
		q.Resource = Transcripts
	default:
		hint := "the resources are /files and /transcripts"
		if n := nearest(name, []string{"files", "transcripts"}); n != "" {
			hint = "did you mean /" + n + "? paths are case-sensitive"
		}
		errs.Add("path", base, "unknown resource "+quote(head), hint)
		return
	}
	if hasSuffix && !setFormat(suffix, q, errs, base+len(name)) {
		return
	}
	if !hasTail {
		if q.Method == "DELETE" {
			errs.Add("path", -1, "DELETE takes one file or one transcript, not the whole "+name, "DELETE /files/S20071220/R2007122003163601000.wav or /transcripts/{interactionGUID}")
		}
		return
	}
	idPos := base + len(head) + 1
	if hasSuffix {
		errs.Add("path", base+len(name), "the format suffix goes at the end of the path", "")
		return
	}
	if q.Resource == Files {
		parseFilePath(tail, idPos, q, errs)
		return
	}
	parseGUID(tail, idPos, q, errs)
}

// setFormat reads a format suffix (after its dot, at pos in the path).
func setFormat(suffix string, q *Query, errs *ErrorList, pos int) bool {
	switch suffix {
	case "xml":
		q.Format = XML
	case "json":
		q.Format = JSON
	case "csv":
		q.Format = CSV
	default:
		errs.Add("path", pos, "unknown format ."+suffix, "use .xml (the default), .json or .csv")
		return false
	}
	return true
}

// parseFilePath checks one recording file's path, S{yyyymmdd}/R{digits}[.wav],
// strictly: anything else never reaches a store.
func parseFilePath(id string, pos int, q *Query, errs *ErrorList) {
	q.Resource = File
	const form = "a file path is S{yyyymmdd}/R{digits}[.wav], as in /files/S20071220/R2007122003163601000.wav"
	folder, file, ok := strings.Cut(id, "/")
	switch {
	case len(id) > MaxIDLength:
		errs.Add("path", pos, "the file path is longer than 256 bytes", form)
		return
	case len(folder) != 9 || folder[0] != 'S' || !allDigits(folder[1:]):
		errs.Add("path", pos, "expected the date folder S{yyyymmdd}, found "+quote(folder), form)
		return
	case !ok || strings.Contains(file, "/"):
		errs.Add("path", pos+len(folder), "expected exactly one file after the date folder", form)
		return
	}
	if _, err := daterange.ParseValue(folder[1:]); err != nil {
		errs.Add("path", pos+1, "the date folder "+folder+" is not a date", form)
		return
	}
	digits := strings.TrimSuffix(file, ".wav")
	if len(digits) < 2 || digits[0] != 'R' || !allDigits(digits[1:]) {
		errs.Add("path", pos+len(folder)+1, "expected the file R{digits}[.wav], found "+quote(file), form)
		return
	}
	if q.Method != "DELETE" {
		errs.Add("path", -1, "one recording file is only deleted", "use DELETE for /files/"+id+"; GET /files lists files")
		return
	}
	q.ID = folder + "/" + digits + ".wav"
}

// parseGUID checks one transcript's interactionGUID and its optional suffix.
func parseGUID(id string, pos int, q *Query, errs *ErrorList) {
	q.Resource = Transcript
	guid, suffix, hasSuffix := strings.Cut(id, ".")
	switch {
	case guid == "" || len(guid) > MaxIDLength:
		errs.Add("path", pos, "expected an interactionGUID of 1 to 256 bytes", "/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant")
		return
	case strings.Contains(id, "/"):
		errs.Add("path", pos+strings.IndexByte(id, '/'), "expected the end of the path after the interactionGUID", "one transcript is /transcripts/{interactionGUID}")
		return
	}
	for i := 0; i < len(guid); i++ {
		if c := guid[i]; !(c == '-' || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			errs.Add("path", pos+i, "an interactionGUID holds letters, digits, '-' and '_', not "+describeByte(guid, i), "")
			return
		}
	}
	if hasSuffix {
		if !setFormat(suffix, q, errs, pos+len(guid)) {
			return
		}
		if q.Format == CSV {
			errs.Add("path", pos+len(guid), "one transcript has no CSV form", "use .xml or .json for /transcripts/{interactionGUID}")
			return
		}
		if q.Method == "DELETE" {
			errs.Add("path", pos+len(guid), "DELETE takes no format suffix", "DELETE /transcripts/"+guid)
			return
		}
	}
	q.ID = guid
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
