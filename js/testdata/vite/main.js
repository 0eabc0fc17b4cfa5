// main.js: a Vite app's use of @recq/recq, bundled by go test ./js (vite
// build) and run in chromium. The module comes from the package's own
// recq.wasm.gz, which Vite emits as an asset.
import { load, queryBuilderProps, isRefusal } from "@recq/recq";

window.answer = (async () => {
  const input = await (await fetch("/input.json")).json();
  const recq = await load();
  const props = queryBuilderProps(recq, input.options);
  return JSON.stringify({
    validation: props.validator(input.group),
    parse: recq.parse("GET", input.target, { now: new Date(input.now), tenantZone: input.tenantZone }),
    fields: props.fields.length,
    refused: isRefusal(recq.parse("GET", "/files?d=2007-02-30")),
  });
})();
