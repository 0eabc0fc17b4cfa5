// query.js: the page's model of a query, written into a request URL and read
// back from a canonical one. The model holds texts, not meanings: the
// validator (engine.js) decides what a text means and whether it is valid.

/** A date end: absolute (date, optional time, optional offset), relative (today±N days), or a text kept as given. */
export function newEnd(kind = "relative") {
  return { kind, date: "", time: "", offset: "", days: 0, text: "" };
}

/** newState is an empty GET /files in XML. */
export function newState() {
  return {
    resource: "files", id: "", format: "xml",
    dMode: "none", dFrom: newEnd(), dTo: newEnd(),
    sdOn: false, sd: newEnd("absolute"), fdOn: false, fd: newEnd("absolute"),
    tz: "", fields: [], metaName: "", metaValue: "", filter: "", n: 1,
  };
}

/** endText writes an end as the API reads it: today-1d, 2007-08-05T13:15Z. */
export function endText(e) {
  switch (e.kind) {
    case "relative":
      if (!e.days) return "today";
      return e.days < 0 ? `today-${-e.days}d` : `today+${e.days}d`;
    case "absolute":
      if (!e.time) return e.date;
      return `${e.date}T${e.time}${e.offset}`;
  }
  return e.text;
}

const relRe = /^today(?:([+-])(\d+)d)?$/;
const absRe = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:\d{2})?)?$/;

/** parseEnd reads an end in canonical form back into the model. */
export function parseEnd(s) {
  const e = newEnd();
  let m = relRe.exec(s);
  if (m) {
    e.days = m[2] ? (m[1] === "-" ? -1 : 1) * Number(m[2]) : 0;
    return e;
  }
  m = absRe.exec(s);
  if (m) {
    return { ...e, kind: "absolute", date: m[1], time: m[2] ?? "", offset: m[3] ?? "" };
  }
  return { ...e, kind: "text", text: s };
}

// enc percent-encodes a value for a query string; the validator writes the
// canonical form, so this needs only be correct, not canonical.
const enc = (s) => encodeURIComponent(s).replace(/%(2C|3A|2F|40)/g, (x) => decodeURIComponent(x));

/** toURL writes the model as a request path with its query. */
export function toURL(st) {
  let path = "/" + (st.resource === "transcript" ? "transcripts/" + enc(st.id) : st.resource);
  if (st.format !== "xml") path += "." + st.format;
  if (st.resource === "transcript") return path;
  const q = [];
  if (st.dMode === "one") q.push("d=" + enc(endText(st.dFrom)));
  if (st.dMode === "range") q.push("d=" + enc(endText(st.dFrom)) + "," + enc(endText(st.dTo)));
  if (st.tz) q.push("tz=" + enc(st.tz));
  if (st.sdOn) q.push("start-date=" + enc(endText(st.sd)));
  if (st.fdOn) q.push("finish-date=" + enc(endText(st.fd)));
  for (const f of [...st.fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (f.name) q.push(enc(f.name) + "=" + enc(f.value));
  }
  if (st.metaName) q.push("metaData_fieldName=" + enc(st.metaName));
  if (st.metaValue) q.push("metaData_fieldValue=" + enc(st.metaValue));
  if (st.filter) q.push("filter=" + encodeURIComponent(st.filter).replace(/%3D/g, "="));
  if (st.n !== 1) q.push("n=" + String(st.n));
  return q.length ? path + "?" + q.join("&") : path;
}

/**
 * fromCanonical reads the canonical URL of an accepted request into the
 * model. Canonical form is one spelling per query (docs/LANGUAGE.md §8), so a
 * plain split is exact; fields keep the row order of prev where they can.
 */
export function fromCanonical(canonical, prev) {
  const st = newState();
  const [path, query = ""] = splitOnce(canonical, "?");
  let rest = path.replace(/^\//, "");
  const dot = rest.lastIndexOf(".");
  const slash = rest.indexOf("/");
  if (dot > slash && /^(xml|json|csv)$/.test(rest.slice(dot + 1))) {
    st.format = rest.slice(dot + 1);
    rest = rest.slice(0, dot);
  }
  if (slash >= 0) {
    st.resource = rest.slice(0, slash) === "transcripts" ? "transcript" : "file";
    st.id = decodeURIComponent(rest.slice(slash + 1));
  } else {
    st.resource = rest;
  }
  const fields = [];
  for (const part of query ? query.split("&") : []) {
    const [rawName, rawValue = ""] = splitOnce(part, "=");
    const name = decodeURIComponent(rawName), value = decodeURIComponent(rawValue);
    switch (name) {
      case "d": {
        const [a, b] = splitOnce(value, ",");
        st.dFrom = parseEnd(a);
        if (b === undefined) st.dMode = "one";
        else { st.dMode = "range"; st.dTo = parseEnd(b); }
        break;
      }
      case "tz": st.tz = value; break;
      case "start-date": st.sdOn = true; st.sd = parseEnd(value); break;
      case "finish-date": st.fdOn = true; st.fd = parseEnd(value); break;
      case "metaData_fieldName": st.metaName = value; break;
      case "metaData_fieldValue": st.metaValue = value; break;
      case "filter": st.filter = value; break;
      case "n": st.n = Number(value); break;
      default: fields.push({ name, value });
    }
  }
  // Keep the rows where the user put them; add new ones at the end.
  const order = (prev?.fields ?? []).map((f) => f.name);
  fields.sort((a, b) => rank(order, a.name) - rank(order, b.name));
  st.fields = fields;
  return st;
}

function rank(order, name) {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

function splitOnce(s, sep) {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + sep.length)];
}
