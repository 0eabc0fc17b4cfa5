package bench

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

const request = "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill&channel=8005557780&metaData_fieldName=Color&n=101"

var sinkString string
var sinkValues url.Values

// BenchmarkQuery: recq parses, validates and canonicalizes the request;
// url.ParseQuery only splits and decodes its query string.
func BenchmarkQuery(b *testing.B) {
	b.Run("recq", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 256)
		for b.Loop() {
			q, err := filter.Parse("GET", request)
			if err != nil {
				b.Fatal(err)
			}
			buf = encode.AppendCanonical(buf[:0], q)
		}
		sinkString = string(buf)
	})
	// recq-reuse is the hot path of a server: one Query per worker, reused.
	b.Run("recq-reuse", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 256)
		var q filter.Query
		for b.Loop() {
			if err := filter.ParseInto(&q, "GET", request); err != nil {
				b.Fatal(err)
			}
			buf = encode.AppendCanonical(buf[:0], &q)
		}
		sinkString = string(buf)
	})
	_, query, _ := strings.Cut(request, "?")
	b.Run("url.ParseQuery", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			v, err := url.ParseQuery(query)
			if err != nil {
				b.Fatal(err)
			}
			sinkValues = v
		}
	})
}

// queryShapes are the request shapes that BenchmarkQueryShapes measures:
// short and long, a path alone, a whole URL, dates with %20, and values
// that need decoding.
var queryShapes = []struct{ name, target string }{
	{"short", "/files?agentID=bill"},
	{"path", "/transcripts.json"},
	{"two-fields", "/files?agentID=bill&channel=8005557780"},
	{"date", "/files?d=2007-08-05%2013:15Z,2007-08-07%2014:30Z"},
	{"relative", "/files.csv?d=today-1d,today&tz=America/Denver"},
	{"encoded", "/files?metaData_fieldName=alphabets%20in&metaData_fieldValue=caf%C3%A9+au+lait"},
	{"url", "https://vcc-na1.8x8.com/api/recordings/files?agentID=bill&channel=8005557780&phoneNumber=4155551234&finish-date=2007-12-19%2019:16:58Z"},
	{"long", request},
}

// BenchmarkQueryShapes compares, for each shape, recq's whole work on a
// request (filter.Parse, which checks every variable and date, and
// encode.AppendCanonical) with the standard library's least: splitting the
// request with url.ParseRequestURI and its query with url.ParseQuery.
func BenchmarkQueryShapes(b *testing.B) {
	for _, s := range queryShapes {
		b.Run(s.name+"/recq", func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 256)
			for b.Loop() {
				q, err := filter.Parse("GET", s.target)
				if err != nil {
					b.Fatal(err)
				}
				buf = encode.AppendCanonical(buf[:0], q)
			}
			sinkString = string(buf)
		})
		b.Run(s.name+"/net-url", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				u, err := url.ParseRequestURI(s.target)
				if err != nil {
					b.Fatal(err)
				}
				v, err := url.ParseQuery(u.RawQuery)
				if err != nil {
					b.Fatal(err)
				}
				sinkValues = v
			}
		})
	}
}

// BenchmarkQueryRatio measures the same pairs as BenchmarkQueryShapes side by
// side: each loop iteration times a block of recq's work and then a block of
// the standard library's, and "ratio" is the median over iterations of
// recq's time over the standard library's. On a shared, busy machine both
// blocks of an iteration see about the same load, so the median ratio holds
// where absolute times do not. Run it with -benchtime 2000x or more.
func BenchmarkQueryRatio(b *testing.B) {
	const block = 32
	for _, s := range queryShapes {
		b.Run(s.name, func(b *testing.B) {
			buf := make([]byte, 0, 256)
			var ratios []float64
			var recq, std time.Duration
			recqBlock := func() time.Duration {
				t0 := time.Now()
				for range block {
					q, err := filter.Parse("GET", s.target)
					if err != nil {
						b.Fatal(err)
					}
					buf = encode.AppendCanonical(buf[:0], q)
				}
				return time.Since(t0)
			}
			stdBlock := func() time.Duration {
				t0 := time.Now()
				for range block {
					u, err := url.ParseRequestURI(s.target)
					if err != nil {
						b.Fatal(err)
					}
					v, err := url.ParseQuery(u.RawQuery)
					if err != nil {
						b.Fatal(err)
					}
					sinkValues = v
				}
				return time.Since(t0)
			}
			for i := 0; b.Loop(); i++ {
				var r, n time.Duration
				if i%2 == 0 { // alternate which side goes first
					r, n = recqBlock(), stdBlock()
				} else {
					n, r = stdBlock(), recqBlock()
				}
				recq += r
				std += n
				ratios = append(ratios, float64(r)/float64(n))
			}
			sinkString = string(buf)
			slices.Sort(ratios)
			b.ReportMetric(ratios[len(ratios)/2], "ratio")
			b.ReportMetric(float64(recq.Nanoseconds())/float64(len(ratios)*block), "recq-ns/op")
			b.ReportMetric(float64(std.Nanoseconds())/float64(len(ratios)*block), "net-url-ns/op")
		})
	}
}
