// run.js: runs the request against the page's own server with the tenant
// and token typed into the page (held in memory, in these inputs only),
// shows the records of the page in a table, a transcript's messages on
// demand, the next and previous pages, and a download link in the chosen
// format. A refusal is shown as the API's error body says.
import { h, $ } from "./dom.js";

const pageSize = 50;
const apiPrefix = "/api/recordings";

export function runner({ jsonURL, current, goToPage, tenantZone }) {
  const out = $("result");
  let download = null; // the object URL of the last download link
  let seq = 0; // the latest run; earlier answers are dropped

  function auth() {
    const user = $("tenant").value, pass = $("token").value;
    const bytes = new TextEncoder().encode(user + ":" + pass);
    return "Basic " + btoa(String.fromCharCode(...bytes));
  }

  // get fetches a path of the API. credentials "omit" keeps the browser
  // from prompting for a password on a 401: the page shows the API's body.
  async function get(canonical) {
    const res = await fetch(apiPrefix + canonical, { headers: { Authorization: auth() }, credentials: "omit", cache: "no-store" });
    const text = await res.text();
    return { res, text };
  }

  async function run() {
    const r = current();
    if (!r || r.error) return;
    const mine = ++seq;
    const tableURL = jsonURL(r);
    out.replaceChildren(h("p", { class: "busy" }, "Running ", h("code", {}, r.canonical), "…"));
    out.setAttribute("aria-busy", "true");
    try {
      const { res, text } = await get(tableURL);
      if (mine !== seq) return;
      if (!res.ok) { showRefusal(res, text, r); return; }
      const body = JSON.parse(text);
      const parts = [];
      if (r.resource === "transcript") {
        parts.push(transcriptView(body.transcript));
      } else {
        const rows = Object.values(body.recordings ?? {})[0] ?? [];
        parts.push(pager(r, rows.length), recordsTable(r.resource, rows), pager(r, rows.length, "bottom"));
      }
      out.replaceChildren(...parts);
      const link = await downloadLink(r, r.format === "json" ? text : null);
      if (mine === seq && link) out.prepend(link);
    } catch (err) {
      if (mine === seq) out.replaceChildren(h("p", { class: "refusal", role: "alert" }, `The request failed: ${err.message}`));
    } finally {
      if (mine === seq) out.removeAttribute("aria-busy");
    }
  }

  function showRefusal(res, text, r) {
    let faults = [];
    try { faults = JSON.parse(text).errors ?? []; } catch { /* not JSON: show the text */ }
    if (faults.some((f) => f.code === "not-in-api")) {
      // A server without --filter, as the Recordings API itself: recq get
      // plans the filter (docs/CLIENT.md, "Plans").
      out.replaceChildren(h("div", { class: "refusal not-in-api", role: "alert", "data-status": String(res.status) },
        h("p", {}, "This server does not take filter= (recq's extension, which the Recordings API lacks); recq get runs the request by planning it: it sends what the API's own variables say and filters the rest itself."),
        h("pre", { class: "curl" }, h("code", { id: "recq-get" }, recqGetLine(r.canonical, $("tenant").value, tenantZone)))));
      return;
    }
    out.replaceChildren(h("div", { class: "refusal", role: "alert", "data-status": String(res.status) },
      h("h3", {}, `${res.status} ${res.statusText}`),
      faults.length
        ? h("ul", {}, faults.map((f) => h("li", {}, h("span", { class: "code" }, f.code ?? f.variable), " ", f.message, f.hint ? h("span", { class: "hint" }, ` (${f.hint})`) : "")))
        : h("pre", {}, text)));
  }

  function pager(r, count, where = "top") {
    const first = r.n, last = r.n + count - 1;
    const says = count ? `Records ${first}–${last}` : r.n > 1 ? `No records from ${first} on` : "No records match";
    return h("div", { class: "pager", role: "group", "aria-label": `Pages (${where})` },
      h("span", { class: "count", "data-count": String(count) }, says),
      h("button", { type: "button", disabled: r.n <= 1, onclick: () => goToPage(Math.max(1, r.n - pageSize)) }, "◀ Previous 50"),
      h("button", { type: "button", disabled: count < pageSize, onclick: () => goToPage(r.n + pageSize) }, "Next 50 ▶"));
  }

  function recordsTable(resource, rows) {
    const cols = [];
    for (const row of rows) for (const k of Object.keys(row)) if (!cols.includes(k)) cols.push(k);
    const isT = resource === "transcripts";
    const table = h("table", { class: "records" },
      h("caption", {}, `${rows.length} ${resource}`),
      h("thead", {}, h("tr", {}, isT ? h("th", { scope: "col" }, "messages") : "", cols.map((c) => h("th", { scope: "col" }, c)))));
    const tbody = h("tbody");
    for (const row of rows) {
      const tr = h("tr", {}, cols.map((c) => h("td", { "data-col": c }, cell(row[c]))));
      if (isT) tr.prepend(h("td", {}, messagesButton(row.interactionGUID, tr, cols.length + 1)));
      tbody.append(tr);
    }
    table.append(tbody);
    return h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Records" }, table);
  }

  function messagesButton(guid, tr, span) {
    const b = h("button", { type: "button", "aria-expanded": "false", "aria-label": `Messages of ${guid}` }, "Open");
    let row = null;
    b.addEventListener("click", async () => {
      if (row) { row.remove(); row = null; b.setAttribute("aria-expanded", "false"); b.textContent = "Open"; return; }
      b.disabled = true;
      try {
        const { res, text } = await get(`/transcripts/${encodeURIComponent(guid)}.json`);
        const body = res.ok ? JSON.parse(text) : null;
        row = h("tr", { class: "messages-row" }, h("td", { colspan: String(span) },
          body ? messagesTable(body.transcript) : h("p", { class: "refusal" }, `${res.status} ${res.statusText}: ${text}`)));
        tr.after(row);
        b.setAttribute("aria-expanded", "true");
        b.textContent = "Close";
      } finally { b.disabled = false; }
    });
    return b;
  }

  function transcriptView(t) {
    const { messages, ...rest } = t;
    return h("div", {}, h("dl", { class: "transcript" }, Object.entries(rest).map(([k, v]) => [h("dt", {}, k), h("dd", {}, cell(v))])), messagesTable(t));
  }

  function messagesTable(t) {
    const msgs = t?.messages?.message ?? [];
    if (!msgs.length) return h("p", {}, "No messages.");
    const cols = Object.keys(msgs[0]);
    return h("table", { class: "messages" }, h("caption", {}, `${msgs.length} messages`),
      h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, msgs.map((m) => h("tr", {}, cols.map((c) => h("td", {}, cell(m[c])))))));
  }

  async function downloadLink(r, jsonText) {
    let text = jsonText;
    if (text === null) {
      const { res, text: t } = await get(r.canonical);
      if (!res.ok) return h("p", { class: "refusal" }, `The ${r.format.toUpperCase()} download was refused: ${res.status} ${res.statusText}`);
      text = t;
    }
    if (download) URL.revokeObjectURL(download);
    const types = { xml: "application/xml", json: "application/json", csv: "text/csv" };
    download = URL.createObjectURL(new Blob([text], { type: types[r.format] }));
    const name = (r.resource === "transcript" ? r.id : r.resource) + (r.n > 1 ? `-n${r.n}` : "") + "." + r.format;
    return h("p", { class: "download" }, h("a", { id: "download", href: download, download: name }, `Download this page as ${r.format.toUpperCase()} (${name})`));
  }

  return { run };
}

/**
 * recqGetLine is the recq get command that plans a request with a filter
 * against this server's API: the tenant's zone given, since the filter's
 * dates are read in it when the request has no tz; the token from
 * $RECQ_TOKEN, never written.
 */
export function recqGetLine(canonical, tenant, zone) {
  const url = location.origin + apiPrefix + canonical;
  const quote = (s) => `'${s.replace(/'/g, "'\\''")}'`;
  const insecure = location.protocol === "https:" ? " --insecure" : "";
  return `recq get${insecure} --tenant ${quote(tenant || "TENANT")} --tenant-tz ${quote(zone)} ${quote(url)}`;
}

// cell writes a value of the API's JSON as text: leaves are strings; the
// nested lists are joined as the page reads them (Gauffre: Gauffre 1).
export function cell(v) {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (v.transactionCodes) return (v.transactionCodes.transactionCode ?? []).map((c) => `${c.listName}: ${c.name}`).join("; ");
  if (v.metaData) return (v.metaData ?? []).map((m) => `${m.fieldName} = ${m.fieldValue}`).join("; ");
  return JSON.stringify(v);
}
