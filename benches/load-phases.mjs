// Where a page load's time goes, phase by phase (BENCHMARKS.md, "Size and
// page load"): `node benches/load-phases.mjs [LOADS] [PKG_DIR ...]`
// (defaults: 5 loads of pkg/; several directories are loaded in turn, to
// compare builds), with V8 flags for the browser in $JSFLAGS, e.g.
// JSFLAGS=--liftoff-only. Not part of `make bench`: a diagnosis tool.
//
// The page imports quotelens.js, fetches the 3 KB article while init()
// instantiates the module, and analyzes the article twice, marking
// performance.now() after each step; a fresh browser context (empty
// cache) per load; medians, in milliseconds since navigation started.
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { ARGS, CHROMIUM } from "../e2e/chromium.mjs";
import * as texts from "./texts.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const [loads = "5", ...given] = process.argv.slice(2);
const dirs = given.length ? given : [`${root}pkg`];
const article = (await texts.load()).article();
const PAGE = `<!doctype html><meta charset="utf-8"><title>load phases</title>
<script type="module">
const m = { start: performance.now() };
const { default: init, analyze } = await import("./quotelens.js");
m.imported = performance.now();
const [text] = await Promise.all([fetch("./article.txt").then((r) => r.text()), init()]);
m.init = performance.now();
analyze(text);
m.first = performance.now();
analyze(text);
m.second = performance.now();
const w = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
m.wasmEnd = w ? w.responseEnd : NaN;
window.__m = m;
</script>`;

const servers = [];
for (const dir of dirs) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/") return res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE);
    if (path === "/article.txt") return res.writeHead(200, { "Content-Type": "text/plain" }).end(article);
    const file = `${dir}${path}`;
    if (path.includes("..") || !existsSync(file)) return res.writeHead(404).end();
    const type = path.endsWith(".wasm") ? "application/wasm" : "text/javascript";
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
}
const flags = process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : [];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...flags] });
const runs = dirs.map(() => []);
try {
  for (let i = 0; i < Number(loads); i++) {
    for (const [k, server] of servers.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      runs[k].push(await (await page.waitForFunction(() => window.__m, null, { timeout: 60000 })).jsonValue());
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
for (const [k, dir] of dirs.entries()) {
  const r = runs[k];
  const m = (f) => median(r.map(f));
  console.log(
    `${dir}: script starts ${m((x) => x.start)}, glue imported ${m((x) => x.imported)}, ` +
      `wasm fetched ${m((x) => x.wasmEnd)}, init() done ${m((x) => x.init)}, ` +
      `first analyze() ${m((x) => x.first - x.init)} ms, second ${m((x) => x.second - x.first)} ms`,
  );
}
