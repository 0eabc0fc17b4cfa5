// engine.js: the validator, recq itself compiled to WebAssembly, behind the
// few calls the page makes. Today is the server's clock, not the browser's,
// so that the preview resolves dates as the answers will.
import * as recq from "./recq.js";

await (recq.ready ?? recq.load?.() ?? recq.init?.());
const api = globalThis.recq ?? recq;

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
  return api.parse("GET", target, { now: now(), tenantZone });
}

/** schema returns the object `recq schema` prints. */
export function schema() {
  return api.schema();
}
