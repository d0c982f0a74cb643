// The wasm benchmark in headless Chromium (Debian's, through
// playwright-core): `node benches/chromium.mjs [--smoke] [--load-only]
// [--loads=N]`, part of
// `make bench` (after `make build-wasm`).
//
// 1. Throughput: one page loads quotelens (pkg/), compromise and wink-nlp
//    (bundled by esbuild, minified) and runs benches/suite.mjs, the same
//    suite as in Node, on the same texts.
// 2. Page load to first analysis: a fresh browser context (empty cache)
//    per load; the figure is performance.now() in the page when the first
//    result exists, i.e. milliseconds since navigation started. Pages:
//    - bench/load-blank.html: nothing but a module script that reports at
//      once: the floor of this harness on this machine (server, fresh
//      context, navigation, first script), which no page can go below;
//    - bench/load-*.html: load one library, fetch the 3 KB article,
//      analyze it (quotelens: init() + analyze(); compromise: parse +
//      quotations; wink-nlp: readDoc + sentences + tokens);
//      load-quotelens-preload.html is the same page with the two hints
//      that js/README.md recommends (modulepreload for the glue, preload
//      for the wasm), so that the wasm download starts with the page;
//    - www/ (the quotelens page itself): until its first analysis of the
//      sample article is on screen (html[data-rendered]); it analyzes in
//      a Web Worker.
//    The page reports with a console message, which the harness hears
//    through the DevTools protocol: polling the page instead (Playwright's
//    waitForFunction) injects Playwright's own script into the page's main
//    thread during the load, 30–120 ms of main-thread work on this machine
//    inside the measured time.
// 3. What each page loads: every response, gzip -9 each, summed.
//
// Serves the repository on 127.0.0.1 (an ephemeral port) with a tiny
// server of its own: /pkg/ → pkg/, /benches/ → benches/, /bench/ → the
// generated pages and bundles in target/bench-www/, the rest → www/.
import { createServer } from "node:http";
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import * as esbuild from "esbuild";
import * as texts from "./texts.mjs";
import { DOES } from "./suite.mjs";
import { launchChromium } from "../e2e/chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "target/bench-www");
const smoke = process.argv.includes("--smoke");
// --load-only: part 2 and 3 alone; --loads=N: loads of each page (9).
const loadOnly = process.argv.includes("--load-only");
const loadsArg = process.argv.find((a) => a.startsWith("--loads="));
const LOADS = smoke ? 1 : loadsArg ? Number(loadsArg.slice(8)) : 9;

// --- the generated pages and bundles -----------------------------------------

mkdirSync(out, { recursive: true });
const bundle = (name, contents) =>
  esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: `${name}-entry.mjs` },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    outfile: join(out, `${name}.js`),
    logLevel: "warning",
  });
await bundle("compromise", 'export { default as nlp } from "compromise";');
await bundle(
  "wink",
  'export { default as winkNLP } from "wink-nlp"; export { default as model } from "wink-eng-lite-web-model";',
);
const corpus = await texts.load();
writeFileSync(join(out, "texts.json"), JSON.stringify({ articles: corpus.articles, article: corpus.article() }));
writeFileSync(join(out, "article-3k.txt"), corpus.article());

const page = (title, script, head = "") =>
  `<!doctype html>\n<meta charset="utf-8">\n<title>${title}</title>\n${head}<script type="module">\n${script}\n</script>\n`;
/** The console message by which a page reports its first analysis. */
const FIRST = "bench:first-analysis ";
const done = `console.debug(${JSON.stringify(FIRST)} + JSON.stringify({ ms: performance.now(), n }));`;
const article = 'fetch("/bench/article-3k.txt").then((r) => r.text())';
const quotelensLoad = `import init, { analyze } from "/pkg/quotelens.js";
const [text] = await Promise.all([${article}, init()]);
const n = analyze(text).quotes.length;
${done}`;
const LOAD_PAGES = {
  blank: page("blank", `const n = 1;\n${done}`),
  quotelens: page("quotelens", quotelensLoad),
  "quotelens-preload": page(
    "quotelens",
    quotelensLoad,
    '<link rel="modulepreload" href="/pkg/quotelens.js">\n' +
      '<link rel="preload" href="/pkg/quotelens_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n',
  ),
  compromise: page(
    "compromise",
    `import { nlp } from "/bench/compromise.js";
const text = await ${article};
const n = nlp(text).quotations().out("array").length;
${done}`,
  ),
  "wink-nlp": page(
    "wink-nlp",
    `import { winkNLP, model } from "/bench/wink.js";
const text = await ${article};
const doc = winkNLP(model).readDoc(text);
const n = doc.sentences().out().length + doc.tokens().out().length;
${done}`,
  ),
};
for (const [name, html] of Object.entries(LOAD_PAGES)) writeFileSync(join(out, `load-${name}.html`), html);
writeFileSync(
  join(out, "suite.html"),
  page(
    "suite",
    `import init, * as ql from "/pkg/quotelens.js";
import { nlp } from "/bench/compromise.js";
import { winkNLP, model } from "/bench/wink.js";
import { fromArticles } from "/benches/texts.mjs";
import { compare, format, makeLibraries } from "/benches/suite.mjs";
await init();
const t = await (await fetch("/bench/texts.json")).json();
const corpus = fromArticles(t.articles, t.article);
window.runSuite = (smoke) => {
  const result = compare(makeLibraries({ ql, nlp, winkNLP, model }), corpus, { smoke });
  return { result, lines: format(result) };
};
window.__ready = true;`,
  ),
);

