package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
)

// noise is n runes that no compressor shrinks much (CJK ideographs drawn
// at random, three bytes each): a B-tree entry holding it whole would pass
// PostgreSQL's limit of 2704 bytes once n is above about 900.
func noise(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	for range n {
		b.WriteRune(rune(0x4E00 + r.IntN(0x5000)))
	}
	return b.String()
}

// longFiles are files whose agentID and filename are far longer than a
// B-tree entry may be, some sharing the start instant and the first
// thousands of bytes of their filename, so that only the bytes past the
// prefix an index keeps decide their order; and short ones among them.
func longFiles() []record.File {
	long, agent := noise(1, 1500), noise(2, 1500)
	at := day
	fs := []record.File{
		file(long+"b", agent),
		file(long+"a", agent),
		file(long, agent+"x"),
		file(long[:768], agent), // exactly the prefix an index keeps, and shorter than the others
		file(long[:765], agent), // one rune shorter
		file("S20071220/R1.wav", agent[:768]),
		file("S20071220/R2.wav", "bill"),
		file(noise(3, 3000), noise(4, 3000)),
	}
	for i := range fs {
		fs[i].StartDate = at
	}
	fs[len(fs)-1].StartDate = at.Add(time.Second)
	// Earlier files, so that the long ones lie across the end of the first
	// page (the 50th record) as well as across a later page's start.
	for i := range 46 {
		fs = append(fs, file(fmt.Sprintf("S20071219/R%d.wav", i), "jo"))
		fs[len(fs)-1].StartDate = at.Add(-time.Hour)
	}
	return fs
}

// TestLongTextsHeld is finding 2 of issue 21: a field longer than a B-tree
// entry may be (an agentID or filename of a few KB, well under a record's
// bound) made the load fail with SQLSTATE 54000. The store holds every
// record the in-memory store holds, and answers as it does, pages,
// agentID, deletes and one transcript included.
func TestLongTextsHeld(t *testing.T) {
	s := pgtest.Store(t)
	ctx := context.Background()
	fs := longFiles()
	guid := noise(5, 2000)
	ts := []record.Transcript{
		{StartDate: day, AgentID: noise(2, 1500), InteractionGUID: guid + "b"},
		{StartDate: day, AgentID: noise(2, 1500), InteractionGUID: guid + "a"},
		{StartDate: day, AgentID: "bill", InteractionGUID: guid[:768]},
		{StartDate: day, AgentID: "bill", InteractionGUID: "int-1-chat"},
	}
	if err := s.Load(ctx, fs, ts, nil); err != nil {
		t.Fatalf("loading records with long texts: %v", err)
	}
	mem := record.NewStore(fs, ts)
	agent := noise(2, 1500)
	targets := []string{"/files", "/files?n=2", "/files?n=48", "/files?n=49", "/files?n=50", "/files?n=51", "/files?n=53",
		"/files?agentID=" + agent, "/files?agentID=" + agent + "x", "/files?agentID=" + agent[:768],
		"/files?agentID=bill", "/files?filename=" + fs[1].Filename,
		"/transcripts", "/transcripts?n=2", "/transcripts?agentID=" + agent, "/transcripts?interactionGUID=" + guid + "a"}
	for _, target := range targets {
		sameAsMemory(t, s, mem, target)
	}
	for _, g := range []string{guid + "a", guid[:768], guid} {
		got, found, err := s.Transcript(ctx, g)
		want, ok := mem.Transcript(g)
		if err != nil || found != ok || got.InteractionGUID != want.InteractionGUID {
			t.Errorf("Transcript(%.20q…) = %v, %v; memory %v", g, found, err, ok)
		}
	}
	if ok, err := s.DeleteFile(ctx, fs[0].Filename); !ok || err != nil {
		t.Errorf("DeleteFile of a long filename = %v, %v", ok, err)
	}
	mem.DeleteFile(fs[0].Filename)
	sameAsMemory(t, s, mem, "/files")
}

