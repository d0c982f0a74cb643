// The timing suite shared by benches/wasm.mjs (Node) and
// benches/chromium.mjs (the same code in a Chromium page): every library
// in one process, on the same texts, timed the same way.
//
// A library is { name, analyze(text), tokenize(text) } where each function
// does the whole job end to end (a JS string in, JS values out) and
// returns something whose size depends on the result, so no engine can
// skip the work. makeLibraries() builds them from the loaded modules.

/** The three libraries and what each is timed doing (shared wording for the reports). */
export const DOES = {
  quotelens: {
    analyze: "analyze(text): quotations, speakers, sentences, paragraphs, stats as JS objects",
    tokenize: "tokenize(text): Uint32Array of [start, end, kind] (UTF-16)",
  },
  compromise: {
    analyze: "nlp(text).quotations().out('array') (parse + tag + quotations)",
    tokenize: "nlp.tokenize(text).termList() (tokenize without tagging)",
  },
  "wink-nlp": {
    analyze: "readDoc(text) + sentences().out() + tokens().out() (no quotations)",
    tokenize: "readDoc(text) with an empty pipe + tokens().out()",
  },
};

/**
 * The library adapters. `ql` is the quotelens module (initialized), `nlp`
 * compromise's default export, `winkNLP`/`model` wink-nlp and
 * wink-eng-lite-web-model.
 */
export function makeLibraries({ ql, nlp, winkNLP, model }) {
  const libs = [];
  if (ql) {
    libs.push({
      name: "quotelens",
      analyze: (t) => ql.analyze(t).quotes.length,
      tokenize: (t) => ql.tokenize(t).length,
    });
  }
  if (nlp) {
    libs.push({
      name: "compromise",
      analyze: (t) => nlp(t).quotations().out("array").length,
      tokenize: (t) => nlp.tokenize(t).termList().length,
    });
  }
  if (winkNLP && model) {
    const full = winkNLP(model);
    const bare = winkNLP(model, []);
    libs.push({
      name: "wink-nlp",
      analyze: (t) => {
        const doc = full.readDoc(t);
        return doc.sentences().out().length + doc.tokens().out().length;
      },
      tokenize: (t) => bare.readDoc(t).tokens().out().length,
    });
  }
  return libs;
}

const now = () => performance.now();

/**
 * Times `f(text)`: one warm-up call, then samples until both `minRuns`
 * and `minMs` are reached (or `maxRuns`). A sample is a batch of calls
 * lasting at least `batchMs` (browsers coarsen performance.now() to 0.1
 * ms, so short calls are timed in batches). Returns the median time per
 * call, the fastest sample's (on a shared, loaded machine the best is
 * the steadier estimate of the code's own speed) and the sample count.
 *
 * `cpu`, where the host has one (Node: process.cpuUsage), is a clock of
 * the process' CPU time in ms; each sample is then also timed by it, and
 * `cpuMs` is the median of those. On a machine with more runnable
 * processes than cores the wall-clock median counts the time others ran
 * (a 2 ms batch is preempted more often than not: the 3 KB article's
 * median read 0.36-0.67 ms at a load of 9 on 2 cores where its CPU time
 * was 0.11-0.22 ms and its best sample 0.09); the CPU median does not,
 * though the CPU time itself still grows when another process shares the
 * core's caches. Garbage collection is not what spreads the median: the
 * article's calls meet a scavenge about once in a thousand.
 */
export function time(f, text, { minRuns = 5, minMs = 2000, maxRuns = 100000, batchMs = 2, cpu = null } = {}) {
  let sink = f(text); // warm-up (JIT, wasm tier-up, first allocation)
  // The batch: doubled until the fastest of three timings of it lasts
  // batchMs (one slow timing, a GC or a preemption, must not stop it early).
  let batch = 1;
  while (batchMs > 0 && batch < 1 << 16) {
    let fastest = Infinity;
    for (let k = 0; k < 3 && fastest >= batchMs; k++) {
      const t = now();
      for (let i = 0; i < batch; i++) sink ^= f(text);
      fastest = Math.min(fastest, now() - t);
    }
    if (fastest >= batchMs) break;
    batch *= 2;
  }
  const runs = [];
  const cpuRuns = [];
  const start = now();
  while (runs.length < maxRuns && (runs.length < minRuns || now() - start < minMs)) {
    const c = cpu ? cpu() : 0;
    const t = now();
    for (let i = 0; i < batch; i++) sink ^= f(text);
    runs.push((now() - t) / batch);
    if (cpu) cpuRuns.push((cpu() - c) / batch);
  }
  runs.sort((a, b) => a - b);
  cpuRuns.sort((a, b) => a - b);
  const cpuMs = cpu ? cpuRuns[cpuRuns.length >> 1] : null;
  return { ms: runs[runs.length >> 1], best: runs[0], cpuMs, runs: runs.length, batch, sink };
}

