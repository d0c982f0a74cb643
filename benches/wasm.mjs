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
import { DOES, compare, format, makeLibraries } from "./suite.mjs";

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
// Each sample also timed by the process' CPU time (user + system, all
// threads: V8's background compiler and GC count, for every library).
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const result = compare(libs, corpus, { smoke, log, cpu });
for (const line of format(result)) console.log(line);
check(result.rows.length === 6, "every library timed");

console.log("");
// Adversarial kinds against prose: every kind timed once per round, the
// kinds in turn (round-robin), so a burst of load on the shared machine
// falls on all of them alike. A kind's ratio is taken within each round
// (its time per byte over news' in the same round), and the median of
// those ratios reported, with the spread of the middle half.
const size = smoke ? 16 << 10 : 1 << 20;
const advRounds = smoke ? 1 : 15;
const advTexts = [["news (prose)", corpus.news(size)]];
for (const kind of Object.keys(texts.ADVERSARIAL)) advTexts.push([kind, texts.adversarial(kind, size)]);
console.log(`## quotelens analyze() on adversarial input (medians of ${advRounds} round-robin rounds; vs prose = time per MB against news in the same round)`);
const adv = roundRobin(
  advTexts.map(([, t]) => () => ql.analyze(t).quotes.length),
  advRounds,
);
const perByte = adv.map((ms, i) => ms.map((x) => x / texts.utf8Length(advTexts[i][1])));
advTexts.forEach(([kind], i) => {
  const mbps = (1e-3 / median(perByte[i])).toFixed(1).padStart(10);
  if (i === 0) {
    console.log(`${kind.padEnd(20)}${mbps} MB/s`);
    return;
  }
  const ratios = perByte[i].map((x, r) => x / perByte[0][r]);
  const [lo, mid, hi] = quartiles(ratios);
  console.log(`${kind.padEnd(20)}${mbps} MB/s  ${mid.toFixed(2)}× prose (middle half ${lo.toFixed(2)}–${hi.toFixed(2)}×)`);
});

console.log("");
const benchPkg = `${root}target/bench-pkg`;
const b = existsSync(`${benchPkg}/quotelens.js`) ? await loadPkg(benchPkg) : null;
// A build left from older code lacks the newer exports: say so rather
// than fail on a missing function half-way.
const boundaryExports = ["analyzeCore", "analyzeReport", "analyzeSerde", "analyzeJson", "analyzeSpans", "textIn", "tokenizeCore", "tokenizeScan"];
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
  // Round-robin as above; the article in batches of calls (one call is
  // too short to time alone), each way's median sample reported.
  const rounds = smoke ? 1 : 11;
  const batch = smoke ? 1 : 20;
  const big = roundRobin(ways.map(([, f]) => () => f(news)), rounds);
  const small = roundRobin(ways.map(([, f]) => () => f(a)), rounds, batch);
  const label = `ms per ${(texts.utf8Length(news) / 1e6).toFixed(2)} MB`;
  console.log(`(medians of ${rounds} round-robin rounds; the article in batches of ${batch} calls)`);
  console.log(`${"way".padEnd(44)}${label.padStart(16)}${"ms per 3 KB".padStart(14)}`);
  ways.forEach(([name], i) => {
    console.log(`${name.padEnd(44)}${median(big[i]).toFixed(2).padStart(16)}${median(small[i]).toFixed(4).padStart(14)}`);
  });

  console.log("");
  console.log("## boundary: where tokenize() spends its time (each way adds one step to the one before)");
  const tokWays = [
    ["the string into wasm memory (textIn)", (t) => b.textIn(t)],
    ["+ the tokenizer's scan (tokenizeScan)", (t) => b.tokenizeScan(t)],
    ["+ UTF-16 triples in a Vec (tokenizeCore)", (t) => b.tokenizeCore(t)],
    ["+ the Uint32Array out: tokenize()", (t) => b.tokenize(t).length],
  ];
  const tokBig = roundRobin(tokWays.map(([, f]) => () => f(news)), smoke ? 1 : 21);
  const tokSmall = roundRobin(tokWays.map(([, f]) => () => f(a)), rounds, smoke ? 1 : 200);
  console.log(`(medians of ${smoke ? 1 : 21} round-robin rounds; the article in batches)`);
  console.log(`${"way".padEnd(44)}${label.padStart(16)}${"ms per 3 KB".padStart(14)}`);
  tokWays.forEach(([name], i) => {
    console.log(`${name.padEnd(44)}${median(tokBig[i]).toFixed(2).padStart(16)}${median(tokSmall[i]).toFixed(4).padStart(14)}`);
  });
}

console.log("");
const wasm = readFileSync(`${root}pkg/quotelens_bg.wasm`);
const { execFileSync } = await import("node:child_process");
console.log(`pkg/quotelens_bg.wasm: ${wasm.length} bytes, ${gzipLength(wasm)} gzipped`);
if (smoke) console.log("wasm bench smoke: ok");

/**
 * Times each of `fns` (no arguments) `rounds` times, in turn: round r
 * calls every function once (after one warm-up call each) before round
 * r + 1 starts. Returns, per function, its milliseconds per call in each
 * round; a sample is `batch` calls.
 */
function roundRobin(fns, rounds, batch = 1) {
  let sink = 0;
  for (const f of fns) sink += f();
  const ms = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((f, i) => {
      const t = performance.now();
      for (let k = 0; k < batch; k++) sink += f();
      ms[i].push((performance.now() - t) / batch);
    });
  }
  check(Number.isFinite(sink), "round-robin results");
  return ms;
}

/** The median of `xs` (the mean of the middle two for an even count). */
function median(xs) {
  return quartiles(xs)[1];
}

/** The first quartile, the median and the third quartile of `xs`. */
function quartiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => {
    const i = (s.length - 1) * q;
    const lo = Math.floor(i);
    return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
  };
  return [at(0.25), at(0.5), at(0.75)];
}

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
