package postgres

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
)

// TestTextDependsOnlyOnShape is the law behind "no value in SQL text": for
// any request the API accepts, the statement's text is the same when every
// value is replaced by another of the same kind (a field's text, a
// duration the API writes or one it does not, a text shorter than an
// index's key or one as long, a substring); only the
// arguments change, and each placeholder has its argument.
func TestTextDependsOnlyOnShape(t *testing.T) {
	now := time.Date(2010, 6, 15, 12, 0, 0, 0, time.UTC)
	rapid.Check(t, func(t *rapid.T) {
		req := fuzz.ValidRequest().Draw(t, "request")
		q, err := filter.Parse("GET", req.Target)
		if err != nil {
			t.Skip("refused")
		}
		res, err := q.Resolve(now, time.UTC)
		if err != nil {
			t.Skip("reversed once resolved")
		}
		k := files
		if q.Resource == filter.Transcripts {
			k = transcripts
		}
		st := k.page(q, res, false)
		other := *q
		other.Fields = nil
		for _, f := range q.Fields {
			v := "another value"
			if keyed(f.Value) { // a text as long as a key is checked whole too (compile.go)
				v = strings.Repeat("v", keyRunes+1)
			}
			if f.Name == "duration" {
				v = "12345"
				if durationText(f.Value) < 0 {
					v = "0123"
				}
			}
			other.Fields = append(other.Fields, filter.Field{Name: f.Name, Value: v})
		}
		other.MetaName, other.MetaValue, other.N = "some name", "some value", 999
		if got, want := k.page(&other, res, false).sql.String(), st.sql.String(); got != want {
			t.Fatalf("%s: the text changed with the values:\n%s\n%s", req.Target, want, got)
		}
		if n := strings.Count(st.sql.String(), "$"); n != len(st.args) {
			t.Fatalf("%s: %d placeholders, %d arguments", req.Target, n, len(st.args))
		}
		if !strings.Contains(st.sql.String(), "$"+strconv.Itoa(len(st.args))) {
			t.Fatalf("%s: the last argument has no placeholder", req.Target)
		}
	})
}
