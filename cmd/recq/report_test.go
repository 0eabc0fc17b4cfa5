package main

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/internal/report/asvalue"
	"github.com/recq/recq/timezone"
)

// TestReportIsParse holds internal/report, which the browser module prints
// from, to what recq parse prints, for every request of the conformance
// suite: the browser must say exactly what the command says.
func TestReportIsParse(t *testing.T) {
	cases, err := conformance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		var stdout, stderr bytes.Buffer
		args := []string{"parse", "--method", c.Method, "--now", c.Now.Format(time.RFC3339Nano), "--tenant-tz", c.Tenant, c.Target}
		if status := run(args, &stdout, &stderr, clock); status != 0 && status != 2 {
			t.Errorf("%s: exit %d: %s", c.Name, status, stderr.String())
			continue
		}
		tenant, err := timezone.Load(c.Tenant)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(asvalue.Parse(c.Method, c.Target, c.Now, tenant))
		if err != nil {
			t.Fatal(err)
		}
		var fromCommand, fromReport any
		if err := json.Unmarshal(stdout.Bytes(), &fromCommand); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if err := json.Unmarshal(b, &fromReport); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(fromCommand, fromReport); diff != "" {
			t.Errorf("%s %s: report differs from recq parse (-parse +report):\n%s", c.Method, c.Target, diff)
		}
	}
}
