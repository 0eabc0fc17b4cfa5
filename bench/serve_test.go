package bench

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
	"github.com/recq/recq/timezone"
)

// The serve load: loadRequests requests from loadWorkers clients at once,
// over loopback, against recq's handler on the sample data: GETs of both
// lists in the three formats with various queries and of single
// transcripts, some refused (400, 404), and DELETEs of files (each of
// loadDeletes files twice, so exactly one of each pair must find it) and
// of transcripts.
const (
	loadRequests = 20_000
	loadWorkers  = 32
	loadDeletes  = 1_500
	loadTenant   = "acme"
	loadToken    = "bench-token"
)

var loadNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

type loadRequest struct {
	method, path string
	file         string // the file a DELETE names
	want         []int  // the acceptable statuses (503 always is)
}

type loadResult struct {
	requests, retries int
	elapsed           time.Duration
	p50, p99, max     time.Duration
	statuses          map[int]int
	deletes           map[string][]int // file → statuses of its DELETEs
	files             []record.File    // the files before the run
	deleted           map[string]bool  // files deleted (a 204)
	hostile           string           // what the hostile mix did
}

// newLoad returns the address of the handler, served over loopback by the
// http.Server of recq serve (plain HTTP/1.1 and h2c), the handler and the
// schedule.
func newLoad(tb testing.TB, maxInFlight int) (string, *server.Server, []loadRequest, []record.File) {
	tb.Helper()
	zone, err := timezone.Load(server.SampleZone)
	if err != nil {
		tb.Fatal(err)
	}
	files, transcripts := server.Sample(server.SampleSeed, loadNow, zone)
	api := server.New(server.Config{
		Store:  record.NewStore(files, transcripts),
		Tenant: loadTenant, Token: loadToken, Zone: zone,
		Clock: func() time.Time { return loadNow }, MaxInFlight: maxInFlight,
	})
	addr := serveH2C(tb, api)

	rng := rand.New(rand.NewPCG(1, 2))
	var sched []loadRequest
	for _, i := range rng.Perm(len(files))[:loadDeletes] {
		name := files[i].Filename
		for _, prefix := range []string{"/api/recordings/files/", "/files/"} {
			sched = append(sched, loadRequest{"DELETE", prefix + name, name, []int{204, 404}})
		}
	}
	ok := []int{200}
	gets := []func() loadRequest{
		func() loadRequest {
			return loadRequest{"GET", fmt.Sprintf("/api/recordings/files?n=%d", 1+rng.IntN(len(files))), "", ok}
		},
		func() loadRequest { return loadRequest{"GET", "/files.json?d=today-7d,today", "", ok} },
		func() loadRequest {
			return loadRequest{"GET", "/files.csv?agentID=bill&n=" + fmt.Sprint(1+rng.IntN(400)), "", ok}
		},
		func() loadRequest {
			return loadRequest{"GET", "/files.xml?d=today-30d,today-20d&tz=America/New_York&channel=%23virtual_outbound%23", "", ok}
		},
		func() loadRequest { return loadRequest{"GET", "/files.json?metaData_fieldName=alphabets%20in", "", ok} },
		func() loadRequest {
			return loadRequest{"GET", fmt.Sprintf("/transcripts.json?n=%d", 1+rng.IntN(len(transcripts))), "", ok}
		},
		func() loadRequest {
			return loadRequest{"GET", "/transcripts.csv?metaData_fieldName=Color&d=today-14d,today", "", ok}
		},
		func() loadRequest {
			return loadRequest{"GET", "/transcripts/" + transcripts[rng.IntN(len(transcripts))].InteractionGUID + ".json", "", ok}
		},
		func() loadRequest {
			return loadRequest{"GET", "/api/recordings/transcripts/" + transcripts[rng.IntN(len(transcripts))].InteractionGUID, "", ok}
		},
		func() loadRequest {
			return loadRequest{"DELETE", "/transcripts/" + transcripts[rng.IntN(len(transcripts))].InteractionGUID, "", []int{204}}
		},
		func() loadRequest { return loadRequest{"GET", "/files.csv?d=2007-02-30", "", []int{400}} },
		func() loadRequest { return loadRequest{"GET", "/recordings.json", "", []int{404}} },
	}
	for len(sched) < loadRequests {
		sched = append(sched, gets[rng.IntN(len(gets))]())
	}
	rng.Shuffle(len(sched), func(i, j int) { sched[i], sched[j] = sched[j], sched[i] })
	return addr, api, sched, files
}

