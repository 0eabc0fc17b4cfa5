// recq.js: recq's query validator in the browser, an ES module around recq
// compiled to WebAssembly (cmd/recq-wasm). No build step: serve this file,
// wasm_exec.js and recq.wasm from one directory and import it.
//
//   import * as recq from "/_recq/recq.js";
//   recq.parse("GET", "/files?d=today-1d,today&tz=America/Denver",
//              {now: new Date(), tenantZone: "UTC"});
//
// Every function returns a plain object: what `recq parse` prints (accepted,
// or refused as {error, errors}), what `recq schema` prints, and so on
// (docs/BROWSER.md). A misuse (bad options) throws.
import "./wasm_exec.js"; // defines globalThis.Go

const wasmURL = new URL("./recq.wasm", import.meta.url);

async function instantiate(go) {
  if (WebAssembly.instantiateStreaming) {
    try {
      const { instance } = await WebAssembly.instantiateStreaming(fetch(wasmURL), go.importObject);
      return instance;
    } catch (e) {
      // A server that does not say application/wasm: read the bytes instead.
    }
  }
  const response = await fetch(wasmURL);
  if (!response.ok) throw new Error(`recq: ${wasmURL}: ${response.status} ${response.statusText}`);
  const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject);
  return instance;
}

// exports are the instance's own functions (recq_buffer, recq_call,
// recq_result, mem) when this module started it.
let exports = null;

/** ready resolves to globalThis.recq once the WebAssembly module runs. */
export const ready = (async () => {
  if (!globalThis.recq) {
    const go = new globalThis.Go();
    const instance = await instantiate(go);
    go.run(instance); // runs for the life of the page; never resolves
    if (instance.exports.recq_call) exports = instance.exports;
  }
  return globalThis.recq;
})();
await ready;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// callText runs one call, [name, ...args] as JSON text, and returns the
// answer's JSON text: through the instance's exports when this module
// started it (bytes written into and read from its memory, no js.Value, no
// event for Go's scheduler), else through globalThis.recq._call.
function callText(text) {
  if (!exports) return globalThis.recq._call(text);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: room for that, and the
  // text encoded straight into it.
  const room = text.length * 3;
  const at = exports.recq_buffer(room);
  const { written } = encoder.encodeInto(text, new Uint8Array(exports.mem.buffer, at, room));
  const size = exports.recq_call(written);
  return decoder.decode(new Uint8Array(exports.mem.buffer, exports.recq_result(), size));
}

// call runs one function; the answers are those of globalThis.recq's
// functions of the same names.
function call(name, ...args) {
  const answer = JSON.parse(callText(JSON.stringify([name, ...args])));
  if ("throw" in answer) throw new Error(answer.throw);
  return answer.ok;
}

// options turns a Date in options.now into RFC 3339 text.
function options(o) {
  return o && o.now instanceof Date ? { ...o, now: o.now.toISOString() } : o;
}

/**
 * parse reads one request as the API would: method GET or DELETE, target a
 * path with its query or a whole URL. options: {now: Date | RFC 3339 text |
 * milliseconds (default: the browser's clock), tenantZone (default "UTC")}.
 * Returns exactly what `recq parse` prints: {method, resource, format,
 * canonical, zone, d, startDate, finishDate, fields, metaData, n, warnings}
 * or {error, errors}, each error with variable, pos, message, hint and the
 * library's code, span, utf16 and suggestions.
 */
export function parse(method, target, opts) {
  return call("parse", method, target, options(opts));
}

/** schema returns what `recq schema` prints. */
export function schema() {
  return call("schema");
}

/** fields returns react-querybuilder's fields for "files" or "transcripts". */
export function fields(resource = "files") {
  return call("fields", resource);
}

/** fromJSON checks a Query's JSON form: {query, canonical} or {error, errors}. */
export function fromJSON(query) {
  return call("fromJSON", query);
}

/** canonical returns {canonical} for a Query's JSON form, or {error, errors}. */
export function canonical(query) {
  return call("canonical", query);
}

/** resolve is parse for a Query's JSON form: its windows as instants. */
export function resolve(query, opts) {
  return call("resolve", query, options(opts));
}

/** toRuleGroup returns react-querybuilder's rule group for a Query's JSON form. */
export function toRuleGroup(query) {
  return call("toRuleGroup", query);
}

/**
 * fromRuleGroup reads a react-querybuilder rule group as the variables of
 * {resource: "files" | "transcripts", format: "xml" | "json" | "csv"}:
 * {query, canonical}, or {error, errors}, each error naming its rule.
 */
export function fromRuleGroup(group, opts) {
  return call("fromRuleGroup", group, opts);
}

/**
 * validateRuleGroup returns react-querybuilder's ValidationMap for a rule
 * group: {[ruleId]: {valid, reasons: [{code, message, hint, suggestions}]}};
 * use it as the query builder's validator.
 */
export function validateRuleGroup(group, opts) {
  return call("validateRuleGroup", group, opts);
}
