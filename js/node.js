// The Node entry of the npm package `quotelens` (the "node" condition of
// its exports map): instantiates the packaged .wasm synchronously at
// import, from the file, without fetch, so that
//   import { analyze } from "quotelens";
// works at once. Everything else is index.js; init() and initSync() stay
// available and return at once.
import { readFileSync } from "node:fs";
import { initSync } from "./quotelens.js";

initSync({ module: readFileSync(new URL("./quotelens_bg.wasm", import.meta.url)) });

export * from "./index.js";
export { default } from "./index.js";
