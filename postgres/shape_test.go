package postgres

import (
	"regexp"
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

// TestFilterTextHoldsNoLiteral is "no value in SQL text" for filters: for
// any valid request with a filter, the statement holds no string literal
// (no quote) and no number but its placeholders, the page's LIMIT and the
// metadata subquery's OFFSET 0 and
// EXISTS (SELECT 1; each placeholder has its argument.
func TestFilterTextHoldsNoLiteral(t *testing.T) {
	now := time.Date(2010, 6, 15, 12, 0, 0, 0, time.UTC)
	placeholder := regexp.MustCompile(`\$[0-9]+`)
	literal := regexp.MustCompile(`['"]|(^|[^a-z_0-9])[0-9]`) // a quote, or a number that ends no name (ext_var1)
	rapid.Check(t, func(t *rapid.T) {
		req := fuzz.ValidFilterRequest().Draw(t, "request")
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
		if st.err != nil {
			t.Fatalf("%s: %v", req.Target, st.err)
		}
		sql := st.sql.String()
		if n := len(placeholder.FindAllString(sql, -1)); n != len(st.args) {
			t.Fatalf("%s: %d placeholders, %d arguments", req.Target, n, len(st.args))
		}
		rest := placeholder.ReplaceAllString(sql, "")
		rest = strings.ReplaceAll(rest, " LIMIT "+strconv.Itoa(filter.DefaultPageSize)+" ", "")
		rest = strings.ReplaceAll(rest, " OFFSET 0)", "")
		rest = strings.ReplaceAll(rest, "EXISTS (SELECT 1 FROM", "")
		// the key length of schema.sql, a constant of the statement's shape (lengthClass)
		rest = strings.ReplaceAll(rest, " "+strconv.Itoa(keyRunes), "")
		if loc := literal.FindStringIndex(rest); loc != nil {
			i := loc[0]
			t.Fatalf("%s: a literal in the SQL text at %q:\n%s", req.Target, rest[max(0, i-20):], sql)
		}
	})
}
