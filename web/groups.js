// groups.js: the filter builder (docs/PAGE.md, "The filter"): nested groups
// of rules, each group AND or OR and each group and rule NOT, the
// operators of each field's kind and a value editor for the kind, written
// as react-querybuilder's rule group. The page never checks the group
// itself: the validator's fromRuleGroup writes it as filter= and
// validateRuleGroup marks each rule (engine.js); rawFilter writes a
// refused group only so that its faults can be underlined in the URL box.
import { h } from "./dom.js";

// The root group's id is "filter", as toRuleGroup writes a query's filter:
// given inside the request's top-level group, every rule of it goes to
// filter= (docs/BROWSER.md, "Filters").
export const rootID = "filter";

/** newGroup is an empty AND group. */
export function newGroup() {
  return { combinator: "and", not: false, rules: [] };
}

const isGroup = (r) => Array.isArray(r?.rules);
const isPair = (op) => op === "between" || op === "notBetween";
const isList = (op) => op === "in" || op === "notIn";

// shape is how an operator takes its value: one, a pair of ends, a list.
const shape = (op) => (isPair(op) ? "pair" : isList(op) ? "list" : "one");

// reshape keeps what it can of a value when the operator's shape changes.
function reshape(value, from, to) {
  if (from === to) return value;
  const first = Array.isArray(value) ? value[0] ?? "" : String(value ?? "");
  if (to === "pair") return [from === "list" ? first.split(",")[0].trim() : first, ""];
  return first;
}

// filled reports whether a rule has a value to send: a rule just added is
// left out until it has one, so adding a rule puts no fault on the screen.
// (A rule read from a request keeps its empty value: beginsWith "" is
// queueName==*.)
function filled(r) {
  if (!r.fresh) return true;
  if (Array.isArray(r.value)) return r.value.every((v) => String(v).trim() !== "");
  return String(r.value ?? "").trim() !== "";
}

/**
 * builder renders the filter group into el for the fields of a resource
 * (fieldsOf(resource): react-querybuilder's fields; those with a kind are
 * the filter's selectors) and calls onChange after each edit.
 */
