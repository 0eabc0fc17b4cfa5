//go:build js && wasm

package main

import (
	"runtime/debug"
	"syscall/js"
	"time"
)

// The JavaScript functions each call uses, looked up once: every lookup is a
// crossing between WebAssembly and JavaScript.
var (
	jsonParse     = js.Global().Get("JSON").Get("parse")
	jsonStringify = js.Global().Get("JSON").Get("stringify")
	jsError       = js.Global().Get("Error")
)

func main() {
	// Collect garbage only past 16 MiB of heap: the module's live heap is a
	// few MiB (2.3 with every zone loaded), each call leaves about 1.5 KiB,
	// and in WebAssembly Go collects on the caller's time, in one thread.
	// Measured: less time per call than the default, and than 64 MiB, whose
	// heap spreads further through memory (bench/README.md).
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(16 << 20)
	a := api{now: time.Now} // the browser's clock, when the caller gives none
	recq := js.Global().Get("Object").New()
	export := func(name string, f func(args []string) ([]byte, error)) {
		recq.Set(name, js.FuncOf(func(this js.Value, args []js.Value) any {
			texts := make([]string, len(args))
			for i, v := range args {
				texts[i] = text(v)
			}
			return value(f(texts))
		}))
	}
	export("parse", func(s []string) ([]byte, error) { return a.Parse(nil, arg(s, 0), arg(s, 1), arg(s, 2)) })
	export("schema", func(s []string) ([]byte, error) { return a.Schema(nil) })
	export("fields", func(s []string) ([]byte, error) { return a.Fields(nil, arg(s, 0)) })
	export("fromJSON", func(s []string) ([]byte, error) { return a.FromJSON(nil, arg(s, 0)) })
	export("canonical", func(s []string) ([]byte, error) { return a.Canonical(nil, arg(s, 0)) })
	export("resolve", func(s []string) ([]byte, error) { return a.Resolve(nil, arg(s, 0), arg(s, 1)) })
	export("toRuleGroup", func(s []string) ([]byte, error) { return a.ToRuleGroup(nil, arg(s, 0)) })
	export("fromRuleGroup", func(s []string) ([]byte, error) { return a.FromRuleGroup(nil, arg(s, 0), arg(s, 1)) })
	export("validateRuleGroup", func(s []string) ([]byte, error) { return a.ValidateRuleGroup(nil, arg(s, 0), arg(s, 1)) })
	// _call is the same functions with one string in and one out, for the ES
	// module (web/recq.js): recq._call(JSON.stringify([name, ...args]))
	// returns {"ok": value} or {"throw": message} as JSON text. Each value
	// crossing between WebAssembly and JavaScript costs more than the parse
	// itself, and this way a call crosses twice.
	recq.Set("_call", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return `{"throw":"recq._call takes one JSON text"}`
		}
		return dispatch(a, args[0].String())
	}))
	js.Global().Set("recq", recq)
	select {} // the functions live as long as the page
}

// text is a JavaScript argument as Go's functions take it: a string as it
// is, anything else as JSON.
func text(v js.Value) string {
	switch v.Type() {
	case js.TypeString:
		return v.String()
	case js.TypeUndefined, js.TypeNull:
		return ""
	}
	return jsonStringify.Invoke(v).String()
}

// value is a Go answer as a JavaScript value: its JSON parsed, or an Error
// for a misuse, which the ES module throws.
func value(b []byte, err error) any {
	if err == nil {
		return jsonParse.Invoke(string(b))
	}
	return jsError.New("recq: " + err.Error())
}

func arg(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}
