package bench

import (
	"net/url"
	"strings"
	"testing"

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
