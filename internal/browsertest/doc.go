// Package browsertest starts Debian's chromium, headless, for tests that must
// run in a real browser (the WebAssembly validator, the query-builder page).
//
// A test calls [New] for a fresh browser and drives the returned context with
// chromedp (github.com/chromedp/chromedp, a test-only dependency), or calls
// [Eval] for the value of a JavaScript expression. When chromium is missing or
// cannot start, the test is skipped with one line saying how to install it,
// except under CI=true, where it fails: CI must never pass a browser test by
// skipping it (docs/BROWSER.md).
package browsertest
