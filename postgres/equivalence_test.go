package postgres_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

// now is the clock of every query of these tests.
var now = time.Date(2010, 6, 15, 12, 0, 0, 0, time.UTC)

// zones are fuzz.Zones loaded: the zones of the held DST cases.
func zones(t testing.TB) []*time.Location {
	var locs []*time.Location
	for _, name := range fuzz.Zones {
		loc, err := timezone.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		locs = append(locs, loc)
	}
	return locs
}

// nearChange draws an instant in loc next to a change of its offset (or
// anywhere in 2007–2012 for a zone without one), often at a ±5 s edge, at
// times with a fraction of a second.
func nearChange(t *rapid.T, loc *time.Location) time.Time {
	base := time.Unix(rapid.Int64Range(1167609600, 1356998400).Draw(t, "base"), 0).In(loc)
	at := base
	if rapid.IntRange(0, 3).Draw(t, "atMidnight") == 0 {
		y, m, d := base.Date()
		at = time.Date(y, m, d, 0, 0, 0, 0, loc) // [D-11]: a day's first instant, even in a gap
	} else if start, _ := base.ZoneBounds(); !start.IsZero() && rapid.IntRange(0, 3).Draw(t, "atChange") > 0 {
		at = start
	}
	delta := rapid.SampledFrom([]int64{-3601, -3600, -6, -5, -4, -1, 0, 1, 4, 5, 6, 3599, 3600, 86400}).Draw(t, "delta")
	ns := rapid.SampledFrom([]int{0, 0, 0, 1, 999, 1000, 500_000_000, 999_999_999}).Draw(t, "ns")
	return at.Add(time.Duration(delta)*time.Second + time.Duration(ns))
}

// pieces are what metadata and field texts are made of: LIKE's wildcards
// and escape, quotes, SQL, non-ASCII.
var pieces = []string{"%", "_", `\`, "'", `"`, "é", "☎", "🎧", "Color", "Blue", "a", "b", " ", "%_", `\%`, "''", ";", "--", "日本"}

func text(t *rapid.T, label string) string {
	return strings.Join(rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 4).Draw(t, label), "")
}

// longPrefix is the start of the long texts: 300 runes, more than the
// 256 of a key (docs/POSTGRES.md, "Long texts"), so that texts built on it
// share their key and only their later bytes order them.
var longPrefix = strings.Repeat("Lé☎", 100)

// runePrefix is the first n runes of s.
func runePrefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// longText draws a text around or past the length of a key, up to a
// record's bound (encode.MaxRecordBytes) or maxRunes, now and then: the
// prefix of a key and a rune less or more, texts sharing a key, and texts
// of kilobytes that no B-tree entry could hold whole.
func longText(t *rapid.T, label string, maxRunes int) string {
	switch rapid.IntRange(0, 9).Draw(t, label+"Long") {
	case 0:
		return runePrefix(longPrefix, rapid.IntRange(254, 258).Draw(t, label+"Runes"))
	case 1, 2, 3:
		return longPrefix + text(t, label+"Tail")
	case 4:
		// Up to a record's bound in three-byte runes, most often a few KB.
		n := rapid.SampledFrom([]int{1000, 3000, 100_000, encode.MaxRecordBytes/3 - 2000}).Draw(t, label+"Noise")
		return longPrefix + noise(rapid.Uint64().Draw(t, label+"Seed"), min(n, maxRunes))
	}
	return ""
}

func meta(t *rapid.T) []record.MetaData {
	var md []record.MetaData
	for range rapid.IntRange(0, 3).Draw(t, "metaCount") {
		md = append(md, record.MetaData{FieldName: text(t, "fieldName"), FieldValue: text(t, "fieldValue") + longText(t, "fieldValueLong", 3000)})
	}
	return md
}

