package bench

import (
	"context"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/recq/recq/client"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// planResidual is a filter that moves nothing to the API (!= and an
// ordered duration stay residual) and that every file of walkFiles
// matches: the planned walk asks the very pages of walkQuery and keeps
// every record, so that what it costs beyond the plain walk is the plan
// and the residual's predicate on each record.
const planResidual = "&filter=duration=ge=0%3BqueueName!=sales%3B(agentID==bill,channel==*99*)"

// BenchmarkClientPlanResidual walks the walkRecords files of staticPages
// (answering costs next to nothing, so the client's own cost shows) with
// the client's offset walk, plainly and planned with a residual, one after
// the other in each iteration. Reported: records per CPU-second of each,
// and planned/plain, the ratio of their CPU times (docs/CLIENT.md, "Plans":
// the residual must cost next to nothing beside decoding; the aim is 1.2
// at most).
func BenchmarkClientPlanResidual(b *testing.B) {
	files := walkFiles()
	slices.SortFunc(files, record.CompareFiles)
	ctx := context.Background()
	for _, f := range []filter.Format{filter.XML, filter.CSV} {
		b.Run(f.String(), func(b *testing.B) {
			ts := httptest.NewServer(newStaticPages(files, f))
			defer ts.Close()
			c, err := client.New(ts.URL+"/api/recordings", loadTenant, loadToken, client.WithWalk(client.WalkOffset), client.WithWireFormat(f))
			if err != nil {
				b.Fatal(err)
			}
			plan, err := c.ExplainFilter(filter.Files, walkQuery+planResidual)
			if err != nil || len(plan.Requests) != 1 || plan.ResidualText() == "" {
				b.Fatalf("the plan is not one request with a residual: %v %v", plan, err)
			}
			walk := func(query string) int {
				n := 0
				for _, err := range c.Files(ctx, query) {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				return n
			}
			var plainCPU, planCPU time.Duration
			for b.Loop() {
				c0 := cpuTime()
				if n := walk(walkQuery); n != walkRecords {
					b.Fatalf("plain: %d records", n)
				}
				c1 := cpuTime()
				if n := walk(walkQuery + planResidual); n != walkRecords {
					b.Fatalf("planned: %d records", n)
				}
				c2 := cpuTime()
				plainCPU += c1 - c0
				planCPU += c2 - c1
			}
			records := float64(walkRecords * b.N)
			b.ReportMetric(records/plainCPU.Seconds(), "plain-rec/cpu-s")
			b.ReportMetric(records/planCPU.Seconds(), "planned-rec/cpu-s")
			b.ReportMetric(planCPU.Seconds()/plainCPU.Seconds(), "planned/plain")
		})
	}
}
