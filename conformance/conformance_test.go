package conformance

import (
	"strings"
	"testing"
)

// TestConformance runs every case against the library, by name:
// go test ./conformance -run TestConformance/D-10
func TestConformance(t *testing.T) {
	cases, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			if c.Skip != "" {
				t.Skip(c.Skip)
			}
			if diffs := c.CheckLibrary(); len(diffs) > 0 {
				t.Errorf("%s:%d: %s %s\n\t%s", c.File, c.Line, c.Method, c.Target, strings.Join(diffs, "\n\t"))
			}
		})
	}
}
