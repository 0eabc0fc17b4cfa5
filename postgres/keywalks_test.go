package postgres_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/record"
)

// TestKeyWalksEquivalence holds the page of a filter that lists agents,
// which PostgreSQL answers with one walk per agent merged
// (docs/POSTGRES.md, "Filters"), to the in-memory store's: lists of the
// records' own agents (long ones among them, which keep the one walk),
// repeated, as =in= or an OR of == and =in=, alone or with other
// conditions, from any offset; half of the time over files of a few agents
// that each hold more rows than a page (crowdedFiles), so that a walk's
// bound cuts it, at starts that tie across agents.
func TestKeyWalksEquivalence(t *testing.T) {
	s := pgtest.Store(t)
	locs := zones(t)
	ctx := context.Background()
	rapid.Check(t, func(t *rapid.T) {
		var fs []record.File
		var ts []record.Transcript
		if rapid.Bool().Draw(t, "crowded") {
			fs = crowdedFiles(t)
		} else {
			fs, ts = genFiles(t, locs), genTranscripts(t, locs)
		}
		if err := s.Clear(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Load(ctx, fs, ts, nil); err != nil {
			t.Fatal(err)
		}
		mem := record.NewStore(fs, ts)
		agents := []string{"bill", "jo", "'", "%", "Bill", "nobody"}
		for _, f := range fs {
			agents = append(agents, f.AgentID)
		}
		for _, r := range ts {
			agents = append(agents, r.AgentID)
		}
		agents = slices.DeleteFunc(agents, func(a string) bool { return a == "" }) // no filter value is empty
		tenant := rapid.SampledFrom(locs).Draw(t, "tenant")
		for range rapid.IntRange(3, 10).Draw(t, "filters") {
			list := func() string {
				vs := rapid.SliceOfN(rapid.SampledFrom(agents), 1, 5).Draw(t, "agents")
				for i, v := range vs {
					vs[i] = quoted(v, false)
				}
				if len(vs) == 1 && rapid.Bool().Draw(t, "eq") {
					return "agentID==" + vs[0]
				}
				return "agentID=in=(" + strings.Join(vs, ",") + ")"
			}
			f := list()
			for range rapid.IntRange(0, 2).Draw(t, "orMore") {
				f += "," + list()
			}
			switch rapid.IntRange(0, 3).Draw(t, "with") {
			case 0:
				f = "(" + f + ");duration=ge=" + strconv.Itoa(rapid.SampledFrom([]int{0, 6, 27, 121}).Draw(t, "duration"))
			case 1:
				f = "startDate=ge=" + rapid.SampledFrom([]string{"2010-03-14", "2010-11-07", "today-1d"}).Draw(t, "since") + ";(" + f + ")"
			case 2:
				f = "(" + f + ");" + list()
			}
			path := "/files"
			if rapid.Bool().Draw(t, "ofTranscripts") {
				path = "/transcripts"
			}
			target := withFilter(path+"?n="+strconv.Itoa(rapid.IntRange(1, 60).Draw(t, "n")), f)
			comparePages(t, s, mem, target, tenant)
		}
	})
}

// crowdedFiles draws 80 to 200 files of a few agents, most of them of
// "a", over a few days, a fifth sharing a start with an earlier one, a
// third with filenames longer than a key (their order is then the whole
// text's, docs/POSTGRES.md "Long texts").
func crowdedFiles(t *rapid.T) []record.File {
	base := time.Date(2010, 6, 12, 0, 0, 0, 0, time.UTC)
	fs := make([]record.File, rapid.IntRange(80, 200).Draw(t, "crowd"))
	for i := range fs {
		start := base.Add(time.Duration(rapid.IntRange(0, 4*24*60).Draw(t, "minute")) * time.Minute)
		if i > 0 && rapid.IntRange(0, 4).Draw(t, "sameStart") == 0 {
			start = fs[rapid.IntRange(0, i-1).Draw(t, "twin")].StartDate
		}
		name := fmt.Sprintf("R%04d.wav", rapid.IntRange(0, 9999).Draw(t, "fileNo"))
		if rapid.IntRange(0, 2).Draw(t, "longName") == 0 {
			name = longPrefix + name
		}
		fs[i] = record.File{
			StartDate: start,
			AgentID:   rapid.SampledFrom([]string{"a", "a", "a", "b", "b", "c", "'", longPrefix}).Draw(t, "crowdAgent"),
			Duration:  rapid.SampledFrom([]int{0, 6, 27, 700}).Draw(t, "crowdDuration"),
			Filename:  name,
		}
	}
	return uniqueBy(fs, func(f *record.File) string { return f.Filename })
}
