// Command recq-wasm is recq compiled for the browser:
//
//	GOOS=js GOARCH=wasm go build -o recq.wasm ./cmd/recq-wasm
//
// Run with Go's wasm_exec.js, it defines globalThis.recq, whose functions
// take and return plain objects (JSON values): parse(method, target,
// {now, tenantZone}) returns exactly what `recq parse` prints, accepted or
// refused ({error, errors}); schema() what `recq schema` prints; and
// fromJSON, canonical, resolve, fields, toRuleGroup, fromRuleGroup and
// validateRuleGroup (docs/BROWSER.md). The ES module web/recq.js loads it.
// Zone data travels inside the module (package timezone embeds it), so
// zones work in the browser as on a server.
package main
