package bench

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
)

// The PostgreSQL store against the in-memory one on the same generated
// files (bench/README.md, "PostgreSQL store"). The table holds
// RECQ_BENCH_FILES files (default 100,000, so that CI's single run is
// short); the figures in the README are from 1,000,000.

const batch = 100_000 // records per Load: one transaction, as one file of recq load

// pgFiles generates files i..i+n of the benchmark table: a year of calls
// (2007), 1,000 agents, two metadata entries on half of them.
func pgFiles(from, n, total int) []record.File {
	r := rand.New(rand.NewPCG(uint64(from), 7))
	year := int64(365 * 24 * 3600)
	base := time.Date(2007, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	words := []string{"Color", "Fruit", "Blue", "Cherry", "Gauffre", "Number of alphabets", "26", "olo", "Olive", "zeta"}
	fs := make([]record.File, n)
	for i := range fs {
		k := from + i
		start := time.Unix(base+int64(k)*year/int64(total)+r.Int64N(60), 0).In(time.FixedZone("", -7*3600))
		fs[i] = record.File{
			StartDate:   start,
			AgentID:     "agent" + strconv.Itoa(r.IntN(1000)),
			PhoneNumber: strconv.Itoa(4155550000 + r.IntN(10000)),
			Channel:     "8005557780",
			CaseID:      strconv.Itoa(r.IntN(100)),
			Duration:    r.IntN(3600),
			Filename:    fmt.Sprintf("S%s/R%011d.wav", start.UTC().Format("20060102"), k),
			QueueID:     "queue" + strconv.Itoa(r.IntN(50)),
			QueueName:   "phoneq",
		}
		if r.IntN(2) == 0 {
			fs[i].MetaData = []record.MetaData{
				{FieldName: words[r.IntN(len(words))], FieldValue: words[r.IntN(len(words))] + strconv.Itoa(r.IntN(1000))},
				{FieldName: words[r.IntN(len(words))], FieldValue: words[r.IntN(len(words))]},
			}
		}
		if r.IntN(4) == 0 {
			fs[i].TransactionCodes = []record.TransactionCode{{ListName: "Gauffre", Name: "Gauffre " + strconv.Itoa(r.IntN(9))}}
		}
	}
	return fs
}

func benchFiles() int {
	if n, err := strconv.Atoi(os.Getenv("RECQ_BENCH_FILES")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

var pgTable struct {
	once     sync.Once
	report   sync.Once
	store    *postgres.Store
	mem      *record.Store
	loadRate float64
	drop     func(context.Context) error
	err      error
}

// TestMain drops the benchmark table's scratch database after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if pgTable.drop != nil {
		if pgTable.store != nil {
			pgTable.store.Close()
		}
		if err := pgTable.drop(context.Background()); err != nil {
			fmt.Fprintln(os.Stderr, "dropping the benchmark database:", err)
		}
	}
	os.Exit(code)
}

// table loads the benchmark table once per process into a scratch
// database, dropped when the process ends (TestMain), or into the database
// of keepEnv, kept.
func table(b *testing.B) (*postgres.Store, *record.Store) {
	server := pgtest.Server(b)
	pgTable.once.Do(func() {
		ctx := context.Background()
		total := benchFiles()
		keepInMemory := total <= 10_000_000 // about 5 GB of records at 10M
		var all []record.File
		s, reuse, err := benchStore(ctx, server, total)
		if err != nil {
			pgTable.err = err
			return
		}
		if reuse {
			// The table is the one this process would load: its files are
			// generated again for the in-memory side only.
			pgTable.store = s
			if keepInMemory {
				for from := 0; from < total; from += batch {
					all = append(all, pgFiles(from, min(batch, total-from), total)...)
				}
				pgTable.mem = record.NewStore(all, nil)
			}
			return
		}
		var loading time.Duration
		// One run of loads, as recq load runs its files: the indexes that
		// enforce nothing are built once, at its end, and counted.
		t0 := time.Now()
		restore, err := s.SetAside(ctx, total)
		if err != nil {
			pgTable.err = err
			return
		}
		loading += time.Since(t0)
		for from := 0; from < total; from += batch {
			fs := pgFiles(from, min(batch, total-from), total)
			t0 := time.Now()
			if err := s.Load(ctx, fs, nil, nil); err != nil {
				pgTable.err = err
				return
			}
			loading += time.Since(t0)
			if keepInMemory {
				all = append(all, fs...)
			}
		}
		t0 = time.Now()
		if err := restore(ctx); err != nil {
			pgTable.err = err
			return
		}
		loading += time.Since(t0)
		pgTable.loadRate = float64(total) / loading.Seconds()
		if err := s.Analyze(ctx); err != nil {
			pgTable.err = err
			return
		}
		pgTable.store = s
		if keepInMemory {
			pgTable.mem = record.NewStore(all, nil)
		}
	})
	if pgTable.err != nil {
		b.Fatal(pgTable.err)
	}
	pgTable.report.Do(func() {
		if pgTable.loadRate == 0 {
			fmt.Printf("# %d files kept in %s from an earlier run (not loaded)\n", benchFiles(), keepEnv)
			return
		}
		fmt.Printf("# %d files loaded in batches of %d at %.0f records/s (the indexes built at the end included; generation and VACUUM ANALYZE not)\n",
			benchFiles(), batch, pgTable.loadRate)
	})
	return pgTable.store, pgTable.mem
}

// keepEnv names a database that keeps the benchmark table between runs, so
// that a table of 10,000,000 files is loaded once for several runs: a run
// that finds RECQ_BENCH_FILES files in it uses them as they are (the table
// is generated deterministically), any other empties it and loads it, and
// none drops it. Without it, each run loads a scratch database and drops it.
const keepEnv = "RECQ_BENCH_DB"

// benchStore opens the store the benchmark table lives in: the database of
// keepEnv, reused when it holds total files already, or a scratch database
// beside server, dropped when the process ends (TestMain).
func benchStore(ctx context.Context, server string, total int) (s *postgres.Store, reuse bool, err error) {
	url := os.Getenv(keepEnv)
	if url == "" {
		var drop func(context.Context) error
		url, drop, err = postgres.Scratch(ctx, server)
		if err != nil {
			return nil, false, err
		}
		pgTable.drop = drop
	}
	s, err = postgres.Open(ctx, url)
	if err != nil {
		return nil, false, err
	}
	if pgTable.drop != nil {
		return s, false, nil
	}
	if err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, false, err
	}
	files, _, err := s.Count(ctx)
	if err != nil {
		s.Close()
		return nil, false, err
	}
	if files == total {
		return s, true, nil
	}
	if err := s.Clear(ctx); err != nil {
		s.Close()
		return nil, false, err
	}
	return s, false, nil
}

