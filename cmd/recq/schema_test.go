package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/recq/recq/schema"
)

// TestSchemaCommand runs recq schema as a user would and reads its output
// as a UI would.
func TestSchemaCommand(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		status int
		check  func(t *testing.T, out []byte)
	}{
		{[]string{"schema"}, 0, func(t *testing.T, out []byte) {
			var doc struct {
				Version   int
				Resources []struct{ Name string }
				Zones     []string
				Codes     []struct{ Code string }
				Limits    map[string]int
			}
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Version != schema.Version || len(doc.Resources) != 4 || doc.Resources[0].Name != "files" || len(doc.Zones) == 0 || len(doc.Codes) == 0 || doc.Limits["nMax"] != 1_000_000_000 {
				t.Errorf("schema %+v", doc)
			}
		}},
		{[]string{"schema", "--for", "react-querybuilder", "--resource", "transcripts"}, 0, func(t *testing.T, out []byte) {
			var fields []struct{ Name, ValueEditorType string }
			if err := json.Unmarshal(out, &fields); err != nil {
				t.Fatal(err)
			}
			if len(fields) < 8 || fields[0].Name != "d" || fields[1].ValueEditorType != "select" {
				t.Errorf("fields %+v", fields)
			}
		}},
		{[]string{"schema", "--for", "json-schema"}, 0, func(t *testing.T, out []byte) {
			var s map[string]any
			if err := json.Unmarshal(out, &s); err != nil || s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
				t.Errorf("%v %v", err, s["$schema"])
			}
		}},
		{[]string{"schema", "--for", "ag-grid"}, 1, nil},
		{[]string{"schema", "--for", "react-querybuilder", "--resource", "file"}, 1, nil},
		{[]string{"schema", "extra"}, 1, nil},
	} {
		var stdout, stderr bytes.Buffer
		if got := run(tt.args, &stdout, &stderr, clock); got != tt.status {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, got, tt.status, stderr.String())
			continue
		}
		if tt.check != nil {
			tt.check(t, stdout.Bytes())
		} else if stderr.Len() == 0 {
			t.Errorf("%v: no message on standard error", tt.args)
		}
	}
}
