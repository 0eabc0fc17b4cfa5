package recq_test

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/recq/recq"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/schema"
)

// The release constant, CHANGELOG.md's newest release and the schema version
// it ships agree (docs/VERSIONS.md): a schema change cannot land without a
// release that says so.
func TestVersionInStep(t *testing.T) {
	b, err := os.ReadFile("CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	release, schemaVersion, err := newestRelease(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if release != recq.Version {
		t.Errorf("CHANGELOG.md's newest release is %s, recq.Version is %s: set version.go to the release being made, or add its section", release, recq.Version)
	}
	if schemaVersion != schema.Version {
		t.Errorf("CHANGELOG.md's %s ships schema version %d, schema.Version is %d: a schema change needs a release (docs/VERSIONS.md, \"Making a release\")", release, schemaVersion, schema.Version)
	}
	if !regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$`).MatchString(recq.Version) {
		t.Errorf("recq.Version %q is not a release tag vX.Y.Z", recq.Version)
	}
	doc, err := os.ReadFile("docs/VERSIONS.md")
	if err != nil {
		t.Fatal(err)
	}
	if row := "| " + recq.Version + " | " + strconv.Itoa(schema.Version) + " |"; !strings.Contains(string(doc), row) {
		t.Errorf("docs/VERSIONS.md's table has no row %q", row)
	}
	pkg, err := os.ReadFile("js/package.json")
	if err != nil {
		t.Fatal(err)
	}
	if v := `"version": "` + strings.TrimPrefix(recq.Version, "v") + `"`; !strings.Contains(string(pkg), v) {
		t.Errorf("js/package.json does not say %s: the npm package is released with the module", v)
	}
	sdoc, err := os.ReadFile("docs/SCHEMA.md")
	if err != nil {
		t.Fatal(err)
	}
	if v := `"version": ` + strconv.Itoa(schema.Version) + ","; !strings.Contains(string(sdoc), v) {
		t.Errorf("docs/SCHEMA.md's example does not show %s", v)
	}
}

// newestRelease reads the first "## vX.Y.Z — date" section of a changelog
// and the "Schema version: N." it states; an "## Unreleased" section above
// it is skipped.
func newestRelease(changelog string) (release string, schemaVersion int, err error) {
	heading := regexp.MustCompile(`(?m)^## (v[0-9]+\.[0-9]+\.[0-9]+) — [0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	loc := heading.FindStringSubmatchIndex(changelog)
	if loc == nil {
		return "", 0, fmt.Errorf("no release heading \"## vX.Y.Z — YYYY-MM-DD\"")
	}
	release = changelog[loc[2]:loc[3]]
	section := changelog[loc[1]:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	m := regexp.MustCompile(`Schema version: ([0-9]+)\.`).FindStringSubmatch(section)
	if m == nil {
		return release, 0, fmt.Errorf("the section of %s does not say \"Schema version: N.\"", release)
	}
	schemaVersion, _ = strconv.Atoi(m[1])
	return release, schemaVersion, nil
}

func TestNewestRelease(t *testing.T) {
	for _, tt := range []struct {
		in      string
		release string
		schema  int
		bad     bool
	}{
		{"# C\n\n## Unreleased\n\nSchema version: 7.\n\n## v1.2.0 — 2027-01-02\n\nSchema version: 3.\n\n## v1.1.0 — 2026-12-01\n\nSchema version: 2.\n", "v1.2.0", 3, false},
		{"## v0.9.0 — 2026-12-07\n\ntext\n\n## v0.8.0 — 2026-11-01\n\nSchema version: 1.\n", "v0.9.0", 0, true},
		{"## 0.9.0\n\nSchema version: 1.\n", "", 0, true},
	} {
		r, s, err := newestRelease(tt.in)
		if r != tt.release || s != tt.schema || (err != nil) != tt.bad {
			t.Errorf("newestRelease(%q) = %q, %d, %v", tt.in, r, s, err)
		}
	}
}

// The codes released in v0.9.0 are all still listed, each with its HTTP
// status: a code is never removed and never changes meaning
// (docs/VERSIONS.md, docs/ERRORS.md).
func TestReleasedCodesKept(t *testing.T) {
	released := map[filter.Code]int{
		"too-long": 400, "bad-method": 405, "unknown-resource": 404, "bad-format": 400, "bad-path": 400,
		"query-not-allowed": 400, "bad-encoding": 400, "missing-name": 400, "missing-value": 400,
		"empty-value": 400, "unknown-variable": 400, "duplicate-variable": 400, "bad-date": 400,
		"bad-date-part": 400, "mixed-forms": 400, "decimal-comma": 400, "plus-as-space": 400,
		"unsupported-date-form": 400, "bad-range": 400, "reversed-range": 400, "unknown-zone": 400,
		"bad-page": 400, "bad-json": 400, "bad-query": 400, "unsupported-rule": 400,
		"too-many-faults": 400, "unauthorized": 401, "not-found": 404, "overloaded": 503, "internal": 500,
	}
	now := map[filter.Code]int{}
	for _, c := range filter.Codes() {
		now[c.Code] = c.Status
	}
	for c, status := range released {
		if got, ok := now[c]; !ok {
			t.Errorf("code %q of v0.9.0 is no longer listed", c)
		} else if got != status {
			t.Errorf("code %q had status %d in v0.9.0, now %d", c, status, got)
		}
	}
}
