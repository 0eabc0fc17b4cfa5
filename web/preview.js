// preview.js: what the server will do with an accepted request: the
// windows as instants in the query's zone and in UTC, the days in them
// that are not 24 hours long, the warnings ([D-1]) and the curl line.
import { h } from "./dom.js";

// maxDays bounds the days whose length the preview checks, one validator
// call each, so that a keystroke stays well within a frame.
const maxDays = 400;

export function preview(el, parse, tenantZone) {
  const dayHours = new Map(); // "zone date" → hours, from the validator

  function hoursOf(zone, date) {
    const key = zone + " " + date;
    if (!dayHours.has(key)) {
      const r = parse(`/files?d=${date}&tz=${encodeURIComponent(zone)}`);
      dayHours.set(key, r.d ? (Date.parse(r.d.to) - Date.parse(r.d.from)) / 3.6e6 : null);
    }
    return dayHours.get(key);
  }

  /** odd lists the calendar days of [from, to) in zone that do not have 24 hours. */
  function oddDays(zone, w) {
    const first = w.from.slice(0, 10);
    let last = w.to.slice(0, 10);
    if (/T00:00:00(\.0+)?([+-]|Z)/.test(w.to)) last = addDays(last, -1);
    const count = daysBetween(first, last) + 1;
    if (count > maxDays) return { skipped: count };
    const out = [];
    for (let d = first, i = 0; i < count; d = addDays(d, 1), i++) {
      const hours = hoursOf(zone, d);
      if (hours !== null && hours !== 24) out.push({ date: d, hours });
    }
    return { days: out };
  }

  function windowRow(label, w, note) {
    return h("div", { class: "window" },
      h("h3", {}, label),
      h("dl", {},
        h("dt", {}, "from"), h("dd", {}, h("time", { datetime: w.from }, w.from), h("span", { class: "utc" }, toUTC(w.from))),
        h("dt", {}, note), h("dd", {}, h("time", { datetime: w.to }, w.to), h("span", { class: "utc" }, toUTC(w.to)))));
  }

  /** show renders an accepted report; credentials feed the curl line (the token never does). */
  function show(r, tenant) {
    if (!r || r.error) {
      el.replaceChildren(h("p", { class: "help" }, "Fix the request above to see what it covers."));
      return;
    }
    const parts = [];
    const zoneNote = r.zone === tenantZone ? `${r.zone} (the tenant zone)` : r.zone;
    parts.push(h("p", {}, "Dates are read in ", h("strong", { id: "zone" }, zoneNote), "; each instant is shown in that zone and in UTC."));
    if (r.d) {
      parts.push(windowRow("d: records that started in", r.d, "up to, not including"));
      const odd = oddDays(r.zone, r.d);
      if (odd.skipped) {
        parts.push(h("p", { class: "note" }, `The window spans ${odd.skipped} days; day lengths are checked for up to ${maxDays}.`));
      }
      for (const d of odd.days ?? []) {
        parts.push(h("p", { class: "note dst", "data-date": d.date, "data-hours": String(d.hours) }, dayNote(d, r.zone)));
      }
    }
    if (r.startDate) parts.push(windowRow("start-date: records that started between", r.startDate, "and (both included)"));
    if (r.finishDate) parts.push(windowRow("finish-date: records that ended between", r.finishDate, "and (both included)"));
    if (r.filterDates?.length) {
      parts.push(h("h3", {}, "filter: each date compared"));
      for (const fd of r.filterDates) parts.push(filterDateRow(fd));
    }
    if (!r.d && !r.startDate && !r.finishDate && !r.filterDates?.length && r.resource !== "transcript") {
      parts.push(h("p", {}, r.filter ? "No dates: every record the filter selects, 50 a page, oldest first." : "No dates: every record, 50 a page, oldest first."));
    }
    for (const w of r.warnings ?? []) {
      parts.push(h("p", { class: "warning", role: "note" }, h("strong", {}, `Warning (${w.variable}): `), w.message));
    }
    if (r.n > 1) parts.push(h("p", {}, `Records ${r.n} to ${r.n + 49} of the matches.`));
    parts.push(h("h3", {}, "With curl"), h("pre", { class: "curl" }, h("code", { id: "curl" }, curlLine(r.canonical, tenant))));
    el.replaceChildren(...parts);
  }

  return { show };
}

// What a date comparison of the filter selects, given the interval
// [from, to) that its value denotes (docs/LANGUAGE.md §14.3).
const dateMeaning = {
  "==": "within the interval",
  "!=": "outside the interval",
  "=lt=": "before its start",
  "=ge=": "at its start or later",
  "=gt=": "at its end or later",
  "=le=": "before its end",
  "=in=": "within it, or within another value of the list",
  "=out=": "outside it and every other value of the list",
};

// filterDateRow is one date value of the filter: the comparison, what it
// selects, and its interval's instants in the query's zone and in UTC.
function filterDateRow(fd) {
  const instant = (s) => [h("time", { datetime: s }, s), h("span", { class: "utc" }, toUTC(s))];
  return h("div", { class: "window filter-date", "data-selector": fd.selector, "data-operator": fd.operator, "data-value": fd.value, "data-from": fd.from, "data-to": fd.to },
    h("h4", {}, h("code", {}, `${fd.selector}${fd.operator}${fd.value}`), `: ${fd.selector} ${dateMeaning[fd.operator] ?? ""}`),
    h("dl", {},
      h("dt", {}, "from"), h("dd", {}, ...instant(fd.from)),
      h("dt", {}, "up to, not including"), h("dd", {}, ...instant(fd.to))));
}

function dayNote(d, zone) {
  const whole = Math.trunc(d.hours), mins = Math.round((d.hours - whole) * 60);
  const len = mins ? `${whole} hours ${mins} minutes` : `${whole} hours`;
  const why = d.hours === 0 ? "the zone skipped it" : d.hours < 24 ? "the clocks go forward" : "the clocks go back";
  return `${d.date} (${weekday(d.date)}) has ${len} in ${zone}: ${why}.`;
}

/** curlLine is the request for the real API: the page's own server, under /api/recordings. */
export function curlLine(canonical, tenant) {
  const url = location.origin + "/api/recordings" + canonical;
  const insecure = location.protocol === "https:" ? "-k " : "";
  const user = (tenant || "TENANT") + ":$RECQ_TOKEN";
  return `curl ${insecure}-u "${user.replace(/["\\`]/g, "\\$&")}" '${url.replace(/'/g, "'\\''")}'`;
}

// toUTC rewrites an RFC 3339 instant with an offset in UTC, keeping its
// fraction exactly (a JavaScript Date keeps milliseconds only).
export function toUTC(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(s);
  if (!m) return s;
  let t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  if (m[8] !== "Z") t -= (m[9] === "-" ? -1 : 1) * (+m[10] * 60 + +m[11]) * 60000;
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return s;
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${m[7] ?? ""}Z`;
}

// Civil-date arithmetic on YYYY-MM-DD texts, through UTC.
const dayMs = 86400000;
function dateMs(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)); }
function addDays(s, n) { return new Date(dateMs(s) + n * dayMs).toISOString().slice(0, 10); }
function daysBetween(a, b) { return Math.round((dateMs(b) - dateMs(a)) / dayMs); }
function weekday(s) { return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][new Date(dateMs(s)).getUTCDay()]; }
