// Peak memory on about 1 MB of news in Node: `node benches/memory.mjs
// [--smoke]` (part of `make bench`).
//
// Each library runs in its own child process (`node --expose-gc`) that
// loads it, builds the text, collects garbage, then does its whole job
// once (quotelens analyze(); compromise parse + quotations; wink-nlp
// readDoc + sentences + tokens). The figure is the process's peak
// resident set (VmHWM from /proc/self/status: the kernel's high-water
// mark, so no sampling can miss the peak), and the growth of that peak
// over the one before the job (what the job itself needed).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as texts from "./texts.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const smoke = process.argv.includes("--smoke");
const LIBS = ["quotelens", "compromise", "wink-nlp"];

/** Peak and current resident set in MiB (Linux). */
function rss() {
  const status = readFileSync("/proc/self/status", "utf8");
  const kib = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"))?.[1] ?? NaN);
  return { peak: kib("VmHWM") / 1024, now: kib("VmRSS") / 1024 };
}

async function child(lib, bytes) {
  const corpus = await texts.load();
  const text = corpus.news(bytes);
  let job;
  if (lib === "quotelens") {
    const ql = await import(`${root}pkg/quotelens.js`);
    await ql.default({ module_or_path: readFileSync(`${root}pkg/quotelens_bg.wasm`) });
    job = (t) => ql.analyze(t).quotes.length;
  } else if (lib === "compromise") {
    const { default: nlp } = await import("compromise");
    job = (t) => nlp(t).quotations().out("array").length;
  } else {
    const { default: winkNLP } = await import("wink-nlp");
    const { default: model } = await import("wink-eng-lite-web-model");
    const nlp = winkNLP(model);
    job = (t) => {
      const doc = nlp.readDoc(t);
      return doc.sentences().out().length + doc.tokens().out().length;
    };
  }
  globalThis.gc?.();
  const before = rss();
  const n = job(text);
  const after = rss();
  process.stdout.write(
    JSON.stringify({ lib, bytes: texts.utf8Length(text), result: n, before: before.peak, peak: after.peak }),
  );
}

if (process.argv[2] === "--child") {
  await child(process.argv[3], Number(process.argv[4]));
} else {
  const bytes = smoke ? 16 << 10 : 1 << 20;
  console.log(`# peak memory, one child process per library (node ${process.version} --expose-gc)`);
  console.log(`${"library".padEnd(12)}${"input MB".padStart(10)}${"peak RSS MiB".padStart(15)}${"before job".padStart(12)}${"job adds".padStart(10)}`);
  for (const lib of LIBS) {
    const out = execFileSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--child", lib, String(bytes)], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(out);
    if (!(r.result > 0)) throw new Error(`${lib}: no result`);
    console.log(
      `${lib.padEnd(12)}${(r.bytes / 1e6).toFixed(2).padStart(10)}${r.peak.toFixed(0).padStart(15)}${r.before.toFixed(0).padStart(12)}${(r.peak - r.before).toFixed(0).padStart(10)}`,
    );
  }
  if (smoke) console.log("memory bench smoke: ok");
}
