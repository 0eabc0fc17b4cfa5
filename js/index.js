// @recq/recq: recq's query validator, recq compiled to WebAssembly, for
// browsers, bundlers (Vite, webpack, esbuild) and test runners; node takes
// node.js instead (package.json "exports"). README.md says how to use it.
import { load as loadFrom } from "./load.js";

export { queryBuilderProps, isRefusal } from "./props.js";

/**
 * load starts the module and returns its functions. Without a source it
 * fetches the package's own recq.wasm.gz, beside this file (a bundler
 * copies it as an asset); else source is a URL, a Response, the module's
 * bytes (plain or gzip-compressed) or a WebAssembly.Module.
 */
export function load(source) {
  return loadFrom(source ?? new URL("./recq.wasm.gz", import.meta.url));
}
