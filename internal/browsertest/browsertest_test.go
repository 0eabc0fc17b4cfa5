package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestEval checks that the browser runs scripts and that Eval waits for a
// promise and decodes its value.
func TestEval(t *testing.T) {
	ctx := New(t)
	if got := Eval[int](t, ctx, `1 + 2`); got != 3 {
		t.Errorf("1 + 2 = %d", got)
	}
	got := Eval[map[string]string](t, ctx, `Promise.resolve({zone: Intl.DateTimeFormat("en", {timeZone: "America/Denver"}).resolvedOptions().timeZone})`)
	if got["zone"] != "America/Denver" {
		t.Errorf("zone = %q", got["zone"])
	}
}

// TestNavigate checks that a page served by the test loads, and that its
// module scripts run.
func TestNavigate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<!doctype html><title>start</title><script type="module" src="/m.js"></script>`)
		case "/m.js":
			w.Header().Set("Content-Type", "text/javascript")
			fmt.Fprint(w, `document.title = "module ran";`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	ctx := New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	title := Eval[string](t, ctx, `new Promise(ok => {
		const check = () => document.title === "module ran" ? ok(document.title) : setTimeout(check, 10);
		check();
	})`)
	if title != "module ran" {
		t.Errorf("title = %q", title)
	}
}
