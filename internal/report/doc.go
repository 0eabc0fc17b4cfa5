// Package report appends what `recq parse` prints (docs/LANGUAGE.md §9) as
// JSON text, byte for byte as encoding/json writes the values of package
// asvalue (append_test.go holds the two to each other): the browser module
// (cmd/recq-wasm) answers with it, without linking encoding/json, package
// encode or the root package (docs/BROWSER.md).
package report
