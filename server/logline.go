package server

import (
	"strconv"
	"strings"
)

// The bounds of a request's log line (docs/SERVING.md, "the log").
const (
	logPathBytes = 200 // of the path; longer is cut and marked with …
	logQueryVars = 16  // names of variables; more are counted
	logNameBytes = 32  // of a variable's name
)

// logPath returns the escaped path cut to logPathBytes.
func logPath(p string) string {
	if len(p) <= logPathBytes {
		return p
	}
	return p[:logPathBytes] + "…(" + strconv.Itoa(len(p)) + " bytes)"
}

// redactQuery returns the names of the raw query's variables with their
// values replaced by …: the log says what was asked (agentID=…&d=…) without
// the tenant's data (phone numbers, names), and stays short whatever the
// query.
func redactQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var b strings.Builder
	n := 0
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		n++
		if n > logQueryVars {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		name, _, hasValue := strings.Cut(part, "=")
		if len(name) > logNameBytes {
			name = name[:logNameBytes] + "…"
		}
		b.WriteString(name)
		if hasValue {
			b.WriteString("=…")
		}
	}
	if n > logQueryVars {
		b.WriteString("&…(" + strconv.Itoa(n) + " variables)")
	}
	return b.String()
}