func genFiles(t *rapid.T, locs []*time.Location) []record.File {
	n := rapid.IntRange(0, 70).Draw(t, "files")
	fs := make([]record.File, n)
	for i := range fs {
		var start time.Time
		if i > 0 && rapid.IntRange(0, 4).Draw(t, "sameStart") == 0 {
			start = fs[rapid.IntRange(0, i-1).Draw(t, "twin")].StartDate // ties break by filename
		} else {
			start = nearChange(t, rapid.SampledFrom(locs).Draw(t, "zone"))
		}
		fs[i] = record.File{
			StartDate: start,
			AgentID:   rapid.SampledFrom([]string{"bill", "jo", "", "'", "%", "Bill", "long"}).Draw(t, "agentID"),
			Channel:   rapid.SampledFrom([]string{"8005557780", "#virtual_outbound#"}).Draw(t, "channel"),
			Duration:  rapid.SampledFrom([]int{0, 5, 7, 27, 120, 3600}).Draw(t, "duration"),
			Filename:  fmt.Sprintf("S%s/R%03d.wav", start.UTC().Format("20060102"), rapid.IntRange(0, 999).Draw(t, "fileNo")),
			QueueID:   rapid.SampledFrom([]string{"q1", "QUEUE_OUTBOUND"}).Draw(t, "queueID"),
			ExtVar1:   text(t, "extVar1"),
			MetaData:  meta(t),
		}
		if fs[i].AgentID == "long" {
			fs[i].AgentID = longText(t, "agentID", encode.MaxRecordBytes)
		}
		if rapid.IntRange(0, 2).Draw(t, "longFilename") == 0 {
			fs[i].Filename = longText(t, "filename", encode.MaxRecordBytes) + fs[i].Filename
		}
		if rapid.Bool().Draw(t, "wrapUp") {
			fs[i].TransactionCodes = []record.TransactionCode{{ListName: text(t, "listName"), Name: text(t, "codeName")}}
		}
	}
	return uniqueBy(fs, func(f *record.File) string { return f.Filename })
}

func genTranscripts(t *rapid.T, locs []*time.Location) []record.Transcript {
	n := rapid.IntRange(0, 70).Draw(t, "transcripts")
	ts := make([]record.Transcript, n)
	for i := range ts {
		var start time.Time
		if i > 0 && rapid.IntRange(0, 4).Draw(t, "sameStart") == 0 {
			start = ts[rapid.IntRange(0, i-1).Draw(t, "twin")].StartDate // ties break by interactionGUID
		} else {
			start = nearChange(t, rapid.SampledFrom(locs).Draw(t, "zone"))
		}
		ts[i] = record.Transcript{
			StartDate:       start,
			AgentID:         rapid.SampledFrom([]string{"bill", "jo", "", "'"}).Draw(t, "agentID"),
			AgentName:       text(t, "agentName"),
			InteractionGUID: fmt.Sprintf("int-%03d-chat", rapid.IntRange(0, 999).Draw(t, "guid")),
			TranscriptType:  rapid.SampledFrom([]string{"A2C", "C2A"}).Draw(t, "transcriptType"),
			ContactName:     longText(t, "contactName", encode.MaxRecordBytes),
			Duration:        rapid.SampledFrom([]int{0, 5, 27, 61}).Draw(t, "duration"),
			MetaData:        meta(t),
		}
		if ts[i].AgentID == "'" {
			ts[i].AgentID = longText(t, "agentID", encode.MaxRecordBytes)
		}
		if rapid.IntRange(0, 2).Draw(t, "longGUID") == 0 {
			ts[i].InteractionGUID = longText(t, "guid", encode.MaxRecordBytes) + ts[i].InteractionGUID
		}
		for range rapid.IntRange(0, 2).Draw(t, "messages") {
			ts[i].Messages = append(ts[i].Messages, record.Message{MessageTime: start.Add(time.Second), MessageFrom: text(t, "from"), OriginalMessage: text(t, "message")})
		}
	}
	return uniqueBy(ts, func(r *record.Transcript) string { return r.InteractionGUID })
}

