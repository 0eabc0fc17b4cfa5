// controls.js: the form built from the schema (resources, formats, fields
// with their kinds, zones), read into and written from the model of
// query.js. The user's edits change the model and call onChange; set()
// writes a model into the form, for a URL typed or pasted.
import { h, $ } from "./dom.js";
import { newEnd, endText } from "./query.js";

// The resources a GET can list or read, with what the page calls them.
const resourceLabels = {
  files: "files: call recordings",
  transcripts: "transcripts: chats",
  transcript: "one transcript, by interactionGUID",
};

// What a row's help says of each kind of value ([D-4]: the text as the
// response writes it).
const kindHelp = {
  integer: "a whole number, exactly as the API writes it: 27 matches, 027 does not",
  text: "exactly this text, case-sensitive",
};

export function controls(schema, state, onChange, today) {
  const byName = new Map(schema.resources.map((r) => [r.name, r]));
  const resources = Object.keys(resourceLabels).filter((n) => byName.has(n));
  const changed = () => onChange(state);

  const resource = $("resource");
  resource.replaceChildren(...resources.map((n) => h("option", { value: n }, resourceLabels[n])));
  resource.addEventListener("change", () => {
    state.resource = resource.value;
    const fmts = byName.get(state.resource).formats;
    if (!fmts.includes(state.format)) state.format = fmts[0];
    const names = fieldsOf(state.resource).map((f) => f.name);
    state.fields = state.fields.filter((f) => names.includes(f.name));
    set(state);
    changed();
  });
  const guid = $("guid");
  guid.addEventListener("input", () => { state.id = guid.value; changed(); });
  const format = $("format");
  format.addEventListener("change", () => { state.format = format.value; changed(); });

  // Dates.
  const dMode = $("d-mode");
  dMode.addEventListener("change", () => { state.dMode = dMode.value; showDates(); changed(); });
  const ends = {
    dFrom: endEditor($("d-from"), "d from", () => state.dFrom, changed, today),
    dTo: endEditor($("d-to"), "d up to, not including", () => state.dTo, changed, today),
    sd: endEditor($("sd"), "start-date", () => state.sd, changed, today),
    fd: endEditor($("fd"), "finish-date", () => state.fd, changed, today),
  };
  for (const [id, key] of [["sd-on", "sdOn"], ["fd-on", "fdOn"]]) {
    $(id).addEventListener("change", (ev) => {
      state[key] = ev.target.checked;
      const e = state[key.slice(0, 2)];
      if (e.kind === "absolute" && !e.date) e.date = today();
      set(state);
      changed();
    });
  }
  const rel = (days) => ({ ...newEnd("relative"), days });
  const presets = {
    today: () => { state.dMode = "one"; state.dFrom = rel(0); },
    yesterday: () => { state.dMode = "range"; state.dFrom = rel(-1); state.dTo = rel(0); },
    last7: () => { state.dMode = "range"; state.dFrom = rel(-7); state.dTo = rel(0); },
  };
  for (const b of document.querySelectorAll("[data-preset]")) {
    b.addEventListener("click", () => { presets[b.dataset.preset](); set(state); changed(); });
  }
  function showDates() {
    $("d-from").hidden = state.dMode === "none";
    $("d-to").hidden = state.dMode !== "range";
    ends.dFrom.label(state.dMode === "range" ? "from" : "the day");
    $("sd").hidden = !state.sdOn;
    $("fd").hidden = !state.fdOn;
  }

  const tz = $("tz");
  $("zones").replaceChildren(...schema.zones.map((z) => h("option", { value: z })));
  tz.placeholder = `tenant zone (${tenantZoneOf()})`;
  tz.addEventListener("input", () => { state.tz = tz.value.trim(); changed(); });

  // Field filters: one row each, the input suited to the field's kind.
  // The fields a query matches exactly: the schema's variables of kind
  // "exact", each with the kind of value the API writes (text, integer).
  function fieldsOf(res) {
    const r = byName.get(res);
    return (r?.variables ?? []).filter((v) => v.kind === "exact")
      .map((v) => ({ name: v.name, kind: v.valueKind ?? "text", description: v.description ?? "" }));
  }
  const list = $("fields");
  function renderFields() {
    const avail = fieldsOf(state.resource);
    list.replaceChildren(...state.fields.map((f, i) => fieldRow(f, i, avail)));
    $("add-field").disabled = state.resource === "transcript" || state.fields.length >= avail.length;
  }
  function fieldRow(f, i, avail) {
    const used = new Set(state.fields.map((x) => x.name));
    const info = avail.find((a) => a.name === f.name) ?? { kind: "text", description: "" };
    const kind = info.kind;
    const nameId = `field-${i}-name`, valueId = `field-${i}-value`, helpId = `field-${i}-help`;
    const sel = h("select", { id: nameId, "aria-label": `Field ${i + 1}: name` },
      avail.filter((a) => a.name === f.name || !used.has(a.name)).map((a) => h("option", { value: a.name, selected: a.name === f.name }, a.name)));
    sel.addEventListener("change", () => { f.name = sel.value; renderFields(); changed(); $(nameId)?.focus(); });
    const input = h("input", {
      id: valueId, type: "text", value: f.value, spellcheck: "false", autocomplete: "off",
      "aria-label": `Field ${i + 1}: value of ${f.name}`, "aria-describedby": helpId,
      inputmode: kind === "integer" ? "numeric" : undefined, pattern: kind === "integer" ? "[0-9]*" : undefined,
    });
    input.addEventListener("input", () => { f.value = input.value; changed(); });
    const remove = h("button", { type: "button", "aria-label": `Remove the ${f.name} filter` }, "Remove");
    remove.addEventListener("click", () => {
      state.fields.splice(i, 1);
      renderFields();
      changed();
      (list.querySelector("select") ?? $("add-field")).focus();
    });
    return h("li", { class: "field-row" }, sel, " = ", input, remove, h("span", { class: "help", id: helpId }, kindHelp[kind] ?? info.description));
  }
  $("add-field").addEventListener("click", () => {
    const used = new Set(state.fields.map((x) => x.name));
    const next = fieldsOf(state.resource).find((a) => !used.has(a.name));
    if (!next) return;
    state.fields.push({ name: next.name, value: "" });
    renderFields();
    list.querySelector("li:last-child select")?.focus();
    changed();
  });

  // Metadata.
  for (const [id, key] of [["meta-name", "metaName"], ["meta-value", "metaValue"]]) {
    $(id).addEventListener("input", (ev) => { state[key] = ev.target.value; changed(); });
  }

  // The page offset n.
  const n = $("n");
  n.addEventListener("input", () => {
    const v = Number(n.value);
    if (Number.isInteger(v) && v >= 1) { state.n = v; changed(); }
  });
  const step = (by) => { state.n = Math.max(1, state.n + by); n.value = state.n; changed(); };
  $("prev").addEventListener("click", () => step(-50));
  $("next").addEventListener("click", () => step(50));

  /** set writes a model into every control. */
  function set(st) {
    state = st;
    resource.value = st.resource;
    $("id-row").hidden = st.resource !== "transcript";
    guid.value = st.id;
    const fmts = byName.get(st.resource)?.formats ?? ["xml", "json", "csv"];
    format.replaceChildren(...fmts.map((f) => h("option", { value: f }, f.toUpperCase())));
    format.value = st.format;
    const one = st.resource === "transcript"; // one transcript takes no variables
    for (const sel of ["#dates", ".filters", "#filter-builder", ".meta", ".page"]) document.querySelector(sel).disabled = one;
    dMode.value = st.dMode;
    $("sd-on").checked = st.sdOn;
    $("fd-on").checked = st.fdOn;
    for (const e of Object.values(ends)) e.set();
    showDates();
    tz.value = st.tz;
    renderFields();
    $("meta-name").value = st.metaName;
    $("meta-value").value = st.metaValue;
    n.value = st.n;
    $("prev").disabled = st.n <= 1;
  }
  set(state);
  return { set, get state() { return state; } };
}

