package js

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/report/asvalue"
	"github.com/recq/recq/internal/skipnote"
	"github.com/recq/recq/querybuilder"
	"github.com/recq/recq/timezone"
)

// toolsDir holds what the tests use beside the package, pinned by its
// package-lock.json: tsc, react, react-dom, react-querybuilder, vite.
// .ci/run installs them with npm ci.
const toolsDir = "testdata/tools"

// userDir holds the files of the user's project: the scripts run with node
// and the example checked with tsc.
const userDir = "testdata/user"

// howTo says how to get what the tests need.
const howTo = "install node and npm, then: cd js/testdata/tools && npm ci"

// unavailable ends a test that lacks node, npm or the tools: a skip saying
// how to get them, or a failure under CI=true, where nothing may be skipped.
func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: the package's tests may not be skipped; %s)", why, howTo)
	}
	skipnote.Skip(t, "node, npm and the package's test tools", howTo, why+"; "+howTo)
}

// tool returns the path of a program on the PATH, or ends the test.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		unavailable(t, name+" is not installed")
	}
	return p
}

// scratch is the tests' temporary directory, removed by TestMain.
var scratch string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "recq-js-")
	if err != nil {
		panic(err)
	}
	scratch = dir
	code := skipnote.Run(m) // one line after the run says what skipped and how to install it
	os.RemoveAll(dir)
	os.Exit(code)
}

// packOnce packs the package once for all the tests.
var packOnce = sync.OnceValues(func() (string, error) {
	out := filepath.Join(scratch, "pack")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	name, err := cmd.Output()
	if err != nil {
		return "", &runError{"npm pack", err, stderr.String()}
	}
	return filepath.Join(out, strings.TrimSpace(string(name))), nil
})

type runError struct {
	what   string
	err    error
	stderr string
}

func (e *runError) Error() string { return e.what + ": " + e.err.Error() + "\n" + e.stderr }

// pack returns the path of the packed tarball (npm pack, which runs the
// package's prepack script, copying the module's files from web/).
func pack(t testing.TB) string {
	t.Helper()
	tool(t, "node")
	tool(t, "npm")
	tarball, err := packOnce()
	if err != nil {
		t.Fatal(err)
	}
	return tarball
}

// run runs a program in dir with stdin and returns its standard output,
// failing the test with its standard error when it fails.
func run(t testing.TB, dir string, stdin []byte, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, stderr.Bytes(), out)
	}
	return out
}

// userProject makes a project as a user would: its package.json, the
// tarball installed with npm (offline: the package needs nothing from the
// registry), and the files of testdata/user.
func userProject(t testing.TB) string {
	t.Helper()
	tarball := pack(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"name": "a-user", "private": true, "type": "module"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, dir, nil, "npm", "install", "--offline", "--no-audit", "--no-fund", "--silent", tarball)
	copyFiles(t, userDir, dir)
	return dir
}

