package conformance

import (
	"strings"
	"testing"
)

// TestConformance runs every case against the library, by name:
// go test ./conformance -run TestConformance/D-10. A skipped case runs too,
// and fails once it holds, so that its skip line goes when the code is
// fixed rather than hide the case.
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
				if diffs := c.CheckLibrary(); len(diffs) == 0 {
					t.Fatalf("%s:%d: %s %s holds now: remove its skip line (%s)", c.File, c.Line, c.Method, c.Target, c.Skip)
				}
				t.Skip(c.Skip)
			}
			if diffs := c.CheckLibrary(); len(diffs) > 0 {
				t.Errorf("%s:%d: %s %s\n\t%s", c.File, c.Line, c.Method, c.Target, strings.Join(diffs, "\n\t"))
			}
		})
	}
}
