//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains how to build the command: it is only for the browser.
func main() {
	fmt.Fprintln(os.Stderr, "recq-wasm runs in a browser: GOOS=js GOARCH=wasm go build -o recq.wasm ./cmd/recq-wasm")
	os.Exit(1)
}
