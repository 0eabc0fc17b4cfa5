package querybuilder

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// sqlRecords are files whose text and integer fields take values from small
// pools, so that the groups' rules often match: case (bill, Bill), a
// literal star (b*l), a quote (it's), a space (a b).
func sqlRecords() []record.File {
	rng := rand.New(rand.NewPCG(20, 12))
	pick := func(pool ...string) string { return pool[rng.IntN(len(pool))] }
	texts := []string{"bill", "Bill", "ann", "jo", "b*l", "bxl", "it's", "a b", "phone", "QUEUE_OUTBOUND", "ball"}
	files := make([]record.File, 60)
	for i := range files {
		files[i] = record.File{
			StartDate:   time.Date(2007, 8, 5, 13, i, 0, 0, time.UTC),
			AgentID:     pick(texts...),
			QueueName:   pick(texts...),
			PhoneNumber: pick(texts...),
			Channel:     pick("8005557780", "#virtual_outbound#"),
			Duration:    rng.IntN(13) * 10,
			Filename:    "S20070805/R" + strconv.Itoa(i) + ".wav",
		}
	}
	return files
}

// TestReactQueryBuilderSQL holds recq's meaning of each operator to
// react-querybuilder's own: for groups over text and integer fields (every
// operator of each kind, and, or, not on groups, nesting), the SQL that its
// formatQuery writes, run by SQLite on a table of the records, selects the
// records that recq answers for the same group. Rule-level not is left out:
// react-querybuilder's SQL does not read it.
func TestReactQueryBuilderSQL(t *testing.T) {
	files := sqlRecords()
	gen := rapid.Custom(func(t *rapid.T) *RuleGroup {
		return genGroupOver(t, 2, []string{"agentID", "queueName", "phoneNumber", "duration"}, true)
	})
	var groups []*RuleGroup
	var want [][]int
	now := time.Date(2007, 8, 6, 0, 0, 0, 0, time.UTC)
	for i := range 400 {
		g := gen.Example(i)
		q, err := ToQuery(g, filter.Files, filter.JSON)
		if err != nil {
			b, _ := json.Marshal(g)
			t.Fatalf("%s refused: %v", b, err)
		}
		p, err := filter.Compile(q, now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		var rows []int
		for k := range files {
			if p.File(&files[k]) {
				rows = append(rows, k)
			}
		}
		groups = append(groups, g)
		want = append(want, rows)
	}
	records := make([]map[string]any, len(files))
	for i, f := range files {
		records[i] = map[string]any{"agentID": f.AgentID, "queueName": f.QueueName, "phoneNumber": f.PhoneNumber, "channel": f.Channel, "duration": f.Duration}
	}
	out := runInterop(t, map[string]any{
		"fields": Fields(filter.Files),
		"sql": map[string]any{
			"columns": []map[string]string{{"name": "agentID", "type": "TEXT"}, {"name": "queueName", "type": "TEXT"},
				{"name": "phoneNumber", "type": "TEXT"}, {"name": "channel", "type": "TEXT"}, {"name": "duration", "type": "INTEGER"}},
			"records": records,
			"groups":  groups,
		},
	})
	if len(out.Selected) != len(groups) {
		t.Fatalf("%d answers from SQLite for %d groups", len(out.Selected), len(groups))
	}
	mixed := 0
	for i, s := range out.Selected {
		got := s.Rows
		if got == nil {
			got = []int{}
		}
		w := want[i]
		if w == nil {
			w = []int{}
		}
		if len(w) > 0 && len(w) < len(files) {
			mixed++
		}
		if !slices.Equal(got, w) {
			b, _ := json.Marshal(groups[i])
			q, _ := ToQuery(groups[i], filter.Files, filter.JSON)
			t.Errorf("group %s\nSQL %s selects %v\nrecq %v selects %v", b, s.SQL, got, q.Filter, w)
		}
	}
	if mixed*3 < len(groups) {
		t.Errorf("only %d of %d groups select some records and not others: the comparison is barely tested", mixed, len(groups))
	}
}
