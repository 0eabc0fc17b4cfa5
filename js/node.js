// @recq/recq for node (and test runners that run in node): load reads the
// module from a path or a file: URL itself, since node's fetch reads no
// files; everything else is index.js's.
import { readFile } from "node:fs/promises";
import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { load as loadFrom } from "./load.js";

export { queryBuilderProps, isRefusal } from "./props.js";

const gunzipped = promisify(gunzip);

/**
 * load starts the module and returns its functions. Without a source it
 * reads the package's own recq.wasm.gz; a string that is not an http(s) or
 * data URL is a file's path, and a file: URL is read as a file; a URL, a
 * Response, the module's bytes (plain or gzip-compressed) or a
 * WebAssembly.Module are as in the browser.
 */
export async function load(source) {
  source = await source;
  if (source === undefined || source === null) {
    source = new URL("./recq.wasm.gz", import.meta.url);
  }
  if (typeof source === "string" && !/^(https?|data|blob):/i.test(source)) {
    source = await readFile(source.startsWith("file:") ? new URL(source) : source);
  } else if (source instanceof URL && source.protocol === "file:") {
    source = await readFile(source);
  }
  if (source instanceof Uint8Array && source[0] === 0x1f && source[1] === 0x8b) {
    source = await gunzipped(source); // zlib: faster than DecompressionStream, and in every node
  }
  return loadFrom(source);
}
