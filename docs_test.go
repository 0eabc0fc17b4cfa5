package recq_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every decision label ([D-n], [L-n]) and every section of
// docs/LANGUAGE.md that the code cites resolves inside the repository, and
// no comment cites the specification outside it (docs/LANGUAGE.md).
func TestCitationsResolve(t *testing.T) {
	lang, err := os.ReadFile("docs/LANGUAGE.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(lang)
	labels := regexp.MustCompile(`\[[DL]-[0-9]+\]`)
	sections := regexp.MustCompile(`LANGUAGE\.md\s+(?://\s*)?((?:§[0-9]+(?:\.[0-9]+)?(?:,\s*|\s+and\s+)?)+)`)
	section := regexp.MustCompile(`§([0-9]+(?:\.[0-9]+)?)`)
	spec := regexp.MustCompile(`\bS` + `PEC\b`) // split, so that this file does not match
	cited := 0
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(b)
		if spec.MatchString(src) {
			t.Errorf("%s cites the specification, which is not in the repository: cite docs/LANGUAGE.md", path)
		}
		for _, l := range labels.FindAllString(src, -1) {
			cited++
			if !strings.Contains(doc, "| "+l+" |") {
				t.Errorf("%s cites %s, which docs/LANGUAGE.md §13 does not list", path, l)
			}
		}
		for _, m := range sections.FindAllStringSubmatch(src, -1) {
			for _, s := range section.FindAllStringSubmatch(m[1], -1) {
				cited++
				heading := "## " + s[1] + ". "
				if strings.Contains(s[1], ".") {
					heading = "### " + s[1] + " "
				}
				if !strings.Contains(doc, "\n"+heading) {
					t.Errorf("%s cites docs/LANGUAGE.md §%s, which has no such section", path, s[1])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if cited < 20 {
		t.Errorf("only %d citations found: the patterns no longer see them", cited)
	}
	// Each label in the table has a section that explains it.
	for _, l := range labels.FindAllString(doc, -1) {
		if strings.Count(doc, l) < 2 {
			t.Errorf("%s is listed but never explained", l)
		}
	}
}