function tenantZoneOf() {
  return document.querySelector('meta[name="recq-tenant-zone"]')?.content || "UTC";
}

// endEditor is the editor of one date end: relative (today ± days),
// absolute (date, optional time, optional offset) or a text as given.
function endEditor(box, name, get, changed, today) {
  const id = box.id;
  const legend = h("span", { class: "end-label", id: `${id}-label` }, name);
  const kind = h("select", { id: `${id}-kind`, "aria-label": `${name}: kind` },
    h("option", { value: "relative" }, "relative to today"),
    h("option", { value: "absolute" }, "a date"),
    h("option", { value: "text" }, "as written"));
  const days = h("input", { id: `${id}-days`, type: "number", step: "1", min: "-100000", max: "100000", "aria-label": `${name}: days from today` });
  const dayWord = h("span", { class: "help", "aria-hidden": "true" });
  const date = h("input", { id: `${id}-date`, type: "date", min: "0001-01-01", max: "9999-12-31", "aria-label": `${name}: date` });
  const time = h("input", { id: `${id}-time`, type: "text", placeholder: "hh:mm[:ss[.fff]]", size: "12", spellcheck: "false", autocomplete: "off", "aria-label": `${name}: time (optional)` });
  const offset = h("input", { id: `${id}-offset`, type: "text", placeholder: "zone's", size: "7", list: "offsets", spellcheck: "false", autocomplete: "off", "aria-label": `${name}: offset (optional: Z, -08:00)` });
  const text = h("input", { id: `${id}-text`, type: "text", spellcheck: "false", autocomplete: "off", "aria-label": `${name}: value` });
  const rel = h("span", { class: "rel" }, days, dayWord);
  const abs = h("span", { class: "abs" }, date, h("span", { "aria-hidden": "true" }, " T "), time, offset);
  box.append(legend, kind, rel, abs, text);
  const parts = [[kind, "kind"], [days, "days from today"], [date, "date"], [time, "time (optional)"], [offset, "offset (optional: Z, -08:00)"], [text, "value"]];
  const show = () => {
    const e = get();
    rel.hidden = e.kind !== "relative";
    abs.hidden = e.kind !== "absolute";
    text.hidden = e.kind !== "text";
    offset.disabled = !e.time;
    const word = e.days === -1 ? ", yesterday" : e.days === 1 ? ", tomorrow" : "";
    dayWord.textContent = `days from today: ${endText(e)}${word}`;
  };
  kind.addEventListener("change", () => {
    const e = get();
    e.kind = kind.value;
    if (e.kind === "absolute" && !e.date) date.value = e.date = today();
    show();
    changed();
  });
  days.addEventListener("input", () => {
    const v = Number(days.value);
    if (Number.isInteger(v)) { get().days = v; show(); changed(); }
  });
  date.addEventListener("input", () => { get().date = date.value; changed(); });
  time.addEventListener("input", () => { get().time = time.value.trim(); show(); changed(); });
  offset.addEventListener("input", () => { get().offset = offset.value.trim(); changed(); });
  text.addEventListener("input", () => { get().text = text.value.trim(); changed(); });
  return {
    set() {
      const e = get();
      kind.value = e.kind;
      days.value = e.days;
      date.value = e.date;
      time.value = e.time;
      offset.value = e.offset;
      text.value = e.text;
      show();
    },
    label(s) {
      legend.textContent = s;
      const prefix = name === "d from" ? `d ${s}` : name;
      for (const [el, what] of parts) el.setAttribute("aria-label", `${prefix}: ${what}`);
    },
  };
}
