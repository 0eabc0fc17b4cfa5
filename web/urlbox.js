// urlbox.js: the request URL box. Each fault the validator reports is
// underlined at its span (UTF-16 offsets into the text as typed) on a mirror
// behind the textarea, and listed with its message, its hint and one button
// per suggestion that puts the suggestion in place of the span.
import { h, $ } from "./dom.js";

export function urlbox({ onInput, onCommit }) {
  const box = $("url"), mirror = $("url-mirror"), list = $("faults");

  box.addEventListener("input", (ev) => onInput(box.value, ev));
  box.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { ev.preventDefault(); onCommit(); }
  });
  box.addEventListener("change", () => onCommit());
  box.addEventListener("scroll", () => { mirror.scrollTop = box.scrollTop; });
  // A pasted URL may end in a newline, or come from a document as several
  // lines: the box holds one request.
  box.addEventListener("paste", (ev) => {
    const text = ev.clipboardData?.getData("text/plain");
    if (text === undefined || !/[\r\n]/.test(text)) return;
    ev.preventDefault();
    document.execCommand("insertText", false, text.replace(/[\r\n]+/g, "").trim());
  });

  /**
   * show sets the text and underlines faults (a list of error objects;
   * empty when accepted). marks are more faults to underline, not listed
   * (the parser's, in a filter the builder wrote, whose listed faults name
   * their rules).
   */
  function show(text, faults, { keepText = false, marks = [] } = {}) {
    if (!keepText && box.value !== text) box.value = text;
    text = box.value;
    const shown = faults.map((f, i) => ({ ...f, i, span: f.fix ? null : spanOf(f, text) }));
    renderMirror(text, [...shown, ...marks.map((f, i) => ({ ...f, i: `m${i}`, span: spanOf(f, text) }))]);
    renderList(text, shown);
    box.setAttribute("aria-invalid", shown.length ? "true" : "false");
  }

  function renderMirror(text, faults) {
    // Marks may not overlap: each keeps its own part, earliest first.
    const marks = faults.filter((f) => f.span).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    const out = [];
    let at = 0;
    for (const f of marks) {
      const start = Math.max(f.span.start, at), end = Math.max(f.span.end, start);
      out.push(text.slice(at, start));
      out.push(h("mark", { class: end === start ? "fault at" : "fault", "data-fault": String(f.i), "data-start": String(f.span.start), "data-end": String(f.span.end) }, text.slice(start, end)));
      at = end;
    }
    out.push(text.slice(at), "\u200b");
    mirror.replaceChildren(...out);
    mirror.scrollTop = box.scrollTop;
  }

  function renderList(text, faults) {
    if (!faults.length) { list.replaceChildren(); return; }
    const items = faults.map((f) => {
      // A fault of the filter builder's rule (f.fix) is fixed in the rule's
      // value, f.at the part of it at fault; any other in the text.
      const at = f.fix ? f.at ?? "" : f.span ? text.slice(f.span.start, f.span.end) : "";
      const where = h("span", { class: "where" }, f.where ? (at ? `${f.where}: “${at}”` : f.where) : f.span ? `in ${f.variable}: ${place(at, f.span)}` : f.variable);
      const sugg = (f.suggestions ?? []).map((s) => h("button", {
        type: "button", class: "suggestion", "data-suggestion": s,
        "aria-label": at ? `Replace ${at} with ${s}` : f.fix ? `Use ${s}` : `Insert ${s}`,
        onclick: () => (f.fix ? f.fix(s) : apply(f.span, s)),
      }, at ? `${at} → ${s}` : f.fix ? s : `insert ${s}`));
      return h("li", { class: "fault-item", "data-code": f.code ?? "" },
        h("span", { class: "code" }, f.code ?? "fault"), " ", where,
        h("p", { class: "message" }, f.message),
        f.hint ? h("p", { class: "hint" }, f.hint) : "",
        sugg.length ? h("p", { class: "suggestions" }, "Fix: ", ...sugg) : "");
    });
    list.replaceChildren(h("h2", { class: "faults-h" }, faults.length === 1 ? "The server would refuse it:" : `The server would refuse it (${faults.length} faults):`), h("ul", {}, items));
  }

  function apply(span, s) {
    const text = box.value;
    const next = span ? text.slice(0, span.start) + s + text.slice(span.end) : text + s;
    box.value = next;
    box.focus();
    const caret = (span ? span.start : text.length) + s.length;
    box.setSelectionRange(caret, caret);
    onInput(next, null);
  }

  return { show, get value() { return box.value; }, enable() { box.disabled = false; } };
}

// place says where a span lies as a person counts, from 1, with the text
// it covers: “30”, characters 18–19; “&”, character 7; after character 15
// for an empty span (where something is missing). A long text is cut.
export function place(text, span) {
  const { start, end } = span;
  if (end <= start) return start === 0 ? "at the start" : `after character ${start}`;
  const n = end - start === 1 ? `character ${end}` : `characters ${start + 1}–${end}`;
  const shown = text.length > 24 ? text.slice(0, 20) + "…" : text;
  return `“${shown}”, ${n}`;
}

// spanOf returns a fault's span in UTF-16 units of text, the one the
// validator gives for JavaScript, clamped to the text; null when it has none.
function spanOf(f, text) {
  const s = f.utf16 ?? f.span;
  if (!s || typeof s.start !== "number") return null;
  const start = Math.min(Math.max(0, s.start), text.length);
  return { start, end: Math.min(Math.max(start, s.end), text.length) };
}
