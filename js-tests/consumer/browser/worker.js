// A Web Worker bundled by esbuild, with the package inside the bundle.
import init, * as api from "quotelens";
import wasmUrl from "quotelens/quotelens_bg.wasm";
import { runAll } from "../shared/run.mjs";

await init({ module_or_path: new URL(wasmUrl, import.meta.url) });
postMessage(runAll(api));
