package web_test

import (
	"context"
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
		"/files?filter=duration=gt=600;(agentID==bill,agentID==ann);startDate=ge=today-7d;finishDate=in=(today,today-1d);queueName=out=(a,b)",
	} {
		paste(t, ctx, req)
		checkNames(t, ctx, req)
	}
	// The builder's editors that no request reads back into: two ends of
	// a between, and a rule at fault.
	paste(t, ctx, "/files")
	click(t, ctx, "#fg-add-group")
	setValue(t, ctx, "fg-0-0-field", "startDate")
	setValue(t, ctx, "fg-0-0-op", "between")
	setValue(t, ctx, "fg-0-0-value-0", "today-7")
	setValue(t, ctx, "fg-0-0-value-1", "today")
	checkNames(t, ctx, "a between in a group, at fault")
}

// checkNames fails for each control of the page without an accessible name.
func checkNames(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	unnamed := eval[[]string](t, ctx, `[...document.querySelectorAll("input, select, textarea, button")].filter((el) => {
		const label = [...(el.labels ?? [])].map((l) => l.textContent.trim()).join("");
		const by = (el.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join("");
		return !(label || el.getAttribute("aria-label") || by || (el.tagName === "BUTTON" && el.textContent.trim()));
	}).map((el) => el.outerHTML.slice(0, 120))`)
	if len(unnamed) > 0 {
		t.Errorf("%s: controls without a name:\n%v", state, unnamed)
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
	paste(t, ctx, "/files?d=today-1d,today&agentID=bill&filter=(duration=gt=600,agentID==ann)")
	eval[bool](t, ctx, `(document.activeElement.blur(), window.scrollTo(0, 0), true)`)
	var seen []string
	for range 120 {
		do(t, ctx, chromedp.KeyEvent(kb.Tab))
		id := eval[string](t, ctx, `document.activeElement.id || document.activeElement.dataset.preset || document.activeElement.tagName`)
		seen = append(seen, id)
		if id == "run" {
			break
		}
	}
	for _, want := range []string{"url", "resource", "format", "d-mode", "today", "yesterday", "last7",
		"d-from-kind", "d-from-days", "d-to-kind", "d-to-days", "sd-on", "fd-on", "tz",
		"field-0-name", "field-0-value", "add-field",
		"fg-comb", "fg-not", "fg-add-rule", "fg-add-group", "fg-0-not", "fg-0-field", "fg-0-op", "fg-0-value", "fg-0-remove", "fg-1-value",
		"meta-name", "meta-value", "n", "next", "tenant", "token"} {
		if !slices.Contains(seen, want) {
			t.Errorf("Tab never reaches #%s; it goes %v", want, seen)
		}
	}

	// Space on a preset, Enter on a suggestion: no mouse.
	do(t, ctx, chromedp.Focus(chromedp.CSS(`[data-preset="last7"]`)), chromedp.KeyEvent(" "))
	if got := urlText(t, ctx); got != "/files?d=today-7d,today&agentID=bill&filter=duration=gt=600,agentID==ann" {
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
	fits := func(state string) {
		t.Helper()
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
			wide := eval[[]string](t, ctx, `[...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > 391 && !el.closest(".table-wrap")).map((el) => el.tagName + "#" + el.id + "." + el.className).slice(0, 10)`)
			t.Errorf("%s: the page is %d px wide at 390: %v", state, w, wide)
		}
	}
	fits("after a run")

	// The filter builder, three groups deep, with a between, a list and a
	// rule at fault; then the run refused by a server without filters.
	paste(t, ctx, "/files?filter=duration=gt=600;(agentID==bill,(queueName=in=(a,b);transactionCode.name==*Sale*));startDate=ge=today-7d")
	click(t, ctx, "#fg-1-1-add-rule")
	setValue(t, ctx, "fg-1-1-2-field", "finishDate")
	setValue(t, ctx, "fg-1-1-2-op", "notBetween")
	setValue(t, ctx, "fg-1-1-2-value-0", "today-7")
	setValue(t, ctx, "fg-1-1-2-value-1", "today")
	if n := eval[int](t, ctx, `document.querySelectorAll("#groups .rule-fault").length`); n == 0 {
		t.Error("no rule at fault")
	}
	fits("the builder with a fault")
	setValue(t, ctx, "fg-1-1-2-value-0", "today-7d")
	click(t, ctx, "#run")
	waitResult(t, ctx)
	if !eval[bool](t, ctx, `!!document.getElementById("recq-get")`) {
		t.Error("no recq get command after the refusal")
	}
	fits("the recq get command")
}
