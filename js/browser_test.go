package js

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/internal/browsertest"
	"github.com/recq/recq/web"
)

// pageHTML resolves the bare specifier @recq/recq with an import map, as a
// bundler's dev server (Vite) resolves it to the installed package.
const pageHTML = `<!doctype html>
<title>a page importing @recq/recq</title>
<script type="importmap">
{"imports": {"@recq/recq": "/node_modules/@recq/recq/index.js", "@recq/recq/": "/node_modules/@recq/recq/"}}
</script>`

// TestBrowser imports the packed package's ESM entry (index.js, from the
// tarball npm pack made) into a page in chromium by its bare name, and
// loads the module from every source a browser has: the default (the
// package's recq.wasm.gz beside the entry, served as any static file
// server serves a .gz, and decompressed by the loader), that file's URL,
// recq serve's recq.wasm (application/wasm, gzip'd in transport) as a URL
// and as a Response, its plain bytes, the package's gzip'd bytes, and a
// compiled WebAssembly.Module. Each must give the Go library's answers.
// Importing the entry must change no global before load is called.
func TestBrowser(t *testing.T) {
	files := untar(t, pack(t))
	zr, err := gzip.NewReader(bytes.NewReader(files["recq.wasm.gz"]))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	module := web.Module(http.NotFoundHandler())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, pageHTML)
		case p == "/plain.wasm": // a server that does not know .wasm
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(plain)
		case strings.HasPrefix(p, "/node_modules/@recq/recq/"):
			name := strings.TrimPrefix(p, "/node_modules/@recq/recq/")
			b, ok := files[name]
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", map[string]string{".js": "text/javascript", ".gz": "application/gzip", ".json": "application/json"}[path.Ext(name)])
			w.Write(b)
		default:
			module.ServeHTTP(w, r)
		}
	}))
	defer srv.Close()

	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf(`(async (input) => {
		const before = typeof globalThis.Go + " " + typeof globalThis.process;
		const { load, queryBuilderProps, isRefusal } = await import("@recq/recq");
		const imported = typeof globalThis.Go + " " + typeof globalThis.process;
		const gz = await (await fetch("/node_modules/@recq/recq/recq.wasm.gz")).arrayBuffer();
		const sources = {
			default: undefined,
			gzURL: "/node_modules/@recq/recq/recq.wasm.gz",
			served: new URL("/_recq/recq.wasm", location.href),
			response: fetch("/_recq/recq.wasm"),
			plainBytes: await (await fetch("/plain.wasm")).arrayBuffer(),
			gzBytes: new Uint8Array(gz),
			module: await WebAssembly.compileStreaming(fetch("/_recq/recq.wasm")),
		};
		const answers = {};
		for (const [name, source] of Object.entries(sources)) {
			const recq = await load(source);
			answers[name] = {
				validation: recq.validateRuleGroup(input.group, input.options),
				parse: recq.parse("GET", input.target, { now: new Date(input.now), tenantZone: input.tenantZone }),
			};
		}
		const recq = await load();
		const props = queryBuilderProps(recq, input.options);
		return JSON.stringify({
			before, imported, answers,
			fields: props.fields.length,
			refused: isRefusal(recq.parse("GET", "/files?d=2007-02-30")),
		});
	})(%s)`, input(t))
	text := browsertest.Eval[string](t, ctx, script)
	var out struct {
		Before, Imported string
		Answers          map[string]struct{ Validation, Parse any }
		Fields           int
		Refused          bool
	}
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		t.Fatalf("%v: %s", err, text)
	}
	if out.Before != "undefined undefined" || out.Imported != out.Before {
		t.Errorf("importing the entry changed the globals: %q before, %q after", out.Before, out.Imported)
	}
	if len(out.Answers) != 7 {
		t.Errorf("%d sources answered, want 7", len(out.Answers))
	}
	validation, parse := goValidation(t), goParse(t)
	for name, a := range out.Answers {
		if diff := cmp.Diff(validation, a.Validation); diff != "" {
			t.Errorf("%s: validateRuleGroup differs from querybuilder.Validate (-go +js):\n%s", name, diff)
		}
		if diff := cmp.Diff(parse, a.Parse); diff != "" {
			t.Errorf("%s: parse differs from recq parse (-go +js):\n%s", name, diff)
		}
	}
	if out.Fields < 10 || !out.Refused {
		t.Errorf("fields %d, refused %v", out.Fields, out.Refused)
	}
}