// runLoad sends the schedule from loadWorkers clients, each on its own
// connections, to a handler that serves maxInFlight requests at once (0:
// the default), and checks every status; a 503 is retried after a short
// pause. The hostile mix of hostile_mix_test.go runs beside them, with or
// without its worst-case queries, or not at all.
func runLoad(tb testing.TB, maxInFlight int, mix hostility) loadResult {
	addr, api, sched, files := newLoad(tb, maxInFlight)
	base := "http://" + addr
	client := plainClient()
	defer client.CloseIdleConnections()
	var h *hostileMix
	if mix != quiet {
		h = startHostile(tb, addr, mix == hostileWorst)
	}

	res := loadResult{files: files, statuses: map[int]int{}, deletes: map[string][]int{}, deleted: map[string]bool{}}
	latencies := make([]time.Duration, len(sched))
	var next, retries atomic.Int64
	var mu sync.Mutex
	var failed atomic.Bool
	start := time.Now()
	var wg sync.WaitGroup
	for range loadWorkers {
		wg.Go(func() {
			client := plainClient()
			defer client.CloseIdleConnections()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sched) || failed.Load() {
					return
				}
				r := sched[i]
				var status int
				t0 := time.Now() // the latency a client sees, retries included
				for attempt := 0; ; attempt++ {
					req, err := http.NewRequest(r.method, base+r.path, nil)
					if err != nil {
						tb.Error(err)
						failed.Store(true)
						return
					}
					req.SetBasicAuth(loadTenant, loadToken)
					resp, err := client.Do(req)
					if err != nil {
						tb.Errorf("%s %s: %v", r.method, r.path, err)
						failed.Store(true)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					latencies[i] = time.Since(t0)
					status = resp.StatusCode
					mu.Lock()
					res.statuses[status]++
					mu.Unlock()
					if status != http.StatusServiceUnavailable || attempt == 100 {
						break
					}
					retries.Add(1)
					time.Sleep(time.Millisecond)
				}
				if !slices.Contains(r.want, status) {
					tb.Errorf("%s %s: status %d, want %v", r.method, r.path, status, r.want)
				}
				if r.file != "" {
					mu.Lock()
					res.deletes[r.file] = append(res.deletes[r.file], status)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	if h != nil {
		res.hostile = h.stop(tb)
	}
	res.requests = len(sched) + int(retries.Load())
	res.retries = int(retries.Load())
	slices.Sort(latencies)
	res.p50 = latencies[len(latencies)/2]
	res.p99 = latencies[len(latencies)*99/100]
	res.max = latencies[len(latencies)-1]

	for code, n := range res.statuses {
		if code >= 500 && code != http.StatusServiceUnavailable {
			tb.Errorf("%d responses with status %d", n, code)
		}
	}
	// Each file DELETEd twice: exactly one 204 and one 404.
	for name, got := range res.deletes {
		slices.Sort(got)
		if !slices.Equal(got, []int{204, 404}) {
			tb.Errorf("DELETEs of %s: %v, want one 204 and one 404", name, got)
		}
		if slices.Contains(got, 204) {
			res.deleted[name] = true
		}
	}
	if len(res.deleted) != loadDeletes {
		tb.Errorf("%d files deleted, want %d", len(res.deleted), loadDeletes)
	}
	// No lost and no duplicated records: the listing, page by page, is
	// every file not deleted, each once.
	listed := map[string]int{}
	for n := 1; ; n += 50 {
		names := listFiles(tb, client, base, n)
		for _, name := range names {
			listed[name]++
		}
		if len(names) < 50 {
			break
		}
	}
	for _, f := range files {
		switch got := listed[f.Filename]; {
		case res.deleted[f.Filename] && got != 0:
			tb.Errorf("%s was deleted but is listed %d times", f.Filename, got)
		case !res.deleted[f.Filename] && got != 1:
			tb.Errorf("%s is listed %d times, want once", f.Filename, got)
		}
	}
	if left, _ := api.Store().Len(); left != len(files)-loadDeletes || len(listed) != left {
		tb.Errorf("%d files left, %d listed, want %d", left, len(listed), len(files)-loadDeletes)
	}
	return res
}

// plainClient is one client of its own HTTP/1.1 connections.
func plainClient() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
}

func listFiles(tb testing.TB, client *http.Client, base string, n int) []string {
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/files.csv?n=%d", base, n), nil)
	req.SetBasicAuth(loadTenant, loadToken)
	resp, err := client.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		tb.Fatalf("GET /files.csv?n=%d: %d", n, resp.StatusCode)
	}
	rows, err := csv.NewReader(resp.Body).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	col := slices.Index(rows[0], "filename")
	var names []string
	for _, row := range rows[1:] {
		names = append(names, row[col])
	}
	return names
}

func (r loadResult) String() string {
	var codes []string
	for _, code := range slices.Sorted(func(yield func(int) bool) {
		for c := range r.statuses {
			if !yield(c) {
				return
			}
		}
	}) {
		codes = append(codes, fmt.Sprintf("%d×%d", code, r.statuses[code]))
	}
	s := fmt.Sprintf("%d requests (%d retries after 503) from %d clients in %v: %.0f requests/s, latency p50 %v, p99 %v, max %v; statuses %s; %d of %d files deleted",
		r.requests, r.retries, loadWorkers, r.elapsed.Round(time.Millisecond), float64(r.requests)/r.elapsed.Seconds(),
		r.p50.Round(time.Microsecond), r.p99.Round(time.Microsecond), r.max.Round(time.Microsecond),
		strings.Join(codes, " "), len(r.deleted), len(r.files))
	if r.hostile != "" {
		s += "; beside them " + r.hostile
	}
	return s
}

// TestServeLoad runs the load once with the default bound on requests in
// flight and once with a bound of 4, far below the 32 clients, so that many
// requests are refused with 503 and retried; it logs the figures (go test
// -run ServeLoad -v). It is skipped with -short.
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the serve load takes a few seconds")
	}
	t.Run("default", func(t *testing.T) { t.Log(runLoad(t, 0, quiet)) })
	t.Run("overloaded", func(t *testing.T) {
		res := runLoad(t, 4, quiet)
		t.Log(res)
		if res.statuses[503] == 0 {
			t.Error("no 503 with 32 clients and a bound of 4")
		}
	})
	// The hostile mix beside the same clients: their statuses are checked
	// as in the default run; compare the latencies logged with it.
	t.Run("hostile", func(t *testing.T) { t.Log(runLoad(t, 0, hostile)) })
	t.Run("hostile+worst", func(t *testing.T) { t.Log(runLoad(t, 0, hostileWorst)) })
}

// BenchmarkServeLoad runs the whole load per iteration and reports
// requests/s and the p99 latency of one request.
func BenchmarkServeLoad(b *testing.B) {
	var last loadResult
	for b.Loop() {
		last = runLoad(b, 0, quiet)
	}
	b.ReportMetric(float64(last.requests)/last.elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(last.p99.Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(last.p50.Microseconds())/1000, "p50-ms")
	b.Logf("%v", last)
}
