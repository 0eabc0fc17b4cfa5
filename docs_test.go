package recq_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Every decision label ([D-n], [L-n]) and every section of
// docs/LANGUAGE.md that the code and the docs cite resolves inside the
// repository, and nothing cites the specification outside it or its source
// document (docs/LANGUAGE.md is the reference).
func TestCitationsResolve(t *testing.T) {
	lang, err := os.ReadFile("docs/LANGUAGE.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(lang)
	labels := regexp.MustCompile(`\[[DL]-[0-9]+\]`)
	sections := regexp.MustCompile(`LANGUAGE\.md\s+(?://\s*)?((?:§[0-9]+(?:\.[0-9]+)?(?:,\s*|\s+and\s+)?)+)`)
	section := regexp.MustCompile(`§([0-9]+(?:\.[0-9]+)?)`)
	spec := regexp.MustCompile(`\bS` + `PEC\b|s` + `hared/|\bs` + `eed/[0-9]`) // split, so that this file does not match
	cited := 0
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !slices.Contains([]string{".go", ".md", ".js", ".mjs", ".ts", ".html"}, filepath.Ext(path)) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(b)
		if spec.MatchString(src) {
			t.Errorf("%s cites %q, which is not in the repository: cite docs/LANGUAGE.md", path, spec.FindString(src))
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

// Every relative link and #anchor in the README, the changelog and docs/
// points at a file that exists and, for an anchor, at a heading of that
// file (as GitHub names headings): the docs are read on GitHub and on
// pkg.go.dev, where a dead link is all a newcomer sees.
func TestLinksResolve(t *testing.T) {
	files := []string{"README.md", "CHANGELOG.md"}
	docs, err := filepath.Glob("docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, docs...)
	anchors := map[string]map[string]bool{} // file -> its anchors
	anchorsOf := func(path string) (map[string]bool, error) {
		if a, ok := anchors[path]; ok {
			return a, nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		a := map[string]bool{}
		for _, h := range headings(string(b)) {
			slug := githubSlug(h)
			for n := 1; a[slug]; n++ { // GitHub numbers a repeated heading
				slug = githubSlug(h) + "-" + strconv.Itoa(n)
			}
			a[slug] = true
		}
		anchors[path] = a
		return a, nil
	}
	checked := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, target := range links(string(b)) {
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			checked++
			path, anchor, _ := strings.Cut(target, "#")
			if path == "" {
				path = file
			} else {
				path = filepath.Join(filepath.Dir(file), path)
			}
			info, err := os.Stat(path)
			if err != nil {
				t.Errorf("%s links to %s: no such file", file, target)
				continue
			}
			if anchor == "" {
				continue
			}
			if info.IsDir() || !strings.HasSuffix(path, ".md") {
				t.Errorf("%s links to %s: an anchor in a file that is not Markdown", file, target)
				continue
			}
			a, err := anchorsOf(path)
			if err != nil {
				t.Fatal(err)
			}
			if !a[anchor] {
				t.Errorf("%s links to %s: %s has no heading #%s", file, target, path, anchor)
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d links checked: the pattern no longer sees them", checked)
	}
}

var (
	fence      = regexp.MustCompile("(?ms)^ {0,3}```.*?^ {0,3}```[ \t]*$")
	codeSpan   = regexp.MustCompile("`[^`\n]*`")
	linkTarget = regexp.MustCompile(`\]\(([^()\s]+)(?:\s+"[^"]*")?\)`)
	heading    = regexp.MustCompile(`(?m)^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$`)
)

// prose is Markdown without its fenced code blocks, where a '#' line is a
// shell comment and a [x](y) is code, not a link.
func prose(md string) string { return fence.ReplaceAllString(md, "") }

// links returns the targets of the links and images of a Markdown text,
// outside code.
func links(md string) []string {
	var out []string
	for _, m := range linkTarget.FindAllStringSubmatch(codeSpan.ReplaceAllString(prose(md), "``"), -1) {
		out = append(out, m[1])
	}
	return out
}

// headings returns the text of a Markdown text's ATX headings, outside code.
func headings(md string) []string {
	var out []string
	for _, m := range heading.FindAllStringSubmatch(prose(md), -1) {
		out = append(out, m[1])
	}
	return out
}

// githubSlug is the anchor GitHub gives a heading: lower case, characters
// other than letters, digits, spaces, '-' and '_' dropped, spaces as '-'.
func githubSlug(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

func TestGithubSlug(t *testing.T) {
	for h, want := range map[string]string{
		"8. The canonical form":                            "8-the-canonical-form",
		"7.3 Error bodies [L-4]":                           "73-error-bodies-l-4",
		"recq db init, recq load: serving from PostgreSQL": "recq-db-init-recq-load-serving-from-postgresql",
		"The JSON form of `filter.Query`":                  "the-json-form-of-filterquery",
		"Zones — and the page":                             "zones--and-the-page",
	} {
		if got := githubSlug(h); got != want {
			t.Errorf("githubSlug(%q) = %q, want %q", h, got, want)
		}
	}
	md := "# A\n\n```sh\n# not a heading\n[not](a-link.md)\n```\n\nSee [b](B.md#a) and `[c](C.md)`.\n## A\n"
	if got := headings(md); strings.Join(got, "|") != "A|A" {
		t.Errorf("headings = %q", got)
	}
	if got := links(md); strings.Join(got, "|") != "B.md#a" {
		t.Errorf("links = %q", got)
	}
}

// The README's Go snippets are, exactly, the bodies (or the whole
// declarations) of functions in readme_test.go, which go test compiles and
// runs: a snippet cannot use a name it does not define.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "readme_test.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var known []string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		whole := string(src[fset.Position(fn.Pos()).Offset:fset.Position(fn.End()).Offset])
		body := string(src[fset.Position(fn.Body.Lbrace).Offset+1 : fset.Position(fn.Body.Rbrace).Offset])
		body, _, _ = strings.Cut(body, "\t// Output:")
		known = append(known, dedent(whole), dedent(body))
	}
	blocks := regexp.MustCompile("(?ms)^```go\n(.*?)^```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 2 {
		t.Fatalf("README.md has %d Go snippets; the pattern no longer sees them", len(blocks))
	}
	for _, b := range blocks {
		if !slices.Contains(known, dedent(b[1])) {
			t.Errorf("README.md's snippet\n%s\nis not the body of a function of readme_test.go: copy it there (or from there)", b[1])
		}
	}
}

// dedent removes the tabs that every non-empty line of s starts with, and
// the blank lines around it.
func dedent(s string) string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, "\t"))
		if common < 0 || n < common {
			common = n
		}
	}
	for i, l := range lines {
		if len(l) >= common && common > 0 {
			lines[i] = l[common:]
		}
		lines[i] = strings.TrimRight(lines[i], " \t")
	}
	return strings.Join(lines, "\n")
}