/** Options for time() that run once: the smoke mode of the scripts. */
export const ONCE = { minRuns: 1, minMs: 0, maxRuns: 1, batchMs: 0 };

/**
 * Runs the comparison: for each library and each job, MB/s on the news
 * corpus and milliseconds per 3 KB article (medians). `smoke` runs each
 * once on small inputs (for `make test`: checks the code, not the speed).
 */
export function compare(libs, corpus, { smoke = false, newsBytes = 1 << 20, log = () => {}, cpu = null } = {}) {
  const news = corpus.news(smoke ? 16 << 10 : newsBytes);
  const article = corpus.article();
  const mb = (s) => new TextEncoder().encode(s).length / 1e6;
  const big = { ...(smoke ? ONCE : { minRuns: 3, minMs: 3000 }), cpu };
  const small = { ...(smoke ? ONCE : { minRuns: 20, minMs: 1500 }), cpu };
  const rows = [];
  for (const job of ["analyze", "tokenize"]) {
    for (const lib of libs) {
      log(`${job}: ${lib.name}…`);
      const b = time(lib[job], news, big);
      const a = time(lib[job], article, small);
      rows.push({
        job,
        lib: lib.name,
        mbps: mb(news) / (b.ms / 1000),
        bestMbps: mb(news) / (b.best / 1000),
        bigMs: b.ms,
        bigRuns: b.runs,
        cpuMbps: b.cpuMs === null ? null : mb(news) / (b.cpuMs / 1000),
        articleMs: a.ms,
        articleCpuMs: a.cpuMs,
        articleBestMs: a.best,
        articleRuns: a.runs,
      });
    }
  }
  return { newsMB: mb(news), articleBytes: new TextEncoder().encode(article).length, rows };
}

/**
 * The comparison as printable lines, with quotelens' ratio to each peer
 * (by the wall-clock medians). With CPU times (Node), two more columns:
 * the medians by the process' CPU time, which a loaded machine inflates
 * less (see time()).
 */
export function format({ newsMB, articleBytes, rows }) {
  const out = [];
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  const withCpu = rows.every((r) => r.cpuMbps !== null && r.articleCpuMs !== null);
  out.push(`(median; best: the fastest sample${withCpu ? "; cpu: the median by the process' CPU time" : ""})`);
  out.push(
    `${pad("job", 10)}${pad("library", 12)}${lpad(`MB/s (${newsMB.toFixed(2)} MB)`, 18)}${lpad("best", 9)}${withCpu ? lpad("cpu", 9) : ""}${lpad(`ms per ${(articleBytes / 1000).toFixed(1)} KB article`, 26)}${lpad("best", 9)}${withCpu ? lpad("cpu", 9) : ""}${lpad("runs", 10)}`,
  );
  for (const r of rows) {
    out.push(
      `${pad(r.job, 10)}${pad(r.lib, 12)}${lpad(r.mbps.toFixed(2), 18)}${lpad(r.bestMbps.toFixed(2), 9)}${withCpu ? lpad(r.cpuMbps.toFixed(2), 9) : ""}${lpad(r.articleMs.toFixed(3), 26)}${lpad(r.articleBestMs.toFixed(3), 9)}${withCpu ? lpad(r.articleCpuMs.toFixed(3), 9) : ""}${lpad(`${r.bigRuns}/${r.articleRuns}`, 10)}`,
    );
  }
  for (const job of ["analyze", "tokenize"]) {
    const ql = rows.find((r) => r.job === job && r.lib === "quotelens");
    if (!ql) continue;
    for (const peer of rows.filter((r) => r.job === job && r.lib !== "quotelens")) {
      out.push(
        `${job}: quotelens is ${(ql.mbps / peer.mbps).toFixed(1)}× ${peer.lib}'s MB/s, ` +
          `${(peer.articleMs / ql.articleMs).toFixed(1)}× faster per article`,
      );
    }
  }
  return out;
}