export function builder(el, fieldsOf, onChange) {
  let root = newGroup();
  let resource = "";
  let selectors = [];
  let marks = {}; // rule id → {valid, reasons}, from the validator

  const byName = (name) => selectors.find((f) => f.name === name);

  function newRule() {
    const f = selectors[0];
    return { field: f.name, operator: f.defaultOperator, value: "", not: false, fresh: true };
  }

  /** setResource offers the fields of a resource; rules on a field it lacks are dropped. */
  function setResource(res) {
    if (res === resource) return;
    resource = res;
    selectors = res === "files" || res === "transcripts" ? (fieldsOf(res) ?? []).filter((f) => f.kind) : [];
    const keep = (g) => { g.rules = g.rules.filter((r) => (isGroup(r) ? (keep(r), true) : byName(r.field))); };
    keep(root);
    render();
  }

  /** set replaces the group (a group read back from a request). */
  function set(g) {
    root = g ? normalize(g) : newGroup();
    marks = {};
    render();
  }

  // normalize reads a group from toRuleGroup into the builder's model.
  function normalize(g) {
    return {
      combinator: g.combinator === "or" ? "or" : "and", not: !!g.not,
      rules: (g.rules ?? []).filter((r) => typeof r === "object").map((r) => (isGroup(r) ? normalize(r)
        : { field: r.field, operator: r.operator, value: Array.isArray(r.value) ? [...r.value] : String(r.value ?? ""), not: !!r.not })),
    };
  }

  /**
   * group is react-querybuilder's group of what the builder holds with a
   * value: each rule and group with its id (its place: filter/0/1), empty
   * rules and groups left out; null when nothing is left.
   */
  function group() {
    const out = (g, id) => {
      const rules = [];
      g.rules.forEach((r, i) => {
        const rid = `${id}/${i}`;
        if (isGroup(r)) {
          const sub = out(r, rid);
          if (sub) rules.push(sub);
        } else if (filled(r)) {
          const x = { id: rid, field: r.field, operator: r.operator, value: Array.isArray(r.value) ? [...r.value] : r.value };
          if (r.not) x.not = true;
          rules.push(x);
        }
      });
      if (!rules.length) return null;
      const x = { id, combinator: g.combinator, rules };
      if (g.not) x.not = true;
      return x;
    };
    return out(root, rootID);
  }

  /** mark shows the validator's verdict on each rule (a ValidationMap). */
  function mark(validation) {
    marks = validation ?? {};
    for (const li of el.querySelectorAll("[data-rule]")) {
      const m = marks[li.dataset.rule];
      const bad = m && !m.valid;
      li.classList.toggle("invalid", !!bad);
      for (const input of li.querySelectorAll("input.value")) input.setAttribute("aria-invalid", bad ? "true" : "false");
      const box = li.querySelector(".rule-faults");
      box.replaceChildren(...(bad ? (m.reasons ?? []).map((r) => reasonView(li.dataset.rule, r)) : []));
    }
  }

  // ruleAt finds a rule or group of the model by its id (filter/0/1).
  function ruleAt(id) {
    let node = root;
    for (const part of id.split("/").slice(1)) node = node?.rules?.[Number(part)];
    return node;
  }

  /** fix puts a suggestion in place of a value's span (a fault's valueSpan), or of the whole value. */
  function fix(id, span, s) {
    const r = ruleAt(id);
    if (!r || isGroup(r)) return;
    const put = (text) => (span ? text.slice(0, span.start) + s + text.slice(span.end) : s);
    if (Array.isArray(r.value)) {
      const i = span?.item ?? 0;
      r.value[i] = put(String(r.value[i] ?? ""));
    } else if (isList(r.operator) && span) {
      const items = r.value.split(",").map((v) => v.trim());
      items[span.item] = put(items[span.item] ?? "");
      r.value = items.join(", ");
    } else {
      r.value = put(r.value);
    }
    render();
    onChange();
    el.querySelector(`[data-rule="${CSS.escape(id)}"] input.value`)?.focus();
  }

  // The text of a value that a fault's span covers.
  function spanText(id, span) {
    const r = ruleAt(id);
    if (!r || !span) return "";
    let text = r.value;
    if (Array.isArray(text)) text = text[span.item] ?? "";
    else if (isList(r.operator)) text = text.split(",").map((v) => v.trim())[span.item] ?? "";
    return String(text).slice(span.start, span.end);
  }

  function reasonView(id, r) {
    const at = spanText(id, r.valueSpan);
    return h("p", { class: "rule-fault", "data-code": r.code },
      h("span", { class: "code" }, r.code), " ",
      at ? h("mark", { class: "fault" }, at) : "", at ? " " : "",
      h("span", { class: "message" }, r.message), r.hint ? h("span", { class: "hint" }, ` (${r.hint})`) : "",
      ...(r.suggestions ?? []).map((s) => h("button", {
        type: "button", class: "suggestion", "data-suggestion": s,
        "aria-label": at ? `Replace ${at} with ${s}` : `Use ${s}`,
        onclick: () => fix(id, r.valueSpan, s),
      }, at ? `${at} → ${s}` : s)));
  }

  // A group's rules are numbered as a person reads them: rule 2.1 is the
  // first of the second; the labels name them so.
  function render() {
    el.replaceChildren(groupView(root, rootID, "the filter"));
    mark(marks);
  }

  function groupView(g, id, name) {
    const path = domID(id);
    const comb = h("select", { id: `${path}-comb`, "aria-label": `${name}: combine its rules with` },
      h("option", { value: "and", selected: g.combinator === "and" }, "AND: all of"),
      h("option", { value: "or", selected: g.combinator === "or" }, "OR: any of"));
    comb.addEventListener("change", () => { g.combinator = comb.value; onChange(); });
    const not = h("input", { type: "checkbox", id: `${path}-not`, checked: g.not });
    not.addEventListener("change", () => { g.not = not.checked; onChange(); });
    const addRule = h("button", { type: "button", id: `${path}-add-rule`, "aria-label": `Add a rule to ${name}`, disabled: !selectors.length }, "+ Rule");
    addRule.addEventListener("click", () => {
      g.rules.push(newRule());
      render();
      onChange();
      el.querySelector(`#${CSS.escape(`${path}-${g.rules.length - 1}-field`)}`)?.focus();
    });
    const addGroup = h("button", { type: "button", id: `${path}-add-group`, "aria-label": `Add a group to ${name}`, disabled: !selectors.length }, "+ Group");
    addGroup.addEventListener("click", () => {
      const sub = newGroup();
      sub.rules.push(newRule());
      g.rules.push(sub);
      render();
      onChange();
      el.querySelector(`#${CSS.escape(`${path}-${g.rules.length - 1}-comb`)}`)?.focus();
    });
    const head = h("div", { class: "group-head" },
      h("span", { class: "group-name" }, name === "the filter" ? "Filter" : cap(name)), comb,
      h("label", { class: "not" }, not, h("span", {}, "NOT"), h("span", { class: "sr" }, ` (${name})`)),
      addRule, addGroup);
    if (id !== rootID) {
      const remove = h("button", { type: "button", id: `${path}-remove`, "aria-label": `Remove ${name}` }, "Remove");
      remove.addEventListener("click", () => removeAt(id));
      head.append(remove);
    }
    const items = g.rules.map((r, i) => {
      const rid = `${id}/${i}`;
      return isGroup(r) ? h("li", { class: "subgroup", "data-group": rid }, groupView(r, rid, label("group", id, i)))
        : ruleView(r, rid, label("rule", id, i));
    });
    const body = items.length ? h("ul", { class: "rules" }, items)
      : h("p", { class: "help" }, id === rootID ? "No filter: add a rule (AND/OR, NOT, and groups of rules) to filter on any field." : "An empty group is left out.");
    return h("div", { class: g.not ? "group negated" : "group", role: "group", "aria-label": cap(name), "data-id": id }, head, body);
  }

  function ruleView(r, id, name) {
    const path = domID(id);
    const f = byName(r.field) ?? selectors[0];
    const not = h("input", { type: "checkbox", id: `${path}-not`, checked: r.not });
    not.addEventListener("change", () => { r.not = not.checked; onChange(); });
    const field = h("select", { id: `${path}-field`, "aria-label": `${cap(name)}: field` },
      selectors.map((s) => h("option", { value: s.name, selected: s.name === r.field }, s.label)));
    field.addEventListener("change", () => {
      const nf = byName(field.value);
      const was = shape(r.operator);
      r.field = nf.name;
      if (!nf.operators.some((o) => o.name === r.operator)) r.operator = nf.defaultOperator;
      // Another kind's value means nothing here: start empty.
      r.value = nf.kind !== f.kind ? reshape("", "one", shape(r.operator)) : reshape(r.value, was, shape(r.operator));
      render();
      onChange();
      el.querySelector(`#${CSS.escape(`${path}-field`)}`)?.focus();
    });
    const op = h("select", { id: `${path}-op`, "aria-label": `${cap(name)}: operator` },
      f.operators.map((o) => h("option", { value: o.name, selected: o.name === r.operator }, o.label)));
    op.addEventListener("change", () => {
      const was = shape(r.operator);
      r.operator = op.value;
      r.value = reshape(r.value, was, shape(r.operator));
      render();
      onChange();
      el.querySelector(`#${CSS.escape(`${path}-op`)}`)?.focus();
    });
    const remove = h("button", { type: "button", id: `${path}-remove`, "aria-label": `Remove ${name}` }, "Remove");
    remove.addEventListener("click", () => removeAt(id));
    return h("li", { class: "rule", "data-rule": id },
      h("label", { class: "not" }, not, h("span", {}, "NOT"), h("span", { class: "sr" }, ` (${name})`)),
      field, op, valueEditor(r, f, path, name), remove,
      h("div", { class: "rule-faults", "aria-live": "polite" }));
  }

  // valueEditor is the editor of a rule's value for its field's kind and
  // its operator's shape: a date (text, such as today-7d, with a picker
  // beside it), a number, or a text; two of them for between, one text of
  // comma-separated values for in.
  function valueEditor(r, f, path, name) {
    const s = shape(r.operator);
    const one = (get, set, suffix, what) => {
      const id = `${path}-value${suffix}`;
      const kind = s === "list" ? "text" : f.kind;
      const input = h("input", {
        id, class: "value", type: kind === "integer" ? "number" : "text", step: kind === "integer" ? "1" : undefined,
        value: get(), spellcheck: "false", autocomplete: "off",
        inputmode: f.kind === "integer" ? "numeric" : undefined,
        placeholder: s === "list" ? (f.kind === "integer" ? "60, 600" : f.kind === "date" ? "today, 2007-08-05" : "bill, ann") : f.placeholder ?? "",
        "aria-label": `${cap(name)}: ${what}`,
      });
      input.addEventListener("input", () => {
        set(input.value);
        if (filled({ ...r, fresh: true })) delete r.fresh;
        onChange();
      });
      if (kind !== "date") return input;
      // A date: any date of the language as text (today-7d,
      // 2007-08-05T13:15), or a day picked from the calendar.
      const pick = h("input", { id: `${id}-pick`, type: "date", class: "pick", min: "0001-01-01", max: "9999-12-31", "aria-label": `${cap(name)}: pick ${what === "value" ? "a date" : `the ${what}`} from a calendar` });
      if (/^\d{4}-\d{2}-\d{2}$/.test(get())) pick.value = get();
      pick.addEventListener("input", () => {
        if (!pick.value) return;
        input.value = pick.value;
        set(pick.value);
        if (filled({ ...r, fresh: true })) delete r.fresh;
        onChange();
      });
      return h("span", { class: "date-value" }, input, pick);
    };
    if (s === "pair") {
      if (!Array.isArray(r.value)) r.value = reshape(r.value, "one", "pair");
      return h("span", { class: "values" },
        one(() => r.value[0], (v) => { r.value[0] = v; }, "-0", "from"),
        h("span", { "aria-hidden": "true" }, " and "),
        one(() => r.value[1], (v) => { r.value[1] = v; }, "-1", "to (included)"));
    }
    return one(() => String(r.value ?? ""), (v) => { r.value = v; }, "", s === "list" ? "values, separated by commas" : "value");
  }

  function removeAt(id) {
    const parts = id.split("/");
    const i = Number(parts.pop());
    const parent = ruleAt(parts.join("/"));
    parent.rules.splice(i, 1);
    render();
    onChange();
    el.querySelector(`#${CSS.escape(`${domID(parts.join("/"))}-add-rule`)}`)?.focus();
  }

  return { set, setResource, group, mark, fix, spanText, get resource() { return resource; } };
}

