//go:build js && wasm

package main

import (
	"time"
	"unsafe"
)

// The fastest way in: two functions the WebAssembly instance exports
// (go:wasmexport), which the ES module calls directly, with no js.Value and
// no event for Go's scheduler. The caller asks recq_buffer for room for its
// request (the JSON text that recq._call takes), writes it there, calls
// recq_call with its length, and reads the answer's bytes at recq_result.
// Go's memory does not move, and both buffers are held by these variables.
var (
	exportAPI = api{now: time.Now}
	request   []byte
	answer    []byte
)

//go:wasmexport recq_buffer
func recqBuffer(size int32) unsafe.Pointer {
	if size < 0 {
		size = 0
	}
	if cap(request) < int(size) || cap(request) == 0 {
		request = make([]byte, max(int(size), 256))
	}
	request = request[:size]
	return unsafe.Pointer(unsafe.SliceData(request))
}

//go:wasmexport recq_call
func recqCall(size int32) int32 {
	if size < 0 || int(size) > len(request) {
		answer = []byte(`{"throw":"recq: recq_call: the size is not that of the buffer"}`)
	} else {
		answer = appendCall(answer[:0], exportAPI, string(request[:size]))
	}
	return int32(len(answer))
}

//go:wasmexport recq_result
func recqResult() unsafe.Pointer {
	return unsafe.Pointer(unsafe.SliceData(answer))
}
