// app.js: the query-builder page (docs/PAGE.md). The controls and the URL
// box are two views of one query; the validator (recq in WebAssembly)
// decides what is valid and writes the canonical URL, so the page never
// guesses what the server will say.
import { parse, schema, tenantZone } from "./engine.js";
import { $ } from "./dom.js";
import { newState, toURL, fromCanonical } from "./query.js";
import { controls } from "./controls.js";
import { urlbox } from "./urlbox.js";
import { preview } from "./preview.js";
import { runner } from "./run.js";

const sch = schema();
let last = null; // the last report of the validator, accepted or refused

const pv = preview($("preview"), parse, tenantZone);
const box = urlbox({ onInput: fromBox, onCommit: commit });
const ui = controls(sch, newState(), fromControls, today);
const runs = runner({ jsonURL, current: () => last, goToPage });

// fromControls: a control changed; the box shows the canonical URL, or the
// URL as the controls write it with its faults underlined.
function fromControls(st) {
  const raw = toURL(st);
  last = parse(raw);
  box.show(last.error ? raw : last.canonical, faultsOf(last));
  pv.show(last, $("tenant").value);
  readiness();
}

// fromBox: the user typed or pasted into the box; an accepted request
// fills the controls, a refused one leaves them at the last accepted.
function fromBox(text, ev) {
  last = parse(text);
  box.show(text, faultsOf(last), { keepText: true });
  if (ev) performance.measure("recq-keystroke-faults", { start: ev.timeStamp, end: performance.now() });
  if (!last.error) ui.set(fromCanonical(last.canonical, ui.state));
  pv.show(last, $("tenant").value);
  readiness();
  if (ev) performance.measure("recq-keystroke-all", { start: ev.timeStamp, end: performance.now() });
}

// commit writes an accepted request in its canonical form (Enter, or
// leaving the box).
function commit() {
  last = parse(box.value);
  if (!last.error) box.show(last.canonical, []);
}

function faultsOf(r) {
  return r.error ? (r.errors?.length ? r.errors : [r.error]) : [];
}

// jsonURL is the request for the table: the same one in JSON.
function jsonURL(r) {
  const [path, query] = r.canonical.split(/\?(.*)/s);
  const json = path.replace(/\.(xml|json|csv)$/, "") + ".json";
  return query ? json + "?" + query : json;
}

function goToPage(n) {
  const st = ui.state;
  st.n = n;
  ui.set(st);
  fromControls(st);
  runs.run();
}

// today is the current date in the query's zone on the server's clock.
function today() {
  const zone = ui?.state?.tz || tenantZone;
  const r = parse(`/files?d=today&tz=${encodeURIComponent(zone)}`);
  return r.d ? r.d.from.slice(0, 10) : new Date().toISOString().slice(0, 10);
}

function readiness() {
  $("run").disabled = !!last?.error || !$("tenant").value || !$("token").value;
}

for (const id of ["tenant", "token"]) {
  $(id).addEventListener("input", () => {
    readiness();
    if (!last?.error) pv.show(last, $("tenant").value);
  });
}
$("run").addEventListener("click", () => runs.run());
$("controls").addEventListener("submit", (ev) => ev.preventDefault());

fromControls(ui.state);
box.enable();
$("status").textContent = `Ready: the validator is recq ${sch.version ?? ""}, in this page.`;
document.documentElement.dataset.ready = "true";
performance.mark("recq-ready");