// label names a rule or group by its place as a person counts: rule 2,
// group 1, rule 1.2 (the second rule of the first group).
function label(what, parentID, i) {
  const nums = parentID.split("/").slice(1).map((n) => Number(n) + 1);
  return `${what} ${[...nums, i + 1].join(".")}`;
}

// domID is a rule's id as an element id: filter/0/1 is fg-0-1.
function domID(id) {
  return "fg" + id.slice(rootID.length).replaceAll("/", "-");
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// The characters a filter's value escapes with '\' (docs/LANGUAGE.md
// §14.1), '*' and '\' among them.
const reserved = `"'();,=!~<> *\\`;

/**
 * rawFilter writes a group that the validator refuses as filter= text, so
 * that the URL box can underline its faults where they are: the same text
 * as the module writes for a group it accepts (docs/BROWSER.md, "Filters":
 * a NOT by De Morgan with complement(op), every reserved character of a
 * value escaped, between as its two comparisons), but without checking
 * anything. The page uses it only while fromRuleGroup refuses the group:
 * an accepted group is always written by the module.
 */
export function rawFilter(g, complement, neg = false) {
  neg = neg !== !!g.not;
  const or = (g.combinator === "or") !== neg;
  return g.rules.map((r) => (isGroup(r) ? `(${rawFilter(r, complement, neg)})` : rawRule(r, complement, neg !== !!r.not))).join(or ? "," : ";");
}

function rawRule(r, complement, neg) {
  const op = neg ? complement(r.operator) ?? r.operator : r.operator;
  const s = r.field;
  const esc = (v, wild = false) => {
    let out = "";
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (wild && c === "*") out += c;
      else if (wild && c === "\\" && i + 1 < v.length) out += c + v[++i];
      else out += (reserved.includes(c) ? "\\" : "") + c;
    }
    return out;
  };
  const vals = Array.isArray(r.value) ? r.value.map(String) : isList(op) ? String(r.value).split(",").map((v) => v.trim()) : [String(r.value ?? "")];
  const one = esc(vals[0] ?? "");
  switch (op) {
    case "=": return `${s}==${one}`;
    case "!=": return `${s}!=${one}`;
    case "<": return `${s}=lt=${one}`;
    case "<=": return `${s}=le=${one}`;
    case ">": return `${s}=gt=${one}`;
    case ">=": return `${s}=ge=${one}`;
    case "contains": return `${s}==*${one}*`;
    case "beginsWith": return `${s}==${one}*`;
    case "endsWith": return `${s}==*${one}`;
    case "doesNotContain": return `${s}!=*${one}*`;
    case "doesNotBeginWith": return `${s}!=${one}*`;
    case "doesNotEndWith": return `${s}!=*${one}`;
    case "matches": return `${s}==${esc(vals[0] ?? "", true)}`;
    case "doesNotMatch": return `${s}!=${esc(vals[0] ?? "", true)}`;
    case "in": return `${s}=in=(${vals.map((v) => esc(v)).join(",")})`;
    case "notIn": return `${s}=out=(${vals.map((v) => esc(v)).join(",")})`;
    case "between": return `(${s}=ge=${one};${s}=le=${esc(vals[1] ?? "")})`;
    case "notBetween": return `(${s}=lt=${one},${s}=gt=${esc(vals[1] ?? "")})`;
  }
  return `${s}==${one}`;
}
