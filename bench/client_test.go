package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/recq/recq/client"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// The client walk: walkRecords files in the store of a server.New on
// loopback (plain HTTP, so that TLS's cost, the same for both, does not
// hide the client's), every one listed by one query over 60 days.
const walkQuery = "d=2026-09-26T00:00Z,2026-11-25T12:00Z&tz=UTC"

// walkRecords is 100,000, or 10,000 in CI (CI=true), where the benchmark
// is run once to show it works, not to measure.
var walkRecords = func() int {
	if os.Getenv("CI") == "true" {
		return 10_000
	}
	return 100_000
}()

func walkFiles() []record.File {
	rng := rand.New(rand.NewPCG(3, 4))
	files := make([]record.File, walkRecords)
	start := time.Date(2026, 9, 26, 0, 0, 0, 0, time.UTC)
	for i := range files {
		t := start.Add(time.Duration(rng.Int64N(int64(60 * 24 * time.Hour))))
		files[i] = record.File{
			StartDate: t, AgentID: "bill", PhoneNumber: "4155551067", Channel: "8005551234",
			Duration: rng.IntN(900), QueueID: "acme~~queue~~phone~~102", QueueName: "phoneq1",
			Filename:         fmt.Sprintf("S%s/R%d.wav", t.Format("20060102"), 10_000_000+i),
			TransactionCodes: []record.TransactionCode{{ListName: "Sales", Name: "Sold"}},
			MetaData:         []record.MetaData{{FieldName: "Color", FieldValue: "Blue"}},
		}
	}
	return files
}

// plainWalk is the loop a tool writes by hand: n=1, 51, 101, … with
// net/http, each page read with the same reader the client uses, no
// retry, no check. It returns the records it read.
func plainWalk(ctx context.Context, hc *http.Client, base string, f filter.Format) (int, error) {
	suffix := map[filter.Format]string{filter.XML: "", filter.JSON: ".json", filter.CSV: ".csv"}[f]
	total := 0
	for n := 1; ; n += 50 {
		req, _ := http.NewRequestWithContext(ctx, "GET", base+"/files"+suffix+"?"+walkQuery+"&n="+strconv.Itoa(n), nil)
		req.SetBasicAuth(loadTenant, loadToken)
		resp, err := hc.Do(req)
		if err != nil {
			return total, err
		}
		files, err := encode.ReadFiles(resp.Body, f)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			return total, err
		}
		total += len(files)
		if len(files) < 50 {
			return total, nil
		}
	}
}

// staticPages serves /files pages of files by n alone, cut from records
// encoded once, so that answering costs next to nothing and what is
// measured is the client's side: a plain loop and the client's offset
// walk asking the very same pages (d= is ignored; the records are those
// the query selects).
type staticPages struct {
	format     filter.Format
	head, tail []byte
	items      [][]byte
}

func newStaticPages(files []record.File, f filter.Format) *staticPages {
	s := &staticPages{format: f}
	var one bytes.Buffer
	for i := range files {
		one.Reset()
		encode.WriteFiles(&one, f, files[i:i+1], time.UTC)
		b := one.Bytes()
		switch f {
		case filter.CSV:
			j := bytes.Index(b, []byte("\r\n")) + 2
			s.head, s.items = b[:j:j], append(s.items, bytes.Clone(b[j:]))
		default:
			j := bytes.Index(b, []byte("<recordings>\n")) + len("<recordings>\n")
			k := bytes.LastIndex(b, []byte("</recordings>"))
			s.head, s.tail = bytes.Clone(b[:j]), bytes.Clone(b[k:])
			s.items = append(s.items, bytes.Clone(b[j:k]))
		}
	}
	return s
}

func (s *staticPages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		n = 1
	}
	lo, hi := min(n-1, len(s.items)), min(n-1+50, len(s.items))
	size := len(s.head) + len(s.tail)
	for _, it := range s.items[lo:hi] {
		size += len(it)
	}
	w.Header().Set("Content-Length", strconv.Itoa(size))
	w.Write(s.head)
	for _, it := range s.items[lo:hi] {
		w.Write(it)
	}
	w.Write(s.tail)
}

// cpuTime is the CPU time this process has used (user and system): the
// client, the server and the runtime, which share it. Unlike the wall
// clock, it does not count the waits for a core of a busy machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// clientWalk walks every file with c and returns how many there were.
func clientWalk(ctx context.Context, c *client.Client) (int, error) {
	n := 0
	for _, err := range c.Files(ctx, walkQuery) {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// BenchmarkClientWalk walks the 100,000 files by the plain loop and by the
// client, one after the other in each iteration so that both see the same
// machine: against server.New ("server": the key walk, whose pages the
// store finds by its index, and the offset walk, whose pages the server
// finds by skipping n-1 matches as it does for the plain loop) and against
// staticPages ("static": the offset walk only; answering costs nothing, so
// the client's own cost shows). Reported: records/s of each by the wall
// clock and by CPU time, and client/plain, the ratio of their CPU times
// (1.10 would be the client 10 % slower).
func BenchmarkClientWalk(b *testing.B) {
	files := walkFiles()
	slices.SortFunc(files, record.CompareFiles)
	api := server.New(server.Config{
		Store:  record.NewStore(files, nil),
		Tenant: loadTenant, Token: loadToken,
		Clock: func() time.Time { return loadNow }, MaxInFlight: -1,
	})
	ctx := context.Background()
	for _, f := range []filter.Format{filter.XML, filter.CSV} {
		static := newStaticPages(files, f)
		for _, target := range []struct {
			name string
			h    http.Handler
			walk client.Walk
		}{{"server", api, client.WalkKey}, {"server", api, client.WalkOffset}, {"static", static, client.WalkOffset}} {
			b.Run(target.name+"/"+f.String()+"/"+target.walk.String(), func(b *testing.B) {
				ts := httptest.NewServer(target.h)
				defer ts.Close()
				hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
				c, err := client.New(ts.URL+"/api/recordings", loadTenant, loadToken, client.WithWalk(target.walk), client.WithWireFormat(f))
				if err != nil {
					b.Fatal(err)
				}
				var plainWall, plainCPU, clientWall, clientCPU time.Duration
				for b.Loop() {
					w0, c0 := time.Now(), cpuTime()
					n, err := plainWalk(ctx, hc, ts.URL+"/api/recordings", f)
					w1, c1 := time.Now(), cpuTime()
					if err != nil || n != walkRecords {
						b.Fatalf("plain: %d records, %v", n, err)
					}
					n, err = clientWalk(ctx, c)
					w2, c2 := time.Now(), cpuTime()
					if err != nil || n != walkRecords {
						b.Fatalf("client: %d records, %v", n, err)
					}
					plainWall += w1.Sub(w0)
					plainCPU += c1 - c0
					clientWall += w2.Sub(w1)
					clientCPU += c2 - c1
				}
				records := float64(walkRecords * b.N)
				b.ReportMetric(records/plainWall.Seconds(), "plain-rec/s")
				b.ReportMetric(records/clientWall.Seconds(), "client-rec/s")
				b.ReportMetric(records/plainCPU.Seconds(), "plain-rec/cpu-s")
				b.ReportMetric(records/clientCPU.Seconds(), "client-rec/cpu-s")
				b.ReportMetric(clientCPU.Seconds()/plainCPU.Seconds(), "client/plain")
			})
		}
	}
}
