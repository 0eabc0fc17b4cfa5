// recq.js: recq's query validator in the browser, an ES module around recq
// compiled to WebAssembly (cmd/recq-wasm). No build step: serve this file,
// load.js, wasm_exec.js and recq.wasm from one directory and import it, as
// `recq serve` does under /_recq/. (For a page of your own, a bundler or
// node, use load.js or the npm package in js/: docs/BROWSER.md.)
//
//   import * as recq from "/_recq/recq.js";
//   recq.parse("GET", "/files?d=today-1d,today&tz=America/Denver",
//              {now: new Date(), tenantZone: "UTC"});
//
// Every function returns a plain object: what `recq parse` prints (accepted,
// or refused as {error, errors}), what `recq schema` prints, and so on
// (docs/BROWSER.md). A misuse (bad options) throws.
import { load, bind } from "./load.js";

// api is the module's functions: of the instance this file starts, or,
// when a page started the module itself, through globalThis.recq._call.
let api = null;

/** ready resolves to globalThis.recq once the WebAssembly module runs. */
export const ready = (async () => {
  api = globalThis.recq
    ? bind((text) => globalThis.recq._call(text))
    : await load(new URL("./recq.wasm", import.meta.url));
  return globalThis.recq;
})();
await ready;

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
  return api.parse(method, target, opts);
}

/** schema returns what `recq schema` prints. */
export function schema() {
  return api.schema();
}

/** fields returns react-querybuilder's fields for "files" or "transcripts". */
export function fields(resource = "files") {
  return api.fields(resource);
}

/** fromJSON checks a Query's JSON form: {query, canonical} or {error, errors}. */
export function fromJSON(query) {
  return api.fromJSON(query);
}

/** canonical returns {canonical} for a Query's JSON form, or {error, errors}. */
export function canonical(query) {
  return api.canonical(query);
}

/** resolve is parse for a Query's JSON form: its windows as instants. */
export function resolve(query, opts) {
  return api.resolve(query, opts);
}

/** toRuleGroup returns react-querybuilder's rule group for a Query's JSON form. */
export function toRuleGroup(query) {
  return api.toRuleGroup(query);
}

/**
 * fromRuleGroup reads a react-querybuilder rule group as the variables of
 * {resource: "files" | "transcripts", format: "xml" | "json" | "csv"}:
 * {query, canonical}, or {error, errors}, each error naming its rule.
 */
export function fromRuleGroup(group, opts) {
  return api.fromRuleGroup(group, opts);
}

/**
 * validateRuleGroup returns react-querybuilder's ValidationMap for a rule
 * group: {[ruleId]: {valid, reasons: [{code, message, hint, suggestions}]}};
 * use it as the query builder's validator.
 */
export function validateRuleGroup(group, opts) {
  return api.validateRuleGroup(group, opts);
}
