package js

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/recq/recq/internal/browsertest"
)

// viteDir holds a Vite app's files: index.html and main.js.
const viteDir = "testdata/vite"

// TestVite bundles an app that imports @recq/recq with vite build, in a
// project that installed the packed tarball, and runs the bundle in
// chromium: Vite must pick the browser entry, emit the package's
// recq.wasm.gz as an asset (the same bytes as web's), and the app's load()
// must find it there and answer as the Go library does.
func TestVite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs vite for seconds to tens of seconds: run without -short")
	}
	project := userProject(t)
	linkTools(t, project)
	copyFiles(t, viteDir, project)
	run(t, project, nil, tool(t, "node"), filepath.Join("node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn")
	dist := filepath.Join(project, "dist")

	assets, err := filepath.Glob(filepath.Join(dist, "assets", "recq.wasm-*.gz"))
	if err != nil || len(assets) != 1 {
		t.Fatalf("vite emitted %v as the module, want one recq.wasm-*.gz (%v)", assets, err)
	}
	emitted, err := os.ReadFile(assets[0])
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "web", "recq.wasm.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(emitted, committed) {
		t.Errorf("the emitted %s is not web/recq.wasm.gz", filepath.Base(assets[0]))
	}

	in := input(t)
	files := http.FileServer(http.Dir(dist))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/input.json" {
			w.Header().Set("Content-Type", "application/json")
			w.Write(in)
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	text := browsertest.Eval[string](t, ctx, `new Promise((ok) => {
		const wait = () => window.answer ? ok(window.answer) : setTimeout(wait, 10);
		wait();
	})`)
	var out struct {
		Validation, Parse any
		Fields            int
		Refused           bool
	}
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		t.Fatalf("%v: %s", err, text)
	}
	if diff := cmp.Diff(goValidation(t), out.Validation); diff != "" {
		t.Errorf("the validator differs from querybuilder.Validate (-go +js):\n%s", diff)
	}
	if diff := cmp.Diff(goParse(t), out.Parse); diff != "" {
		t.Errorf("parse differs from recq parse (-go +js):\n%s", diff)
	}
	if out.Fields < 10 || !out.Refused {
		t.Errorf("fields %d, refused %v", out.Fields, out.Refused)
	}
}

// TestViteDev runs the app on Vite's dev server, as a UI developer does,
// and opens it in chromium. The dev server pre-bundles dependencies, which
// moves the package's entry away from its recq.wasm.gz: without the one
// line of configuration the README gives, load() must fail saying so (and
// not with a WebAssembly compile error over an HTML page); with it, the
// app answers as the Go library does.
func TestViteDev(t *testing.T) {
	if testing.Short() {
		t.Skip("runs vite for seconds to tens of seconds: run without -short")
	}
	project := userProject(t)
	linkTools(t, project)
	copyFiles(t, viteDir, project)
	public := filepath.Join(project, "public")
	if err := os.MkdirAll(public, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(public, "input.json"), input(t), 0o644); err != nil {
		t.Fatal(err)
	}
	node := tool(t, "node")
	ctx := browsertest.New(t)

	answer := func(config string) string {
		t.Helper()
		if err := os.WriteFile(filepath.Join(project, "vite.config.js"), []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
		// A fresh cache each time: the dev server's pre-bundling depends on the configuration.
		os.RemoveAll(filepath.Join(project, "node_modules", ".vite"))
		url := startVite(t, project, node)
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
		return browsertest.Eval[string](t, ctx, `new Promise((ok) => {
			const wait = () => window.answer ? ok(window.answer.catch((e) => JSON.stringify({ error: String(e) }))) : setTimeout(wait, 10);
			wait();
		})`)
	}

	var failed struct{ Error string }
	text := answer(`export default {};`)
	if err := json.Unmarshal([]byte(text), &failed); err != nil || !strings.Contains(failed.Error, `optimizeDeps: {exclude: ["@recq/recq"]}`) {
		t.Errorf("without the configuration: %s, want load's error naming optimizeDeps.exclude", text)
	}

	text = answer(`export default { optimizeDeps: { exclude: ["@recq/recq"] } };`)
	var out struct {
		Validation, Parse any
		Error             string
	}
	if err := json.Unmarshal([]byte(text), &out); err != nil || out.Error != "" {
		t.Fatalf("with optimizeDeps.exclude: %v: %s", err, text)
	}
	if diff := cmp.Diff(goValidation(t), out.Validation); diff != "" {
		t.Errorf("the validator differs from querybuilder.Validate (-go +js):\n%s", diff)
	}
	if diff := cmp.Diff(goParse(t), out.Parse); diff != "" {
		t.Errorf("parse differs from recq parse (-go +js):\n%s", diff)
	}
}

// startVite starts Vite's dev server for the project on a free loopback
// port, waits until it answers, and returns its address; the server is
// stopped when the test ends.
func startVite(t *testing.T, project, node string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	cmd := exec.Command(node, filepath.Join("node_modules", "vite", "bin", "vite.js"), "--host", "127.0.0.1", "--port", port, "--strictPort", "--logLevel", "warn")
	cmd.Dir = project
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	url := "http://127.0.0.1:" + port + "/"
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			t.Fatalf("vite exited: %v\n%s", err, output.Bytes())
		default:
		}
		if res, err := client.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return url
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("vite did not answer on %s in 30 s:\n%s", url, output.Bytes())
	return ""
}
