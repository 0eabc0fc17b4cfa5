// app.js: the query-builder page (docs/PAGE.md). The controls and the URL
// box are two views of one query; the validator (recq in WebAssembly)
// decides what is valid and writes the canonical URL, so the page never
// guesses what the server will say.
import { parse, schema, tenantZone, fields, fromRuleGroup, toRuleGroup, validateRuleGroup } from "./engine.js";
import { $ } from "./dom.js";
import { newState, toURL, fromCanonical } from "./query.js";
import { controls } from "./controls.js";
import { builder, rootID, rawFilter } from "./groups.js";
import { urlbox } from "./urlbox.js";
import { preview } from "./preview.js";
import { runner } from "./run.js";

const sch = schema();
let last = null; // the last report of the validator, accepted or refused
let groupFaults = []; // the filter builder's faults, when fromRuleGroup refuses its group
let groupText = ""; // then the group written as filter= text, for the box to underline its faults

// complement is react-querybuilder's operator that holds when op does not
// (the schema's table), for writing a refused group's NOT.
const complements = new Map();
for (const c of sch.filter?.builderComplements ?? []) complements.set(c.operator, c.complement).set(c.complement, c.operator);
const complement = (op) => complements.get(op);

const pv = preview($("preview"), parse, tenantZone);
const box = urlbox({ onInput: fromBox, onCommit: commit });
const fieldCache = new Map();
const fb = builder($("groups"), (r) => {
  if (!fieldCache.has(r)) fieldCache.set(r, fields(r));
  return fieldCache.get(r);
}, fromBuilder);
const ui = controls(sch, newState(), fromControls, today);
const runs = runner({ jsonURL, current: () => last, goToPage, tenantZone });

// fromControls: a control changed; the box shows the canonical URL, or the
// URL as the controls write it with its faults underlined.
function fromControls(st) {
  if (fb.resource !== st.resource) {
    fb.setResource(st.resource);
    writeFilter(st);
  }
  const raw = toURL(st);
  last = parse(raw);
  if (groupFaults.length) {
    // The builder's group is refused: no request until its rules are
    // fixed. The box shows the group written as text, its faults
    // underlined where the parser finds them, and lists the builder's
    // faults, whose fixes go to their rules.
    const shown = toURL({ ...st, filter: groupText });
    const check = parse(shown);
    const marks = check.error ? faultsOf(check).filter((f) => f.variable === "filter") : [];
    last = { error: groupFaults[0], errors: [...groupFaults, ...(last.error ? faultsOf(last) : [])] };
    box.show(shown, faultsOf(last), { marks });
  } else {
    box.show(last.error ? raw : last.canonical, faultsOf(last));
  }
  pv.show(last, $("tenant").value);
  readiness();
}

// fromBuilder: the filter builder changed.
function fromBuilder() {
  writeFilter(ui.state);
  fromControls(ui.state);
}

// writeFilter writes the builder's group into the model as filter=: the
// validator's fromRuleGroup writes it (the group inside the request's
// top-level group, with the id "filter", so that all of it is the filter),
// and validateRuleGroup marks each rule. A refused group leaves the
// faults, each on its rule, for the box and the builder to show.
function writeFilter(st) {
  const g = st.resource === "transcript" ? null : fb.group();
  groupFaults = [];
  if (!g) {
    st.filter = "";
    fb.mark({});
    return;
  }
  const top = { id: "root", combinator: "and", rules: [g] };
  const opts = { resource: st.resource, format: st.format };
  fb.mark(validateRuleGroup(top, opts));
  const r = fromRuleGroup(top, opts);
  if (r.error) {
    st.filter = "";
    groupText = rawFilter(g, complement);
    groupFaults = r.errors.map((e) => ({
      ...e, variable: "filter", where: `in the filter's ${ruleName(e.rule)}`,
      at: fb.spanText(e.rule, e.valueSpan), fix: (s) => fb.fix(e.rule, e.valueSpan, s),
    }));
    return;
  }
  st.filter = r.query.filter ?? "";
}

// ruleName names a rule of the builder by its place: filter/1/0 is rule 2.1.
function ruleName(id) {
  const nums = String(id).split("/").slice(1).map((n) => Number(n) + 1);
  return nums.length ? `rule ${nums.join(".")}` : "group";
}

// readFilter sets the builder from an accepted request's filter, through
// toRuleGroup: the filter is the group with the id "filter".
function readFilter(r) {
  if (!r.filter) { fb.set(null); return; }
  const g = toRuleGroup({ resource: r.resource, format: r.format, filter: r.filter });
  fb.set((g.rules ?? []).find((x) => x.id === rootID) ?? null);
}

// fromBox: the user typed or pasted into the box; an accepted request
// fills the controls, a refused one leaves them at the last accepted.
function fromBox(text, ev) {
  last = parse(text);
  box.show(text, faultsOf(last), { keepText: true });
  if (ev) performance.measure("recq-keystroke-faults", { start: ev.timeStamp, end: performance.now() });
  if (!last.error) {
    groupFaults = [];
    const st = fromCanonical(last.canonical, ui.state);
    fb.setResource(st.resource);
    readFilter(last);
    ui.set(st);
  }
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
$("status").textContent = `Ready: recq's own validator runs in this page (schema version ${sch.version}).`;
document.documentElement.dataset.ready = "true";
performance.mark("recq-ready");
