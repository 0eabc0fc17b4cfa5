package postgres

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/filter"
)

// TestCompileKeepsValuesOut checks that no value of a query reaches the
// SQL text: each is an argument, whatever it holds.
func TestCompileKeepsValuesOut(t *testing.T) {
	target := "/files?agentID=%27%20OR%201%3D1--&queueID=zzq&metaData_fieldName=zq%25me&metaData_fieldValue=va_lue&n=7"
	q, err := filter.Parse("GET", target)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := q.Resolve(time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), time.UTC)
	st := files.page(q, res, false)
	sql := st.sql.String()
	for _, v := range []string{"OR 1", "zzq", "zq", "va_lue", "7"} {
		if strings.Contains(sql, v) {
			t.Errorf("the SQL holds %q: %s", v, sql)
		}
	}
	want := []any{"' OR 1=1--", "zzq", `%zq\%me%`, `%va\_lue%`, int64(6)}
	if !slices.Equal(st.args, want) {
		t.Errorf("args %q, want %q", st.args, want)
	}
}

func TestLikeSubstring(t *testing.T) {
	for in, want := range map[string]string{"": "%%", "a": "%a%", `\`: `%\\%`, "%_": `%\%\_%`, "é'": "%é'%"} {
		if got := likeSubstring(in); got != want {
			t.Errorf("likeSubstring(%q) = %q, want %q", in, got, want)
		}
	}
}
