// Throughput of the wasm package in Node: `make bench` (after `make build`).
// Times quotelens' tokenize() and analyze() end to end (a JS string in,
// typed arrays / plain objects out) on benches/texts/harbour.txt repeated
// to about 1 MB, and on one copy of it (~3 KB) for per-article latency.
// QUOTELENS_BENCH_FILE=path times another UTF-8 file instead.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const root = fileURLToPath(new URL("..", import.meta.url));
const { default: init, tokenize, analyze } = await import(`${root}pkg/quotelens.js`);
await init({ module_or_path: readFileSync(`${root}pkg/quotelens_bg.wasm`) });

const article = process.env.QUOTELENS_BENCH_FILE
  ? readFileSync(process.env.QUOTELENS_BENCH_FILE, "utf8")
  : readFileSync(`${root}benches/texts/harbour.txt`, "utf8");
const big = article.repeat(Math.ceil((1 << 20) / article.length));
const bytes = (s) => Buffer.byteLength(s, "utf8");

function best(f, text, seconds = 2) {
  f(text); // warm-up
  let min = Infinity;
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || n < 5) {
    const t = performance.now();
    f(text);
    min = Math.min(min, performance.now() - t);
    n += 1;
  }
  return { ms: min, n };
}

const rows = [];
for (const [name, f] of [
  ["tokenize", tokenize],
  ["analyze", analyze],
]) {
  const r = best(f, big);
  rows.push([`${name} (1 MB)`, `${((bytes(big) / 1e6) / (r.ms / 1000)).toFixed(1)} MB/s`, `best of ${r.n}`]);
  const a = best(f, article, 1);
  rows.push([`${name} (${(bytes(article) / 1024).toFixed(1)} KB article)`, `${a.ms.toFixed(3)} ms`, `best of ${a.n}`]);
}
const wasm = readFileSync(`${root}pkg/quotelens_bg.wasm`);
const { gzipSync } = await import("node:zlib");
rows.push(["pkg/quotelens_bg.wasm", `${wasm.length} bytes`, `${gzipSync(wasm, { level: 9 }).length} gzipped`]);
for (const r of rows) console.log(r[0].padEnd(30), r[1].padStart(14), " ", r[2]);