// TestLongDuplicateRefused: one record per filename and per
// interactionGUID holds for long ones, refused with the record and field
// as a short one is, within a load (its keys built at its end) and against
// the store (the keys kept during the load).
func TestLongDuplicateRefused(t *testing.T) {
	s := pgtest.Store(t)
	ctx := context.Background()
	long, guid := noise(7, 2000), noise(8, 2000)
	err := s.Load(ctx, []record.File{file(long, "a"), file(long+"x", "a"), file(long, "b")}, nil, nil)
	if le, ok := err.(*postgres.LoadError); !ok || le.Record != 1 || le.Field != "filename" {
		t.Errorf("a long filename twice in a load: %.200v, want a LoadError of file 1's filename", err)
	}
	var fs []record.File
	for i := range 5 {
		fs = append(fs, file(fmt.Sprintf("S20071220/R%d.wav", i), "a"))
	}
	fs = append(fs, file(long, "a"))
	ts := []record.Transcript{{StartDate: day, InteractionGUID: guid}, {StartDate: day, InteractionGUID: "int-2"}}
	if err := s.Load(ctx, fs, ts, nil); err != nil {
		t.Fatal(err)
	}
	err = s.Load(ctx, []record.File{file("S20071220/R9.wav", "a"), file(long, "b")}, nil, nil)
	if le, ok := err.(*postgres.LoadError); !ok || le.Record != 2 || le.Field != "filename" {
		t.Errorf("a long filename the store has: %.200v, want a LoadError of file 2's filename", err)
	}
	err = s.Load(ctx, nil, []record.Transcript{{StartDate: day, InteractionGUID: guid}}, nil)
	if le, ok := err.(*postgres.LoadError); !ok || le.Record != 1 || le.Field != "interactionGUID" {
		t.Errorf("a long interactionGUID the store has: %.200v, want a LoadError of transcript 1's interactionGUID", err)
	}
}

// sameAsMemory checks the page of a GET of target against the in-memory
// store's.
func sameAsMemory(t *testing.T, s *postgres.Store, mem *record.Store, target string) {
	t.Helper()
	ctx := context.Background()
	q, err := filter.Parse("GET", target)
	if err != nil {
		t.Fatal(err)
	}
	res, err := q.Resolve(now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	p, err := filter.Compile(q, now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	if q.Resource == filter.Files {
		pg, err := s.Files(ctx, q, res)
		if err != nil {
			t.Fatalf("%.60s: %v", target, err)
		}
		for _, f := range pg {
			got = append(got, f.Filename)
		}
		for _, f := range p.Files(mem) {
			want = append(want, f.Filename)
		}
	} else {
		pg, err := s.Transcripts(ctx, q, res)
		if err != nil {
			t.Fatalf("%.60s: %v", target, err)
		}
		for _, r := range pg {
			got = append(got, r.InteractionGUID)
		}
		for _, r := range p.Transcripts(mem) {
			want = append(want, r.InteractionGUID)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%.60s…: PostgreSQL gave %d records, memory %d, or another order", target, len(got), len(want))
	}
}

// TestKeysAsPostgreSQLComputesThem: the loader writes each key column as
// left(text, 256), which PostgreSQL's own left() must agree with, for
// texts of one- to four-byte characters around 256 of them, combining
// marks included; the queries compute their keys in Go the same way.
func TestKeysAsPostgreSQLComputesThem(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var fs []record.File
	var ts []record.Transcript
	for i, unit := range []string{"a", "é", "e\u0301", "☎", "🎧", "日本", "a🎧"} {
		for _, n := range []int{0, 1, 255, 256, 257, 600} {
			text := strings.Repeat(unit, n)
			fs = append(fs, file(fmt.Sprintf("%sS/R%d-%d.wav", text, i, n), text))
			ts = append(ts, record.Transcript{StartDate: day, AgentID: text, InteractionGUID: fmt.Sprintf("%s-%d-%d", text, i, n)})
		}
	}
	if err := s.Load(ctx, fs, ts, nil); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var files, transcripts, wrong int
	err = conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM recq_files), (SELECT count(*) FROM recq_transcripts),
		(SELECT count(*) FROM recq_files WHERE filename_key <> left(filename, 256) OR agent_key <> left(agent_id, 256))
		+ (SELECT count(*) FROM recq_transcripts WHERE guid_key <> left(interaction_guid, 256) OR agent_key <> left(agent_id, 256))`).
		Scan(&files, &transcripts, &wrong)
	if err != nil || files != len(fs) || transcripts != len(ts) || wrong != 0 {
		t.Errorf("%d files, %d transcripts, %d rows whose key is not PostgreSQL's left(text, 256) (%v)", files, transcripts, wrong, err)
	}
}
