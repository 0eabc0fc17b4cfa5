package querybuilder

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/skipnote"
)

// interopDir holds the npm package of the interop test: package.json,
// package-lock.json and interop.mjs.
const interopDir = "testdata/rqb"

// runInterop runs interop.mjs with node on input and decodes its output.
// Without node or the installed package the test is skipped with how to
// install them, or fails under CI=true.
func runInterop(t *testing.T, input any) (out struct {
	Built    map[string]string
	Exported []struct {
		IsRuleGroup, Unchanged bool
		JSON, SQL              string
	}
	Validated string
	Fields    struct{ Full, Operators, Values bool }
	Selected  []struct {
		SQL  string
		Rows []int
	}
}) {
	t.Helper()
	unavailable := func(why string) {
		t.Helper()
		const how = "install node and npm, then: cd querybuilder/testdata/rqb && npm ci"
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s (CI=true: the interop test may not be skipped; %s)", why, how)
		}
		skipnote.Skip(t, "node and react-querybuilder", how, why+"; "+how)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		unavailable("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(interopDir, "node_modules", "@react-querybuilder", "core", "package.json")); err != nil {
		unavailable("@react-querybuilder/core is not installed")
	}
	if _, err := os.Stat(filepath.Join(interopDir, "node_modules", "sql.js", "package.json")); err != nil {
		unavailable("sql.js is not installed")
	}
	in, err := json.Marshal(input)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "interop.mjs")
	cmd.Dir = interopDir
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node interop.mjs: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return out
}

// TestReactQueryBuilderInterop holds recq's rule groups to
// @react-querybuilder/core's own code: groups it builds and serializes come
// back from recq as the expected query, or refused on the rule at fault;
// recq's exported groups load there unchanged and survive its
// serialization; recq's validation map works as its validator.
func TestReactQueryBuilderInterop(t *testing.T) {
	targets := []string{
		"/files?d=today-1d,today&tz=America/Denver&agentID=bill",
		"/transcripts.csv?d=2007-08-05T13:15Z,2007-08-07T14:30Z&agentName=Bill%20B&metaData_fieldValue=Blue&n=101",
		"/files.json?start-date=2007-12-19%2011:16:58-08:00&duration=27&phoneNumber=4155551234",
		"/files",
		"/files?tz=America/Denver&agentID=bill&filter=(agentID==b*,queueName!=*x*);duration=gt=600;startDate=ge=today-7d",
		"/transcripts?filter=metaData.fieldValue=in=(Blue,Red),duration=le=60,agentName==a*b\\*",
	}
	var queries []*filter.Query
	var exported []*RuleGroup
	for _, target := range targets {
		q, err := filter.Parse("GET", target)
		if err != nil {
			t.Fatal(err)
		}
		queries = append(queries, q)
		exported = append(exported, FromQuery(q))
	}
	invalid := group(t, `{"id": "g", "combinator": "and", "rules": [
		{"id": "good", "field": "agentID", "operator": "=", "value": "bill"},
		{"id": "bad", "field": "d", "operator": "=", "value": "2007-02-30"}]}`)
	validation := Validate(invalid, filter.Files, filter.XML)
	if validation["bad"].Valid || !validation["good"].Valid {
		t.Fatalf("validation %+v", validation)
	}
	out := runInterop(t, map[string]any{
		"fields":   Fields(filter.Files),
		"exported": exported,
		"invalid":  map[string]any{"group": invalid, "validation": validation},
	})

	// Built and serialized by react-querybuilder.
	toQuery := func(name string) (string, error) {
		text, ok := out.Built[name]
		if !ok {
			t.Fatalf("no built group %s", name)
		}
		var g RuleGroup
		if err := json.Unmarshal([]byte(text), &g); err != nil {
			t.Fatalf("%s: %v: %s", name, err, text)
		}
		q, err := ToQuery(&g, filter.Files, filter.XML)
		if err != nil {
			return "", err
		}
		return encode.Canonical(q), nil
	}
	for name, want := range map[string]string{
		"yesterdayDenver":           "/files?d=today-1d,today&tz=America/Denver&agentID=bill",
		"yesterdayDenverWithoutIDs": "/files?d=today-1d,today&tz=America/Denver&agentID=bill",
		"independentCombinators":    "/files?d=today-1d,today&tz=America/Denver&agentID=bill",
		"nested":                    "/files?metaData_fieldName=Color&n=51",
		"otherOperator":             "/files?filter=agentID==bi*",
		"issue":                     canonicalOf(t, "/files?filter=(agentID==bill,agentID==ann);duration=gt=600;startDate=ge=today-7d"),
		"moved":                     canonicalOf(t, "/files?filter=(agentID==bill,agentID==ann);startDate=ge=today-7d;duration=gt=600"),
		"notOr":                     canonicalOf(t, "/files?filter=(agentID!=bill;agentID!=ann),duration=gt=600,startDate=ge=today-7d"),
	} {
		got, err := toQuery(name)
		if err != nil || got != want {
			t.Errorf("%s: %s %v, want %s\n%s", name, got, err, want, out.Built[name])
		}
	}
	// d is the API's alone: under or or not it is refused on its rule.
	for name, rule := range map[string]string{"or": out.Built["dRuleID"], "not": out.Built["dRuleID"]} {
		_, err := toQuery(name)
		var list ErrorList
		if !errors.As(err, &list) || list[0].Code != filter.CodeUnsupportedRule || list[0].Rule != rule || rule == "" {
			t.Errorf("%s: %v, want unsupported-rule on %q", name, err, rule)
		}
	}

	// Exported by recq, loaded and written back by react-querybuilder.
	for i, e := range out.Exported {
		if !e.IsRuleGroup || !e.Unchanged {
			t.Errorf("%s: react-querybuilder changed the group on loading it (%+v)", targets[i], e)
		}
		var g RuleGroup
		if err := json.Unmarshal([]byte(e.JSON), &g); err != nil {
			t.Fatal(err)
		}
		q, err := ToQuery(&g, queries[i].Resource, queries[i].Format)
		if err != nil {
			t.Errorf("%s: written back as %s, refused: %v", targets[i], e.JSON, err)
			continue
		}
		if got, want := encode.Canonical(q), encode.Canonical(queries[i]); got != want {
			t.Errorf("written back as %s: %s, want %s", e.JSON, got, want)
		}
		for _, f := range queries[i].Fields {
			if !strings.Contains(e.SQL, f.Name) {
				t.Errorf("%s: its SQL %q lacks %s", targets[i], e.SQL, f.Name)
			}
		}
	}

	// The validation map as react-querybuilder's validator.
	if !strings.Contains(out.Validated, "agentID") || strings.Contains(out.Validated, "2007-02-30") {
		t.Errorf("formatQuery with recq's validator wrote %q: the invalid rule must be left out, the valid one kept", out.Validated)
	}
	if !out.Fields.Full || !out.Fields.Operators || !out.Fields.Values {
		t.Errorf("fields: %+v", out.Fields)
	}
}
