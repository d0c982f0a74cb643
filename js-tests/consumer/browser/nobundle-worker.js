// A module Web Worker using the package without a bundler.
import init, * as api from "/node_modules/quotelens/index.js";
import { runAll } from "/shared/run.mjs";

await init();
postMessage(runAll(api));
