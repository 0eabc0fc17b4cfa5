// load.js: recq's validator from a WebAssembly module the caller names, as an
// object of plain functions (docs/BROWSER.md). The one loader of the module:
// web/recq.js (the page's, served under /_recq/) and the npm package (js/)
// both call it. It runs in browsers, bundlers, node and test runners: it
// reads no file and knows no path itself; node's entry of the package turns a
// path into bytes before it calls load.
//
//   import { load } from "./load.js";
//   const recq = await load(new URL("./recq.wasm", import.meta.url));
//   recq.parse("GET", "/files?d=today-1d,today", { now: new Date() });

/**
 * load starts one instance of the module and returns its functions. source
 * is where the module is: a URL (string or URL object, fetched), a Response
 * or a promise of one, the module's bytes (ArrayBuffer or a typed array,
 * plain or gzip-compressed as web/recq.wasm.gz is), or a compiled
 * WebAssembly.Module. Each call starts a new instance (a few MiB); start
 * one and keep it.
 */
export async function load(source) {
  if (source === undefined || source === null) {
    throw new TypeError("recq: load needs the module: a URL, a Response, its bytes or a WebAssembly.Module");
  }
  // wasm_exec.js defines globalThis.Go (and, where they are missing, the
  // stand-ins Go's runtime reads: globalThis.fs, process and path). It is
  // imported here, not at the top, so that importing this file changes
  // nothing until a module is loaded.
  await import("./wasm_exec.js");
  const go = new globalThis.Go();
  const instance = await instantiate(await source, go.importObject);
  go.run(instance); // runs for the life of the page or process; never resolves
  if (!instance.exports.recq_call) {
    throw new Error("recq: the module exports no recq_call: it is not recq's browser module (cmd/recq-wasm)");
  }
  return bind(exportsCall(instance.exports));
}

// instantiate turns any source load takes into a running instance.
async function instantiate(source, imports) {
  if (source instanceof WebAssembly.Module) {
    return WebAssembly.instantiate(source, imports);
  }
  if (typeof source === "string" || source instanceof URL) {
    const response = await fetch(source);
    return instantiate(checked(response, source), imports);
  }
  if (typeof Response !== "undefined" && source instanceof Response) {
    const response = checked(source, source.url);
    const type = response.headers.get("Content-Type") || "";
    // Served as application/wasm (gzip'd or not by the transport, which
    // the browser undoes): compiled while it downloads.
    if (WebAssembly.instantiateStreaming && type.split(";")[0].trim() === "application/wasm") {
      const { instance } = await WebAssembly.instantiateStreaming(response, imports);
      return instance;
    }
    const bytes = await wasmBytes(await response.arrayBuffer(), () =>
      `${response.url || "the response"} is ${type || "untyped"}, not the module` +
      (type.startsWith("text/html")
        ? ": a dev server's fallback page? Its pre-bundling may have moved the package away from its recq.wasm.gz" +
          ' (Vite: optimizeDeps: {exclude: ["@recq/recq"]}); or pass load the module\'s URL'
        : ""));
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    return instance;
  }
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    const { instance } = await WebAssembly.instantiate(await wasmBytes(source, () => "these bytes are neither WebAssembly nor gzip-compressed WebAssembly"), imports);
    return instance;
  }
  throw new TypeError("recq: load takes a URL, a Response, the module's bytes or a WebAssembly.Module, not " + Object.prototype.toString.call(source));
}

// checked throws for a response that is not the file.
function checked(response, what) {
  if (!response.ok) throw new Error(`recq: ${what}: ${response.status} ${response.statusText}`);
  return response;
}

// wasmBytes returns the module's bytes, gunzipped when they are gzip's
// (1f 8b), as they are when they begin with WebAssembly's \0asm; anything
// else throws what notModule says.
async function wasmBytes(source, notModule) {
  const bytes = source instanceof ArrayBuffer ? new Uint8Array(source) : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    if (typeof DecompressionStream === "undefined") {
      throw new Error("recq: the module is gzip-compressed and this runtime has no DecompressionStream: pass its bytes gunzipped");
    }
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  if (bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d) return bytes;
  throw new Error("recq: " + notModule());
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// exportsCall returns a function that runs one call, [name, ...args] as JSON
// text, and returns the answer's JSON text through the instance's exports:
// the text written into and read from its memory, no js.Value, no event for
// Go's scheduler.
function exportsCall(exports) {
  return (text) => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: room for that, and the
    // text encoded straight into it.
    const room = text.length * 3;
    const at = exports.recq_buffer(room);
    const { written } = encoder.encodeInto(text, new Uint8Array(exports.mem.buffer, at, room));
    const size = exports.recq_call(written);
    return decoder.decode(new Uint8Array(exports.mem.buffer, exports.recq_result(), size));
  };
}

// options turns a Date in options.now into RFC 3339 text.
function options(o) {
  return o && o.now instanceof Date ? { ...o, now: o.now.toISOString() } : o;
}

/**
 * bind returns the module's functions over callText, which runs one call
 * given as JSON text ([name, ...args]) and returns the answer's JSON text
 * ({"ok": value} or {"throw": message}): the instance's exports, or
 * globalThis.recq._call for a module started by someone else.
 */
export function bind(callText) {
  const call = (name, ...args) => {
    const answer = JSON.parse(callText(JSON.stringify([name, ...args])));
    if ("throw" in answer) throw new Error(answer.throw);
    return answer.ok;
  };
  return Object.freeze({
    /**
     * parse reads one request as the API would: method GET or DELETE,
     * target a path with its query or a whole URL. options: {now: Date |
     * RFC 3339 text | milliseconds (default: the caller's clock),
     * tenantZone (default "UTC")}. Returns exactly what `recq parse`
     * prints: the report, or {error, errors}.
     */
    parse: (method, target, opts) => call("parse", method, target, options(opts)),
    /** schema returns what `recq schema` prints. */
    schema: () => call("schema"),
    /** fields returns react-querybuilder's fields for "files" or "transcripts". */
    fields: (resource = "files") => call("fields", resource),
    /** fromJSON checks a Query's JSON form: {query, canonical} or {error, errors}. */
    fromJSON: (query) => call("fromJSON", query),
    /** canonical returns {canonical} for a Query's JSON form, or {error, errors}. */
    canonical: (query) => call("canonical", query),
    /** resolve is parse for a Query's JSON form: its windows as instants. */
    resolve: (query, opts) => call("resolve", query, options(opts)),
    /** toRuleGroup returns react-querybuilder's rule group for a Query's JSON form. */
    toRuleGroup: (query) => call("toRuleGroup", query),
    /** fromRuleGroup reads a rule group: {query, canonical}, or {error, errors}, each error naming its rule. */
    fromRuleGroup: (group, opts) => call("fromRuleGroup", group, opts),
    /** validateRuleGroup returns react-querybuilder's ValidationMap for a rule group. */
    validateRuleGroup: (group, opts) => call("validateRuleGroup", group, opts),
  });
}
