// The wasm benchmark in Node: `make bench` (after `make build-wasm`), or
// `node benches/wasm.mjs [--smoke]`.
//
// 1. quotelens (pkg/), compromise and wink-nlp in this one process, on the
//    same texts (benches/texts.mjs): MB/s on about 1 MB of news, ms per
//    3 KB article, and quotelens' ratio to each peer (benches/suite.mjs).
// 2. quotelens analyze() on 1 MB of each adversarial kind, against prose.
// 3. The boundary: where analyze()'s time goes between the core and a JS
//    object (the measurement-only build in target/bench-pkg/, feature
//    bench-boundary; skipped when it is not built).
//
// --smoke: every part once on small inputs (run by `make test` so this
// script cannot rot; asserts nothing about time).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as texts from "./texts.mjs";
import { DOES, ONCE, compare, format, makeLibraries, time } from "./suite.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const smoke = process.argv.includes("--smoke");
const log = (s) => process.stderr.write(`  ${s}\n`);

/** Loads and initializes a wasm-pack `--target web` build in Node. */
async function loadPkg(dir) {
  const mod = await import(`${dir}/quotelens.js`);
  await mod.default({ module_or_path: readFileSync(`${dir}/quotelens_bg.wasm`) });
  return mod;
}

const ql = await loadPkg(`${root}pkg`);
const { default: nlp } = await import("compromise");
const { default: winkNLP } = await import("wink-nlp");
const { default: model } = await import("wink-eng-lite-web-model");
const corpus = await texts.load();

console.log(`# wasm in Node ${process.version}${smoke ? " (smoke: small inputs, one run each)" : ""}`);
console.log("");
console.log("## quotelens and its peers, one process, same texts (medians)");
for (const [lib, jobs] of Object.entries(DOES)) {
  for (const [job, what] of Object.entries(jobs)) console.log(`- ${lib} ${job}: ${what}`);
}
const libs = makeLibraries({ ql, nlp, winkNLP, model });
const result = compare(libs, corpus, { smoke, log });
for (const line of format(result)) console.log(line);
check(result.rows.length === 6, "every library timed");

console.log("");
console.log("## quotelens analyze() on adversarial input (best MB/s; vs prose = time per MB against news)");
const size = smoke ? 16 << 10 : 1 << 20;
const opts = smoke ? ONCE : { minRuns: 5, minMs: 2000 };
const prose = corpus.news(size);
const proseMs = time(ql.analyze, prose, opts).best / texts.utf8Length(prose);
console.log(`${"news (prose)".padEnd(20)}${(1e-3 / proseMs).toFixed(1).padStart(10)} MB/s`);
for (const kind of Object.keys(texts.ADVERSARIAL)) {
  const t = texts.adversarial(kind, size);
  const perByte = time(ql.analyze, t, opts).best / texts.utf8Length(t);
  console.log(`${kind.padEnd(20)}${(1e-3 / perByte).toFixed(1).padStart(10)} MB/s  ${(perByte / proseMs).toFixed(2)}× prose`);
}

console.log("");
const benchPkg = `${root}target/bench-pkg`;
const b = existsSync(`${benchPkg}/quotelens.js`) ? await loadPkg(benchPkg) : null;
// A build left from older code lacks the newer exports: say so rather
// than fail on a missing function half-way.
const boundaryExports = ["analyzeCore", "analyzeReport", "analyzeSerde", "analyzeJson", "analyzeSpans"];
const missing = b ? boundaryExports.filter((f) => typeof b[f] !== "function") : [];
if (!b) {
  console.log("## boundary: skipped (build target/bench-pkg first: make build-bench-pkg)");
} else if (missing.length) {
  console.log(`## boundary: skipped (target/bench-pkg is out of date, no ${missing.join(", ")}: make build-bench-pkg)`);
} else {
  console.log("## boundary: where analyze() spends its time (measurement build, feature bench-boundary)");
  const ways = [
    ["core only (a count crosses)", (t) => b.analyzeCore(t)],
    ["core + Report (nothing crosses)", (t) => b.analyzeReport(t)],
    ["objects: analyze() (objects.rs, text.slice)", (t) => b.analyze(t).quotes.length],
    ["objects: serde-wasm-bindgen of the Report", (t) => b.analyzeSerde(t).quotes.length],
    ["JSON string: analyzeJson()", (t) => b.analyzeJson(t).length],
    ["JSON: analyzeJson() + JSON.parse", (t) => JSON.parse(b.analyzeJson(t)).quotes.length],
    ["typed array: analyzeSpans() (no strings)", (t) => b.analyzeSpans(t).length],
  ];
  // The same result whichever way it crosses.
  const a = corpus.article();
  check(
    JSON.stringify(JSON.parse(b.analyzeJson(a))) === JSON.stringify(b.analyze(a)),
    "analyzeJson and analyze agree",
  );
  check(
    JSON.stringify(b.analyzeSerde(a)) === JSON.stringify(b.analyze(a)),
    "analyzeSerde and analyze agree",
  );
  const news = corpus.news(size);
  // Round-robin, so a burst of load on the machine hits every way alike;
  // each way's figure is its fastest sample over all rounds.
  const rounds = smoke ? 1 : 7;
  const big = smoke ? ONCE : { minRuns: 1, minMs: 0, maxRuns: 1, batchMs: 0 };
  const small = smoke ? ONCE : { minRuns: 10, minMs: 300 };
  const best = ways.map(() => ({ big: Infinity, small: Infinity }));
  for (let r = 0; r < rounds; r++) {
    ways.forEach(([, f], i) => {
      best[i].big = Math.min(best[i].big, time(f, news, big).best);
      best[i].small = Math.min(best[i].small, time(f, a, small).best);
    });
  }
  const label = `ms per ${(texts.utf8Length(news) / 1e6).toFixed(2)} MB`;
  console.log(`(fastest sample of ${rounds} round-robin rounds: the steadier figure on a loaded machine)`);
  console.log(`${"way".padEnd(44)}${label.padStart(16)}${"ms per 3 KB".padStart(14)}`);
  ways.forEach(([name], i) => {
    console.log(`${name.padEnd(44)}${best[i].big.toFixed(2).padStart(16)}${best[i].small.toFixed(4).padStart(14)}`);
  });
}

console.log("");
const wasm = readFileSync(`${root}pkg/quotelens_bg.wasm`);
const { execFileSync } = await import("node:child_process");
console.log(`pkg/quotelens_bg.wasm: ${wasm.length} bytes, ${gzipLength(wasm)} gzipped`);
if (smoke) console.log("wasm bench smoke: ok");

function check(ok, what) {
  if (!ok) {
    console.error(`wasm bench: ${what}: FAILED`);
    process.exit(1);
  }
}

/** Bytes of `gzip -9` output (the same tool as `make size`). */
function gzipLength(bytes) {
  return execFileSync("gzip", ["-9c"], { input: bytes, maxBuffer: 1 << 28 }).length;
}
