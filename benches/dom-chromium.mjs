// highlightElement() in headless Chromium (after `make build-wasm`):
//   node benches/dom-chromium.mjs
// An invented article of 300 paragraphs (a link, an emphasis, a speech
// quotation and a scare quote in each: 600 quotations, ~55 K UTF-16 units)
// is highlighted and cleared again, in both modes, 11 times each after a
// warm-up; prints the medians and analyze() alone on the same text for
// comparison. Timings on a loaded machine are noisy: compare medians of
// several runs.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const PKG = fileURLToPath(new URL("../pkg/", import.meta.url));
const RUNS = 11;
const names = ["Ada Lind", "Tom Ruiz", "Mara Quill", "Joel Brant", "Ola Sand", "Rui Costa", "Ines Moura"];
let body = "";
for (let i = 0; i < 300; i++) {
  body += `<p>Paragraph ${i} opens with a plain sentence about the harbour and <a href="#">a link</a>.
    “Quote number ${i} has <em>emphasis</em> and runs on a while,” said ${names[i % 7]}.
    The council called it a “bold move” again.</p>\n`;
}
const html = `<!doctype html><html lang="en"><body><article id="a">${body}</article>
<script type="module" src="/bench.js"></script></body></html>`;
const script = `import init, { highlightElement, analyze } from "/pkg/quotelens_dom.js";
await init();
const el = document.getElementById("a");
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const out = {};
// Mark mode first: live ranges left over from highlight mode (garbage
// until the next major GC) would slow down its every DOM change.
for (const mode of ["mark", "highlight"]) {
  const mark = [], clear = [];
  for (let i = 0; i <= ${RUNS}; i++) {
    let t = performance.now();
    const h = highlightElement(el, { mode, lang: "en" });
    const dt = performance.now() - t;
    t = performance.now();
    h.clear();
    if (i > 0) { mark.push(dt); clear.push(performance.now() - t); }
  }
  out[mode] = { highlightElement: median(mark), clear: median(clear) };
}
const h = highlightElement(el, { mode: "highlight", lang: "en" });
h.clear();
const times = [];
for (let i = 0; i <= ${RUNS}; i++) {
  const t = performance.now();
  analyze(h.text, { lang: "en" });
  if (i > 0) times.push(performance.now() - t);
}
out.analyzeAlone = median(times);
out.utf16Units = h.text.length;
out.quotations = h.analysis.quotes.length;
window.__out = out;`;

const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path === "/") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  if (path === "/bench.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(script);
  if (path.startsWith("/pkg/") && !path.includes("..")) {
    const file = path.slice(5);
    const type = file.endsWith(".wasm") ? "application/wasm" : "text/javascript";
    return res.writeHead(200, { "content-type": type }).end(await readFile(PKG + file));
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.__out, null, { timeout: 300000 });
  const out = await page.evaluate(() => window.__out);
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`article: ${out.utf16Units} UTF-16 units, ${out.quotations} quotations; medians of ${RUNS}`);
  for (const mode of ["highlight", "mark"]) {
    console.log(`${mode.padEnd(9)} highlightElement ${ms(out[mode].highlightElement)}, clear ${ms(out[mode].clear)}`);
  }
  console.log(`analyze() alone on the same text: ${ms(out.analyzeAlone)}`);
} finally {
  await browser.close();
  server.close();
}
