package web_test

import (
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/recq/recq/internal/browsertest"
)

// TestEveryControlHasAName checks that a screen reader can name every
// control of the page, in each state the tests put it in.
func TestEveryControlHasAName(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	for _, req := range []string{
		"/files",
		"/files.csv?d=today-1d,today&tz=America/Denver&start-date=2007-12-19T13:15Z&finish-date=today&agentID=bill&duration=27&metaData_fieldName=Col&n=51",
		"/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant",
		"/files?Start-Date=x&tz=america/new_york",
	} {
		paste(t, ctx, req)
		unnamed := eval[[]string](t, ctx, `[...document.querySelectorAll("input, select, textarea, button")].filter((el) => {
			const label = [...(el.labels ?? [])].map((l) => l.textContent.trim()).join("");
			const by = (el.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join("");
			return !(label || el.getAttribute("aria-label") || by || (el.tagName === "BUTTON" && el.textContent.trim()));
		}).map((el) => el.outerHTML.slice(0, 120))`)
		if len(unnamed) > 0 {
			t.Errorf("%s: controls without a name:\n%v", req, unnamed)
		}
	}
}

// TestKeyboardReachesEveryControl tabs through the page from the top: every
// control is reached, and a preset and a suggestion work from the keyboard.
func TestKeyboardReachesEveryControl(t *testing.T) {
	s := newSite(t)
	ctx := browser(t, 1280, 900)
	open(t, ctx, s)
	click(t, ctx, `[data-preset="yesterday"]`)
	click(t, ctx, "#add-field")
	paste(t, ctx, "/files?d=today-1d,today&agentID=bill")
	eval[bool](t, ctx, `(document.activeElement.blur(), window.scrollTo(0, 0), true)`)
	var seen []string
	for range 80 {
		do(t, ctx, chromedp.KeyEvent(kb.Tab))
		id := eval[string](t, ctx, `document.activeElement.id || document.activeElement.dataset.preset || document.activeElement.tagName`)
		seen = append(seen, id)
		if id == "run" {
			break
		}
	}
	for _, want := range []string{"url", "resource", "format", "d-mode", "today", "yesterday", "last7",
		"d-from-kind", "d-from-days", "d-to-kind", "d-to-days", "sd-on", "fd-on", "tz",
		"field-0-name", "field-0-value", "add-field", "meta-name", "meta-value", "n", "next", "tenant", "token"} {
		if !slices.Contains(seen, want) {
			t.Errorf("Tab never reaches #%s; it goes %v", want, seen)
		}
	}

	// Space on a preset, Enter on a suggestion: no mouse.
	do(t, ctx, chromedp.Focus(chromedp.CSS(`[data-preset="last7"]`)), chromedp.KeyEvent(" "))
	if got := urlText(t, ctx); got != "/files?d=today-7d,today&agentID=bill" {
		t.Errorf("after Space on Last 7 days the URL is %s", got)
	}
	paste(t, ctx, "/files?Start-Date=2007-12-19")
	do(t, ctx, chromedp.Focus(chromedp.CSS("#faults button.suggestion")), chromedp.KeyEvent(kb.Enter))
	if got := urlText(t, ctx); got != "/files?start-date=2007-12-19" {
		t.Errorf("after Enter on the suggestion the URL is %s", got)
	}
}

// TestPhoneWidth loads the page at a phone's width after a run: nothing
// but the records table (which scrolls in its own box) is wider than the
// screen.
func TestPhoneWidth(t *testing.T) {
	s := newSite(t)
	ctx := browsertest.New(t)
	do(t, ctx, chromedp.EmulateViewport(390, 800, chromedp.EmulateMobile))
	open(t, ctx, s)
	paste(t, ctx, "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill&start-date=2007-12-19T13:15:00.25-08:00")
	login(t, ctx, testToken)
	click(t, ctx, "#run")
	waitResult(t, ctx)
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		wide := eval[[]string](t, ctx, `[...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > 391 && !el.closest(".table-wrap")).map((el) => el.tagName + "#" + el.id + "." + el.className).slice(0, 10)`)
		t.Errorf("the page is %d px wide at 390: %v", w, wide)
	}
}
