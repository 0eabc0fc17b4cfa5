package postgres_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/record"
)

// withFilter adds filter=f to a request target, escaped as a client
// escapes a query's value (a space as %20, never '+': docs/LANGUAGE.md §14.7).
func withFilter(target, f string) string {
	sep := "?"
	if strings.Contains(target, "?") {
		sep = "&"
	}
	return target + sep + "filter=" + strings.ReplaceAll(url.QueryEscape(f), "+", "%20")
}

// maybeAnchored is the bare path half of the time, so that the filter
// alone selects among all the records, else an anchored request.
func maybeAnchored(t *rapid.T, path string, locs []*time.Location, start time.Time, duration int, agent string, md []record.MetaData) string {
	if rapid.Bool().Draw(t, "bare") {
		return path
	}
	return anchored(t, path, locs, start, duration, agent, md)
}

// quoted writes s as a quoted filter value: ' and \ escaped, and * too
// unless it is to stay a wildcard.
func quoted(s string, wild bool) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, c := range []byte(s) {
		if c == '\'' || c == '\\' || c == '*' && !wild {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte('\'')
	return b.String()
}

// wildcard draws a wildcard pattern that s matches, or nearly: a prefix, a
// suffix or a middle of it between stars, sometimes with a literal * kept.
func wildcard(t *rapid.T, s string) string {
	r := []rune(s)
	i := rapid.IntRange(0, len(r)).Draw(t, "cutFrom")
	j := rapid.IntRange(i, len(r)).Draw(t, "cutTo")
	mid := strings.NewReplacer(`\`, `\\`, "'", `\'`, "*", `\*`).Replace(string(r[i:j]))
	switch rapid.IntRange(0, 3).Draw(t, "wildShape") {
	case 0:
		return "'" + mid + "*'"
	case 1:
		return "'*" + mid + "'"
	case 2:
		return "'*" + mid + "*'"
	}
	head := strings.NewReplacer(`\`, `\\`, "'", `\'`, "*", `\*`).Replace(string(r[:i]))
	return "'" + head + "*" + mid + "*x'"
}

// anchoredFilter draws a filter whose comparisons come from one record
// (its start, duration, agent and entries: wrap-up codes as name/value
// pairs for files, metadata for transcripts), so that it selects some
// records and misses others by a little: days, instants at the record's
// own start, durations next to its own, patterns cut from its texts, and
// the complements of each.
func anchoredFilter(t *rapid.T, locs []*time.Location, start time.Time, duration int, agent string, entries []record.MetaData, ofTranscripts bool) string {
	nameSel, valueSel := "transactionCode.listName", "transactionCode.name"
	if ofTranscripts {
		nameSel, valueSel = "metaData.fieldName", "metaData.fieldValue"
	}
	ops := []string{"==", "!=", "=lt=", "=le=", "=gt=", "=ge=", "=in=", "=out="}
	comparison := func() string {
		switch rapid.IntRange(0, 4).Draw(t, "anchoredKind") {
		case 0:
			loc := rapid.SampledFrom(locs).Draw(t, "dateZone")
			local := start.In(loc)
			sel := rapid.SampledFrom([]string{"startDate", "finishDate"}).Draw(t, "dateSel")
			if sel == "finishDate" {
				local = record.Finish(start, duration).In(loc)
			}
			var v string
			switch rapid.IntRange(0, 3).Draw(t, "datePrecision") {
			case 0:
				v = local.Format("2006-01-02")
			case 1:
				v = local.Format("2006-01-02T15:04")
			case 2:
				v = "'" + local.Format(time.RFC3339Nano) + "'"
			default: // today±Nd, a day near the record's in the query's zone
				days := int(now.Sub(local).Hours() / 24)
				v = "today-" + strconv.Itoa(days) + "d"
				if days < 0 {
					v = "today+" + strconv.Itoa(-days) + "d"
				}
			}
			op := rapid.SampledFrom(ops).Draw(t, "dateOp")
			if op == "=in=" || op == "=out=" {
				v = "(" + v + ",2010-06-14)"
			}
			return sel + op + v
		case 1:
			d := duration + rapid.IntRange(-1, 1).Draw(t, "durationDelta")
			op := rapid.SampledFrom(ops).Draw(t, "durationOp")
			if op == "=in=" || op == "=out=" {
				return "duration" + op + "(" + strconv.Itoa(d) + ",27,3600)"
			}
			return "duration" + op + strconv.Itoa(d)
		case 2:
			op := rapid.SampledFrom([]string{"==", "!=", "=in=", "=out="}).Draw(t, "agentOp")
			v := rapid.SampledFrom([]string{agent, "bill", "%", "_"}).Draw(t, "agentValue")
			if v == "" {
				v = "bill"
			}
			if op == "=in=" || op == "=out=" {
				return "agentID" + op + "(" + quoted(v, false) + ",jo)"
			}
			if rapid.Bool().Draw(t, "agentWild") {
				return "agentID" + op + wildcard(t, v)
			}
			return "agentID" + op + quoted(v, false)
		}
		sel := rapid.SampledFrom([]string{nameSel, valueSel}).Draw(t, "entrySel")
		op := rapid.SampledFrom([]string{"==", "!=", "=in=", "=out="}).Draw(t, "entryOp")
		v := "Color"
		if len(entries) > 0 {
			e := rapid.SampledFrom(entries).Draw(t, "entry")
			v = e.FieldName
			if sel == valueSel {
				v = e.FieldValue
			}
		}
		if (op == "==" || op == "!=") && rapid.Bool().Draw(t, "entryWild") {
			return sel + op + wildcard(t, v)
		}
		if v == "" {
			v = "Blue"
		}
		return sel + op + quoted(v, false)
	}
	parts := []string{comparison()}
	for range rapid.IntRange(0, 2).Draw(t, "more") {
		parts = append(parts, comparison())
	}
	sep := ";"
	if rapid.IntRange(0, 2).Draw(t, "or") == 0 {
		sep = ","
	}
	return strings.Join(parts, sep)
}

// TestFilterEquivalence is TestEquivalence for filters alone: each set of
// generated records, loaded once, is asked many filters drawn from its
// own records (every operator on each kind of selector, near each
// record's own values) and from fuzz.Filter, over all the records; each
// page must be the in-memory store's, in every format's bytes.
func TestFilterEquivalence(t *testing.T) {
	s := pgtest.Store(t)
	locs := zones(t)
	ctx := context.Background()
	rapid.Check(t, func(t *rapid.T) {
		fs, ts := genFiles(t, locs), genTranscripts(t, locs)
		if err := s.Clear(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Load(ctx, fs, ts, nil); err != nil {
			t.Fatal(err)
		}
		mem := record.NewStore(fs, ts)
		tenant := rapid.SampledFrom(locs).Draw(t, "tenant")
		for range rapid.IntRange(5, 20).Draw(t, "filters") {
			ofTranscripts := rapid.Bool().Draw(t, "ofTranscripts")
			var f string
			switch {
			case rapid.IntRange(0, 3).Draw(t, "generic") == 0:
				f = fuzz.Filter(ofTranscripts).Draw(t, "filter")
			case ofTranscripts && len(ts) > 0:
				r := rapid.SampledFrom(ts).Draw(t, "anchor")
				f = anchoredFilter(t, locs, r.StartDate, r.Duration, r.AgentID, r.MetaData, true)
			case !ofTranscripts && len(fs) > 0:
				r := rapid.SampledFrom(fs).Draw(t, "anchor")
				var codes []record.MetaData
				for _, c := range r.TransactionCodes {
					codes = append(codes, record.MetaData{FieldName: c.ListName, FieldValue: c.Name})
				}
				f = anchoredFilter(t, locs, r.StartDate, r.Duration, r.AgentID, codes, false)
			default:
				f = fuzz.Filter(ofTranscripts).Draw(t, "filter")
			}
			path := "/files"
			if ofTranscripts {
				path = "/transcripts"
			}
			if rapid.Bool().Draw(t, "withTZ") {
				path += "?tz=" + url.QueryEscape(rapid.SampledFrom(locs).Draw(t, "tz").String())
			}
			comparePages(t, s, mem, withFilter(path, f), tenant)
		}
	})
}