// pgQueries are the document's kinds of query over the benchmark table.
var pgQueries = []struct{ name, target string }{
	{"day+agent", "/files?d=2007-06-15&tz=America/Denver&agentID=agent7"},
	{"meta-substring", "/files?metaData_fieldValue=Cherry12"},
	{"day+meta-substring", "/files?d=2007-06-15&tz=America/Denver&metaData_fieldValue=Cherry12"},
	{"deep-offset", "/files?n=10001"},
	{"start-date", "/files?start-date=2007-06-15T12:00:00Z"},
}

// BenchmarkPostgresPage measures one page of each query: p50 and p99 of the
// PostgreSQL store over loopback, beside the in-memory store.
func BenchmarkPostgresPage(b *testing.B) {
	s, mem := table(b)
	now := time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range pgQueries {
		q, err := filter.Parse("GET", c.target)
		if err != nil {
			b.Fatal(err)
		}
		res, err := q.Resolve(now, time.UTC)
		if err != nil {
			b.Fatal(err)
		}
		benchPages(b, c.name, s, mem, q, res, now)
	}
}

// benchPages runs one page of q as two sub-benchmarks, name/postgres over
// the PostgreSQL store and name/memory over the in-memory one (when there
// is one), each reporting the p50 and p99 of its latencies.
func benchPages(b *testing.B, name string, s *postgres.Store, mem *record.Store, q *filter.Query, res filter.Resolved, now time.Time) {
	b.Run(name+"/postgres", func(b *testing.B) {
		lat := make([]time.Duration, 0, b.N)
		for b.Loop() {
			t0 := time.Now()
			page, err := s.Files(context.Background(), q, res)
			if err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
			sinkFiles = page
		}
		reportPercentiles(b, lat)
	})
	if mem == nil {
		return
	}
	p, err := filter.Compile(q, now, time.UTC)
	if err != nil {
		b.Fatal(err)
	}
	b.Run(name+"/memory", func(b *testing.B) {
		lat := make([]time.Duration, 0, b.N)
		for b.Loop() {
			t0 := time.Now()
			sinkFiles = p.Files(mem)
			lat = append(lat, time.Since(t0))
		}
		reportPercentiles(b, lat)
	})
}

