// engine.js: the validator, recq itself compiled to WebAssembly (recq.js,
// docs/BROWSER.md), behind the few calls the page makes. Today is the
// server's clock, not the browser's, so that the preview resolves dates as
// the answers will.
import * as recq from "./recq.js";

await recq.ready;

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content ?? "";

/** The zone of queries without tz: the server's tenant zone. */
export const tenantZone = meta("recq-tenant-zone") || "UTC";

const served = Date.parse(meta("recq-now"));
const servedAt = performance.now();

/** now is the server's clock reading at page load plus the time since. */
export function now() {
  const base = Number.isNaN(served) ? Date.now() - servedAt : served;
  return new Date(base + (performance.now() - servedAt)).toISOString();
}

/**
 * parse returns what `recq parse` prints for a GET of target: the accepted
 * report (canonical, zone, windows, warnings) or {error, errors}.
 */
export function parse(target) {
  return recq.parse("GET", target, { now: now(), tenantZone });
}

/** schema returns the object `recq schema` prints. */
export function schema() {
  return recq.schema();
}

/** fields returns react-querybuilder's fields of a list resource (files, transcripts). */
export function fields(resource) {
  return recq.fields(resource);
}

/** fromRuleGroup reads a rule group as a request: {query, canonical} or {error, errors}, each naming its rule. */
export function fromRuleGroup(group, opts) {
  return recq.fromRuleGroup(group, opts);
}

/** toRuleGroup writes a Query's JSON form as a rule group (its filter as the group with id "filter"). */
export function toRuleGroup(query) {
  return recq.toRuleGroup(query);
}

/** validateRuleGroup is react-querybuilder's ValidationMap of a rule group. */
export function validateRuleGroup(group, opts) {
  return recq.validateRuleGroup(group, opts);
}
