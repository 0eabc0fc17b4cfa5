package bench

import (
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// sinkErr (worst_test.go) keeps the compiler from dropping Validate.

// BenchmarkValidate: what encode.AppendCanonical now spends checking its
// Query (filter.Query.Validate) before it writes, beside the writing itself.
func BenchmarkValidate(b *testing.B) {
	q, err := filter.Parse("GET", request)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkErr = q.Validate()
		}
	})
	b.Run("AppendCanonical", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 256)
		for b.Loop() {
			buf = encode.AppendCanonical(buf[:0], q)
		}
		sinkString = string(buf)
	})
}
