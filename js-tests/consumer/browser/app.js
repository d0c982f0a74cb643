// A small app bundled by esbuild (e2e/package.spec.mjs): it imports the
// package by name, and the .wasm through the exports map, which esbuild's
// `file` loader copies beside the bundle and turns into its URL.
import init, * as api from "quotelens";
import wasmUrl from "quotelens/quotelens_bg.wasm";
import { runAll } from "../shared/run.mjs";

await init({ module_or_path: new URL(wasmUrl, import.meta.url) });
const report = { page: runAll(api) };
// The bundled worker (worker.js), built beside this bundle.
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
report.worker = await new Promise((resolve) => {
  worker.onmessage = (e) => resolve(e.data);
  worker.onerror = (e) => resolve([{ name: "worker", ok: false, error: e.message }]);
});
window.__report = report;