// --- the server ----------------------------------------------------------------

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};
const MOUNTS = [
  ["/pkg/", join(root, "pkg")],
  ["/benches/", join(root, "benches")],
  ["/bench/", out],
  ["/", join(root, "www")],
];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const [prefix, dir] = MOUNTS.find(([p]) => path.startsWith(p));
  let file = normalize(join(dir, path.slice(prefix.length)));
  if (file.startsWith(dir) && existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!file.startsWith(dir) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Cache-Control": "no-store",
  });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// --- the measurements ------------------------------------------------------------

const browser = await launchChromium();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
let failed = false;
try {
  console.log(`# wasm in headless Chromium ${browser.version()}${smoke ? " (smoke: small inputs, one run each)" : ""}`);
  console.log("");
  console.log("## quotelens and its peers, one page, same texts (medians)");
  for (const [lib, jobs] of Object.entries(DOES)) {
    for (const [job, what] of Object.entries(jobs)) console.log(`- ${lib} ${job}: ${what}`);
  }
  if (!loadOnly) {
    const context = await browser.newContext();
    const p = await context.newPage();
    p.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    await p.goto(`${base}/bench/suite.html`);
    await p.waitForFunction(() => window.__ready === true, null, { timeout: 60000 });
    const { result, lines } = await p.evaluate((s) => window.runSuite(s), smoke);
    for (const line of lines) console.log(line);
    if (result.rows.length !== 6) failed = true;
    await context.close();
  }

  console.log("");
  console.log(`## page load to first analysis (fresh context each time; median of ${LOADS}) and what the page loads`);
  const targets = [
    ...Object.keys(LOAD_PAGES).map((name) => ({ name, url: `${base}/bench/load-${name}.html`, www: false })),
    { name: "quotelens www/ page", url: `${base}/`, www: true },
  ];
  const times = new Map(targets.map((t) => [t.name, []]));
  const loads = new Map();
  for (let i = 0; i < LOADS; i++) {
    for (const t of targets) {
      const context = await browser.newContext();
      const p = await context.newPage();
      const responses = [];
      if (i === 0) p.on("response", (r) => responses.push(r));
      p.on("pageerror", (e) => console.error(`${t.name}: page error: ${e.message}`));
      if (t.www) {
        // The page marks its first rendered analysis with html[data-rendered].
        await p.addInitScript((prefix) => {
          new MutationObserver((_, obs) => {
            if (document.documentElement?.dataset.rendered) {
              console.debug(prefix + JSON.stringify({ ms: performance.now(), n: 1 }));
              obs.disconnect();
            }
          }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-rendered"] });
        }, FIRST);
      }
      const reported = p.waitForEvent("console", { predicate: (m) => m.text().startsWith(FIRST), timeout: 60000 });
      await p.goto(t.url, { waitUntil: "commit" });
      const first = JSON.parse((await reported).text().slice(FIRST.length));
      if (!(first.n > 0)) failed = true;
      times.get(t.name).push(first.ms);
      if (i === 0) {
        // Everything the page loads, not only what came before its first
        // analysis.
        await p.waitForLoadState("load");
        // Each distinct URL once (the www/ page's worker asks for core.js
        // again; a browser cache would answer that).
        const sizes = [];
        const seen = new Set();
        for (const r of responses) {
          if (seen.has(r.url())) continue;
          seen.add(r.url());
          const body = await r.body().catch(() => Buffer.alloc(0));
          sizes.push({ url: r.url().slice(base.length), bytes: body.length, gz: gzipLength(body) });
        }
        loads.set(t.name, sizes);
      }
      await context.close();
    }
  }
  console.log(`${"page".padEnd(22)}${"ms to first analysis".padStart(22)}${"resources".padStart(11)}${"bytes".padStart(11)}${"gzip -9".padStart(11)}`);
  for (const t of targets) {
    const sizes = loads.get(t.name);
    const sum = (k) => sizes.reduce((a, s) => a + s[k], 0);
    const ts = times.get(t.name);
    console.log(
      `${t.name.padEnd(22)}${median(ts).toFixed(0).padStart(22)}${String(sizes.length).padStart(11)}${String(sum("bytes")).padStart(11)}${String(sum("gz")).padStart(11)}`,
    );
  }
  console.log("");
  console.log("resources (bytes / gzip -9):");
  for (const t of targets) {
    const list = loads.get(t.name).map((s) => `${s.url} ${s.bytes}/${s.gz}`);
    console.log(`- ${t.name}: ${list.join(", ")}`);
  }
} finally {
  await browser.close();
  server.close();
}
if (failed) {
  console.error("chromium bench: a page gave no result");
  process.exit(1);
}
if (smoke) console.log("chromium bench smoke: ok");

/** Bytes of `gzip -9` output (the same tool as `make size`). */
function gzipLength(bytes) {
  return execFileSync("gzip", ["-9c"], { input: bytes, maxBuffer: 1 << 28 }).length;
}
