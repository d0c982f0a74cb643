// Starts what the first analysis waits for, as early as the page can: the
// analysis worker and the wasm module's download and compilation.
//
// index.html loads this file as an async module script in <head>, before
// the stylesheet: it runs as soon as it arrives, while app.js (a deferred
// module, which runs only once the page is parsed and styled) is still on
// its way. app.js imports the same module instance (one module map per
// page), so the worker is created once.
//
// The wasm module is fetched (index.html preloads it) and compiled here,
// on the page, while the worker's own scripts load, and the compiled
// module is handed to the worker: it then instantiates it at once instead
// of starting the fetch only after its scripts have arrived. If this fails
// the worker fetches the module itself (and reports any error).

/** The analysis worker (worker.js). */
export const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });

WebAssembly.compileStreaming(fetch("/pkg/quotelens_bg.wasm"))
  .catch(() => null)
  .then((module) => worker.postMessage({ type: "module", module }));