// uniqueBy keeps the first record of each key: the store holds one record
// per filename or interactionGUID (docs/POSTGRES.md).
func uniqueBy[R any](rs []R, key func(*R) string) []R {
	seen := map[string]bool{}
	out := rs[:0]
	for i := range rs {
		if k := key(&rs[i]); !seen[k] {
			seen[k] = true
			out = append(out, rs[i])
		}
	}
	return out
}

// anchored draws a request whose dates, fields and substrings come from a
// record (start, duration, agentID, metadata), so that it matches some.
func anchored(t *rapid.T, path string, locs []*time.Location, start time.Time, duration int, agent string, md []record.MetaData) string {
	var vars []string
	loc := rapid.SampledFrom(locs).Draw(t, "tz")
	local := start.In(loc)
	// Often the window just before the record's, whose end is its start.
	before := rapid.IntRange(0, 2).Draw(t, "before") == 0
	day, minute := local, local
	if before {
		day, minute = local.AddDate(0, 0, -1), local.Add(-time.Minute)
	}
	withTZ := false
	switch rapid.IntRange(0, 4).Draw(t, "dKind") {
	case 1:
		vars, withTZ = append(vars, "d="+day.Format("2006-01-02")), true
	case 2:
		vars, withTZ = append(vars, "d="+day.AddDate(0, 0, -1).Format("2006-01-02")+","+day.AddDate(0, 0, 1).Format("2006-01-02")), true
	case 3:
		vars, withTZ = append(vars, "d="+url.QueryEscape(minute.Format("2006-01-02T15:04"))), true
	case 4:
		vars = append(vars, "d="+url.QueryEscape(local.Format("2006-01-02T15:04:05Z07:00")))
	}
	edge := time.Duration(rapid.SampledFrom([]int{0, 5, -5, 6, -6, 1}).Draw(t, "edge")) * time.Second
	switch rapid.IntRange(0, 3).Draw(t, "windowKind") {
	case 1:
		vars, withTZ = append(vars, "start-date="+url.QueryEscape(local.Add(edge).Format("2006-01-02T15:04:05"))), true
	case 2:
		vars = append(vars, "start-date="+url.QueryEscape(start.Add(edge).UTC().Format("2006-01-02T15:04:05.999999999Z")))
	case 3:
		end := local.Add(time.Duration(duration)*time.Second + edge)
		vars, withTZ = append(vars, "finish-date="+url.QueryEscape(end.Format("2006-01-02T15:04:05"))), true
	}
	if withTZ && rapid.IntRange(0, 3).Draw(t, "tzGiven") > 0 {
		vars = append(vars, "tz="+url.QueryEscape(loc.String()))
	}
	if rapid.IntRange(0, 2).Draw(t, "hasAgent") == 0 {
		if len(url.QueryEscape(agent)) > filter.MaxRequestLength/2 {
			agent = runePrefix(agent, 600) // a request has at most 8 KiB: a long agentID's start
		}
		vars = append(vars, "agentID="+url.QueryEscape(rapid.SampledFrom([]string{agent, "bill", "%", "_", runePrefix(longPrefix, 256)}).Draw(t, "agent")))
	}
	if rapid.IntRange(0, 3).Draw(t, "hasDuration") == 0 {
		vars = append(vars, "duration="+rapid.SampledFrom([]string{strconv.Itoa(duration), "0" + strconv.Itoa(duration), "27", "+5"}).Draw(t, "durationText"))
	}
	sub := func(label, s string) string {
		r := []rune(s)
		i := rapid.IntRange(0, len(r)).Draw(t, label+"From")
		j := rapid.IntRange(i, min(len(r), i+300)).Draw(t, label+"To") // a request has at most 8 KiB
		return string(r[i:j])
	}
	if len(md) > 0 && rapid.Bool().Draw(t, "hasMeta") {
		e := rapid.SampledFrom(md).Draw(t, "entry")
		if rapid.Bool().Draw(t, "metaName") {
			vars = append(vars, "metaData_fieldName="+url.QueryEscape(sub("name", e.FieldName)))
		}
		if rapid.Bool().Draw(t, "metaValue") {
			vars = append(vars, "metaData_fieldValue="+url.QueryEscape(rapid.SampledFrom([]string{sub("value", e.FieldValue), "%", "_", `\`}).Draw(t, "value")))
		}
	}
	if rapid.Bool().Draw(t, "hasN") {
		vars = append(vars, "n="+strconv.Itoa(rapid.SampledFrom([]int{1, 2, 3, 49, 50, 51, 52, 101}).Draw(t, "n")))
	}
	if len(vars) == 0 {
		return path
	}
	return path + "?" + strings.Join(vars, "&")
}

// TestEquivalence loads generated records into the in-memory store and the
// PostgreSQL store and asserts identical pages, in every format's bytes,
// for generated queries and each of their pages. Some texts are longer
// than the indexes' keys, up to a record's bound, sharing their key with
// others of the same start (longText).
func TestEquivalence(t *testing.T) {
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
		for range rapid.IntRange(1, 6).Draw(t, "queries") {
			var target string
			switch k := rapid.IntRange(0, 7).Draw(t, "queryKind"); {
			case k == 0:
				target = fuzz.QueryFor(rapid.Bool().Draw(t, "ofTranscripts")).Draw(t, "generic").Target
			case k == 5:
				target = fuzz.ValidFilterRequest().Draw(t, "withFilter").Target
			case k == 6 && len(fs) > 0:
				f := rapid.SampledFrom(fs).Draw(t, "filterFile")
				var codes []record.MetaData
				for _, c := range f.TransactionCodes {
					codes = append(codes, record.MetaData{FieldName: c.ListName, FieldValue: c.Name})
				}
				target = withFilter(maybeAnchored(t, "/files", locs, f.StartDate, f.Duration, f.AgentID, f.MetaData),
					anchoredFilter(t, locs, f.StartDate, f.Duration, f.AgentID, codes, false))
			case k == 7 && len(ts) > 0:
				r := rapid.SampledFrom(ts).Draw(t, "filterTranscript")
				target = withFilter(maybeAnchored(t, "/transcripts", locs, r.StartDate, r.Duration, r.AgentID, r.MetaData),
					anchoredFilter(t, locs, r.StartDate, r.Duration, r.AgentID, r.MetaData, true))
			case k <= 2 && len(fs) > 0:
				f := rapid.SampledFrom(fs).Draw(t, "anchorFile")
				target = anchored(t, "/files", locs, f.StartDate, f.Duration, f.AgentID, f.MetaData)
			case len(ts) > 0:
				r := rapid.SampledFrom(ts).Draw(t, "anchorTranscript")
				target = anchored(t, "/transcripts", locs, r.StartDate, r.Duration, r.AgentID, r.MetaData)
			default:
				target = "/files"
			}
			comparePages(t, s, mem, target, tenant)
		}
		if len(fs) > 0 && rapid.Bool().Draw(t, "deleteFile") {
			name := rapid.SampledFrom(fs).Draw(t, "deleted").Filename
			got, err := s.DeleteFile(ctx, name)
			if want := mem.DeleteFile(name); err != nil || got != want {
				t.Fatalf("DeleteFile(%s) = %v, %v; memory %v", name, got, err, want)
			}
			comparePages(t, s, mem, "/files", tenant)
		}
		if len(ts) > 0 && rapid.Bool().Draw(t, "deleteTranscript") {
			guid := rapid.SampledFrom(ts).Draw(t, "cleared").InteractionGUID
			dummy := record.Message{MessageTime: now, MessageFrom: "system", OriginalMessage: "deleted"}
			got, err := s.DeleteTranscript(ctx, guid, dummy)
			if want := mem.ClearMessages(guid, dummy); err != nil || got != want {
				t.Fatalf("DeleteTranscript(%s) = %v, %v; memory %v", guid, got, err, want)
			}
			compareTranscript(t, s, mem, guid, tenant)
		}
		for range rapid.IntRange(0, 2).Draw(t, "lookups") {
			if len(ts) == 0 {
				break
			}
			guid := rapid.SampledFrom(ts).Draw(t, "lookup").InteractionGUID
			compareTranscript(t, s, mem, guid, tenant)
		}
	})
}

// comparePages checks the query's page and the pages after it, until both
// stores run out.
func comparePages(t *rapid.T, s *postgres.Store, mem *record.Store, target string, tenant *time.Location) {
	ctx := context.Background()
	if len(target) > filter.MaxRequestLength {
		return // a filter built from a text near the record bound: no request can hold it
	}
	q, err := filter.Parse("GET", target)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	if q.Resource != filter.Files && q.Resource != filter.Transcripts {
		return
	}
	res, err := q.Resolve(now, tenant)
	if err != nil {
		return // a range reversed once resolved: refused before any store
	}
	for page := 0; page < 3; page++ {
		p, err := filter.Compile(q, now, tenant)
		if err != nil {
			t.Fatal(err)
		}
		var got, want [3][]byte
		var gotN, wantN int
		for _, format := range []filter.Format{filter.XML, filter.JSON, filter.CSV} {
			var g, w bytes.Buffer
			if q.Resource == filter.Files {
				pg, err := s.Files(ctx, q, res)
				if err != nil {
					t.Fatalf("%s: %v", target, err)
				}
				m := p.Files(mem)
				gotN, wantN = len(pg), len(m)
				sameInstants(t, target, pg, m, func(f *record.File) time.Time { return f.StartDate })
				_ = encode.WriteFiles(&g, format, pg, res.Zone)
				_ = encode.WriteFiles(&w, format, m, res.Zone)
			} else {
				pg, err := s.Transcripts(ctx, q, res)
				if err != nil {
					t.Fatalf("%s: %v", target, err)
				}
				m := p.Transcripts(mem)
				gotN, wantN = len(pg), len(m)
				sameInstants(t, target, pg, m, func(r *record.Transcript) time.Time { return r.StartDate })
				_ = encode.WriteTranscripts(&g, format, pg, res.Zone)
				_ = encode.WriteTranscripts(&w, format, m, res.Zone)
			}
			got[format], want[format] = g.Bytes(), w.Bytes()
			if !bytes.Equal(got[format], want[format]) {
				t.Fatalf("%s n=%d, %s: PostgreSQL gave %d records\n%s\nmemory gave %d\n%s", target, q.N, format, gotN, got[format], wantN, want[format])
			}
		}
		if gotN < filter.DefaultPageSize {
			return
		}
		q.N = max(q.N, 1) + filter.DefaultPageSize
	}
}

// sameInstants checks the instants to the nanosecond, finer than a
// response writes them.
func sameInstants[R any](t *rapid.T, target string, got, want []R, start func(*R) time.Time) {
	for i := range min(len(got), len(want)) {
		if g, w := start(&got[i]), start(&want[i]); !g.Equal(w) {
			t.Fatalf("%s: record %d starts at %s, want %s", target, i+1, g.Format(time.RFC3339Nano), w.Format(time.RFC3339Nano))
		}
	}
}

func compareTranscript(t *rapid.T, s *postgres.Store, mem *record.Store, guid string, loc *time.Location) {
	got, found, err := s.Transcript(context.Background(), guid)
	if err != nil {
		t.Fatal(err)
	}
	want, ok := mem.Transcript(guid)
	if found != ok {
		t.Fatalf("transcript %s: found %v, want %v", guid, found, ok)
	}
	for _, format := range []filter.Format{filter.XML, filter.JSON} {
		var g, w bytes.Buffer
		_ = encode.WriteTranscript(&g, format, got, loc)
		_ = encode.WriteTranscript(&w, format, want, loc)
		if !bytes.Equal(g.Bytes(), w.Bytes()) {
			t.Fatalf("transcript %s, %s:\n%s\nwant\n%s", guid, format, g.Bytes(), w.Bytes())
		}
	}
}
