package web_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README's JavaScript runs as written in a page that recq serve
// serves: its import of the module, its parse and its validation.
func TestReadmeJavaScript(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?ms)^```js\n(.*?)^```").FindAllStringSubmatch(string(b), -1)
	if len(blocks) == 0 {
		t.Fatal("README.md has no JavaScript snippet; the pattern no longer sees it")
	}
	s := newSite(t)
	ctx := browser(t, 800, 600)
	open(t, ctx, s)
	imports := regexp.MustCompile(`(?m)^import \* as (\w+) from "([^"]+)";$`)
	for _, block := range blocks {
		code := block[1]
		for _, m := range imports.FindAllStringSubmatch(code, -1) {
			if !strings.HasPrefix(m[2], "/_recq/") {
				t.Fatalf("README.md's snippet imports %s, which this test does not know how to load:\n%s", m[2], code)
			}
		}
		if strings.Contains(imports.ReplaceAllString(code, ""), "import ") {
			t.Fatalf("README.md's snippet imports in a form this test does not read:\n%s", code)
		}
		// A module's static import becomes a dynamic one inside an async
		// function, which returns what the snippet declared.
		body := imports.ReplaceAllString(code, `const $1 = await import("$2");`)
		got := evalAsync[struct {
			Report struct {
				Canonical string `json:"canonical"`
				Zone      string `json:"zone"`
			}
			Validation map[string]struct {
				Valid bool `json:"valid"`
			}
		}](t, ctx, "(async () => {\n"+body+"\nreturn {Report: report, Validation: validation};\n})()")
		if got.Report.Canonical != "/files?d=today-1d,today&tz=America/Denver" || got.Report.Zone != "America/Denver" {
			t.Errorf("the README's parse gives %+v", got.Report)
		}
		if v, ok := got.Validation["who"]; !ok || !v.Valid {
			t.Errorf("the README's validation gives %+v", got.Validation)
		}
	}
}