var sinkFiles []record.File

func reportPercentiles(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1e6, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e6, "p99-ms")
}

// BenchmarkPostgresLoad measures Load, the COPY behind recq load: each op
// loads one batch of 100,000 generated files in one transaction into a
// table that grows with every op.
func BenchmarkPostgresLoad(b *testing.B) { benchLoad(b, false) }

// BenchmarkPostgresLoadEmpty measures Load into empty tables, where it
// drops the indexes that enforce nothing and builds them once at the end
// (docs/POSTGRES.md): each op empties the store, then loads one batch of
// 100,000 generated files in one transaction.
func BenchmarkPostgresLoadEmpty(b *testing.B) { benchLoad(b, true) }

// benchLoad times Load of one batch an op, emptying the store first when
// empty is set (untimed), and reports records per second of loading.
func benchLoad(b *testing.B, empty bool) {
	ctx := context.Background()
	s := scratchStore(b)
	i := 0
	var loading time.Duration
	for b.Loop() {
		b.StopTimer()
		if empty {
			if err := s.Clear(ctx); err != nil {
				b.Fatal(err)
			}
		}
		fs := pgFiles(i*batch, batch, 100*batch)
		i++
		b.StartTimer()
		t0 := time.Now()
		if err := s.Load(ctx, fs, nil, nil); err != nil {
			b.Fatal(err)
		}
		loading += time.Since(t0)
	}
	b.ReportMetric(float64(i*batch)/loading.Seconds(), "records/s")
}

// scratchStore opens a store on a scratch database of its own, closed and
// dropped when the benchmark ends.
func scratchStore(b *testing.B) *postgres.Store {
	ctx := context.Background()
	url, drop, err := postgres.Scratch(ctx, pgtest.Server(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { drop(ctx) })
	s, err := postgres.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(s.Close)
	return s
}

// BenchmarkPostgresLoadCSV measures the path of `recq load` on one CSV file
// of 100,000 generated files into empty tables: each op empties the store
// (untimed), then streams the file's text, held in memory, through
// encode.StreamRecords into postgres.LoadStream, reading and copying at
// once (docs/POSTGRES.md, "Loading").
func BenchmarkPostgresLoadCSV(b *testing.B) {
	ctx := context.Background()
	s := scratchStore(b)
	var text bytes.Buffer
	if err := encode.WriteFiles(&text, filter.CSV, pgFiles(0, batch, batch), time.UTC); err != nil {
		b.Fatal(err)
	}
	n := 0
	var loading time.Duration
	for b.Loop() {
		b.StopTimer()
		if err := s.Clear(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0 := time.Now()
		files, _, err := s.LoadStream(ctx, batch, func(file func(*record.File) error, transcript func(*record.Transcript) error) error {
			return encode.StreamRecords(bytes.NewReader(text.Bytes()), filter.CSV, file, transcript)
		}, nil)
		if err != nil {
			b.Fatal(err)
		}
		loading += time.Since(t0)
		n += files
	}
	b.ReportMetric(float64(n)/loading.Seconds(), "records/s")
}