// copyFiles copies the files of the directory from into the directory to.
func copyFiles(t testing.TB, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// linkTools makes the pinned tools resolvable from the project, as if it
// had installed them too: a link in its node_modules to each package of
// testdata/tools/node_modules.
func linkTools(t testing.TB, project string) {
	t.Helper()
	tools, err := filepath.Abs(filepath.Join(toolsDir, "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	for _, need := range []string{"typescript", "react", "react-dom", "react-querybuilder", "@types/react", "vite"} {
		if _, err := os.Stat(filepath.Join(tools, need, "package.json")); err != nil {
			unavailable(t, need+" is not installed in "+toolsDir)
		}
	}
	entries, err := os.ReadDir(tools)
	if err != nil {
		t.Fatal(err)
	}
	link := func(rel string) {
		to := filepath.Join(project, "node_modules", rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(tools, rel), to); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range entries {
		switch name := e.Name(); {
		case strings.HasPrefix(name, "."):
		case strings.HasPrefix(name, "@"):
			scoped, err := os.ReadDir(filepath.Join(tools, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range scoped {
				if name+"/"+s.Name() != "@recq/recq" {
					link(filepath.Join(name, s.Name()))
				}
			}
		default:
			link(name)
		}
	}
}

// The questions each test asks the package, and the Go library's answers.
var (
	group = json.RawMessage(`{"id": "g", "combinator": "and", "rules": [
		{"id": "good", "field": "agentID", "operator": "=", "value": "bill"},
		{"id": "bad", "field": "d", "operator": "=", "value": "2007-02-30"},
		{"id": "zone", "field": "tz", "operator": "=", "value": "America/Denver"}]}`)
	target     = "/files.json?d=today-1d,today&tz=America/Denver&agentID=bill"
	askedAt    = "2026-11-25T12:00:00Z"
	tenantZone = "Europe/Berlin"
)

// input is what the scripts read on standard input.
func input(t testing.TB) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"group":      group,
		"options":    map[string]string{"resource": "files", "format": "json"},
		"target":     target,
		"now":        askedAt,
		"tenantZone": tenantZone,
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// asJSON is v as encoding/json writes it, read back as a generic value.
func asJSON(t testing.TB, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// goValidation is the Go library's validation map of group.
func goValidation(t testing.TB) any {
	t.Helper()
	var g querybuilder.RuleGroup
	if err := json.Unmarshal(group, &g); err != nil {
		t.Fatal(err)
	}
	return asJSON(t, querybuilder.Validate(&g, filter.Files, filter.JSON))
}

// goParse is the Go library's report of target.
func goParse(t testing.TB) any {
	t.Helper()
	now, err := time.Parse(time.RFC3339, askedAt)
	if err != nil {
		t.Fatal(err)
	}
	tenant, err := timezone.Load(tenantZone)
	if err != nil {
		t.Fatal(err)
	}
	return asJSON(t, asvalue.Parse("GET", target, now, tenant))
}

// TestTarball checks what npm pack puts in the package: the files
// package.json lists, no more, and the module's files exactly those web/
// commits and embeds.
func TestTarball(t *testing.T) {
	files := untar(t, pack(t))
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	want := []string{"README.md", "index.d.ts", "index.js", "load.js", "node.js", "package.json", "props.js", "react.d.ts", "react.js", "recq.wasm.gz", "wasm_exec.js"}
	if _, err := os.Stat("../LICENSE"); err == nil {
		want = append(want, "LICENSE")
		sort.Strings(want)
	}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("the tarball's files (-want +got):\n%s", diff)
	}
	for _, name := range []string{"load.js", "wasm_exec.js", "recq.wasm.gz"} {
		committed, err := os.ReadFile(filepath.Join("..", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(files[name], committed) {
			t.Errorf("the tarball's %s is not web/%s", name, name)
		}
	}
}

// untar reads a tarball of npm pack: each file's bytes by its name inside
// package/.
func untar(t testing.TB, tarball string) map[string][]byte {
	t.Helper()
	f, err := os.Open(tarball)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		files[strings.TrimPrefix(h.Name, "package/")] = b
	}
}

// TestNode installs the tarball into a project without react and runs
// use.mjs there with node: the module loaded from every source node takes
// (the default, a path, a file: URL as object and as text, gzip'd bytes,
// plain bytes, an ArrayBuffer, a compiled WebAssembly.Module), each giving
// the Go library's answers; the props for react-querybuilder; a misuse
// thrown; and node exiting by itself once the script is done.
func TestNode(t *testing.T) {
	project := userProject(t)
	node := tool(t, "node")
	start := time.Now()
	raw := run(t, project, input(t), node, "use.mjs")
	t.Logf("node use.mjs: %v (8 instances started)", time.Since(start).Round(time.Millisecond))
	var out struct {
		Answers map[string]struct {
			Validation    any
			FromRuleGroup any
			Parse         any
		}
		Fields        any
		Props         struct{ Fields, Validation any }
		Loading       struct{ Fields, Validation any }
		IsRefusal     []bool
		Misuse        string
		Failures      map[string]string
		React         string
		SchemaVersion int
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	validation, parse := goValidation(t), goParse(t)
	if len(out.Answers) != 8 {
		t.Errorf("%d sources answered, want 8", len(out.Answers))
	}
	for name, a := range out.Answers {
		if diff := cmp.Diff(validation, a.Validation); diff != "" {
			t.Errorf("%s: validateRuleGroup differs from querybuilder.Validate (-go +js):\n%s", name, diff)
		}
		if diff := cmp.Diff(parse, a.Parse); diff != "" {
			t.Errorf("%s: parse differs from recq parse (-go +js):\n%s", name, diff)
		}
		if diff := cmp.Diff(out.Answers["default"].FromRuleGroup, a.FromRuleGroup); diff != "" {
			t.Errorf("%s: fromRuleGroup differs from the default source's:\n%s", name, diff)
		}
	}
	refusal, _ := out.Answers["default"].FromRuleGroup.(map[string]any)
	if e, _ := refusal["error"].(map[string]any); e["rule"] != "bad" || e["code"] != string(filter.CodeBadDatePart) {
		t.Errorf("fromRuleGroup: %v, want bad-date-part on the rule bad", refusal)
	}
	fields := asJSON(t, querybuilder.Fields(filter.Files))
	if diff := cmp.Diff(fields, out.Fields); diff != "" {
		t.Errorf("fields differ from querybuilder.Fields (-go +js):\n%s", diff)
	}
	if !cmp.Equal(fields, out.Props.Fields) || !cmp.Equal(validation, out.Props.Validation) {
		t.Errorf("queryBuilderProps: %v", out.Props)
	}
	if !cmp.Equal(out.Loading.Fields, []any{}) || out.Loading.Validation != true {
		t.Errorf("queryBuilderProps(null): %v, want no fields and every query valid", out.Loading)
	}
	if !cmp.Equal(out.IsRefusal, []bool{false, true}) {
		t.Errorf("isRefusal: %v", out.IsRefusal)
	}
	if !strings.HasPrefix(out.Misuse, "recq: options.now") {
		t.Errorf("a bad now threw %q", out.Misuse)
	}
	for name, want := range map[string]string{
		"bytes":       "Error: recq: these bytes are neither WebAssembly nor gzip-compressed WebAssembly",
		"html":        `is text/html, not the module: a dev server's fallback page?`,
		"object":      "TypeError: recq: load takes a URL, a Response, the module's bytes or a WebAssembly.Module, not [object Object]",
		"missingFile": "ENOENT",
	} {
		if got := out.Failures[name]; !strings.Contains(got, want) {
			t.Errorf("load(%s): %q, want %q", name, got, want)
		}
	}
	if out.React != "absent" {
		t.Errorf("react is %s in the project: the test of the main entry without react proves nothing", out.React)
	}
	if out.SchemaVersion < 1 {
		t.Errorf("schema version %d", out.SchemaVersion)
	}
}

// TestReact renders react-querybuilder's <QueryBuilder> with the props of
// useQueryBuilder (react-dom/server, in node): recq's fields are its
// fields, and its validator marks the invalid rule invalid and the valid
// one valid; while recq loads (null) there are no fields and no rule is
// marked invalid.
func TestReact(t *testing.T) {
	project := userProject(t)
	linkTools(t, project)
	raw := run(t, project, input(t), tool(t, "node"), "react.mjs")
	var out struct{ Loaded, Loading string }
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	ruleClass := func(html, id string) string {
		at := strings.Index(html, `data-rule-id="`+id+`"`)
		if at < 0 {
			return ""
		}
		start := strings.LastIndex(html[:at], "<div")
		tag := html[start:at]
		_, class, _ := strings.Cut(tag, `class="`)
		class, _, _ = strings.Cut(class, `"`)
		return class
	}
	for id, want := range map[string]string{"good": "queryBuilder-valid", "bad": "queryBuilder-invalid", "zone": "queryBuilder-valid"} {
		if class := ruleClass(out.Loaded, id); !strings.Contains(" "+class+" ", " "+want+" ") {
			t.Errorf("rule %s has the classes %q, want %s", id, class, want)
		}
	}
	for _, f := range querybuilder.Fields(filter.Files) {
		if !strings.Contains(out.Loaded, `<option value="`+f.Name+`"`) {
			t.Errorf("the field %s is not offered", f.Name)
		}
	}
	if !strings.Contains(out.Loaded, `>from, up to but not including</option>`) {
		t.Error("d's operators are not recq's")
	}
	if strings.Contains(out.Loading, "queryBuilder-invalid") || strings.Contains(out.Loading, `<option value="agentID"`) {
		t.Errorf("while loading: %s", out.Loading)
	}
	if t.Failed() {
		t.Logf("rendered: %s", out.Loaded)
	}
}

// TestTypes checks the package's types with tsc --noEmit (strict, NodeNext)
// against example.ts, which uses every export and gives recq's answers to
// react-querybuilder's own types, and whose @ts-expect-error lines fail the
// check if the types lose their shape.
func TestTypes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs tsc for tens of seconds: run without -short")
	}
	project := userProject(t)
	linkTools(t, project)
	tsc, err := filepath.Abs(filepath.Join(toolsDir, "node_modules", "typescript", "bin", "tsc"))
	if err != nil {
		t.Fatal(err)
	}
	run(t, project, nil, tool(t, "node"), tsc, "--noEmit", "-p", "tsconfig.json")
}
