// use.mjs: the package as a node user uses it, run by go test ./js in a
// project that installed the packed tarball and nothing else (so no react).
// It loads the module from every kind of source node.js takes, asks each
// the same questions, and prints what they answered as one JSON object on
// standard output; the Go test checks it against the Go library.
import { load, queryBuilderProps, isRefusal } from "@recq/recq";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const input = JSON.parse(readFileSync(0, "utf8")); // {group, options, target, now, tenantZone}

const wasmURL = new URL(import.meta.resolve("@recq/recq/recq.wasm.gz"));
const gz = await readFile(wasmURL);
const sources = {
  default: undefined,
  path: fileURLToPath(wasmURL),
  fileURL: wasmURL,
  fileURLText: wasmURL.href,
  gzipBytes: gz,
  bytes: gunzipSync(gz),
  arrayBuffer: gunzipSync(gz).buffer,
  module: await WebAssembly.compile(gunzipSync(gz)),
};
const answers = {};
for (const [name, source] of Object.entries(sources)) {
  const recq = await load(source);
  answers[name] = {
    validation: recq.validateRuleGroup(input.group, input.options),
    fromRuleGroup: recq.fromRuleGroup(input.group, input.options),
    parse: recq.parse("GET", input.target, { now: new Date(input.now), tenantZone: input.tenantZone }),
  };
}

const recq = await load();
let misuse = "";
try {
  recq.parse("GET", "/files", { now: "yesterday" });
} catch (e) {
  misuse = e.message;
}
// What load says when it is given something that is not the module.
const failures = {};
for (const [name, source] of Object.entries({
  bytes: new Uint8Array([1, 2, 3, 4]),
  html: new Response("<!doctype html><title>index</title>", { headers: { "Content-Type": "text/html" } }),
  object: {},
  missingFile: fileURLToPath(new URL("./no-such.wasm", wasmURL)),
})) {
  try {
    await load(source);
    failures[name] = "loaded";
  } catch (e) {
    failures[name] = `${e.name}: ${e.message}`;
  }
}
let react = "importable";
try {
  await import("react");
} catch (e) {
  react = "absent";
}
const props = queryBuilderProps(recq, input.options);
const loading = queryBuilderProps(null);
console.log(JSON.stringify({
  answers,
  fields: recq.fields(input.options.resource),
  props: { fields: props.fields, validation: props.validator(input.group) },
  loading: { fields: loading.fields, validation: loading.validator(input.group) },
  isRefusal: [isRefusal(answers.default.parse), isRefusal(recq.parse("GET", "/files?d=2007-02-30"))],
  schemaVersion: recq.schema().version,
  misuse,
  failures,
  react,
}));
