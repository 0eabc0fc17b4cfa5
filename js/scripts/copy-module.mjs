// copy-module.mjs (npm's prepack): copies the browser module's files from
// web/, where they are committed and embedded in recq's Go binary, and the
// repository's LICENSE into the package, so that one copy of each lives in
// the repository.
import { copyFileSync, existsSync } from "node:fs";

const here = (name) => new URL(`../${name}`, import.meta.url);
for (const name of ["load.js", "wasm_exec.js", "recq.wasm.gz"]) {
  copyFileSync(new URL(`../../web/${name}`, import.meta.url), here(name));
}
const license = new URL("../../LICENSE", import.meta.url);
if (existsSync(license)) copyFileSync(license, here("LICENSE"));
