// A Rust panic reaches JS as a clear Error, and the next call works.
//
// Runs against a test build of the bindings (`make build-wasm-panic`:
// target/pkg-panic/, the `test-panic` feature) whose only difference from
// the package is a hidden export, __testPanic(message), that panics. The
// package itself has no way to panic on purpose.
//
// Without the reset (src/wasm/panic.rs) the first panic would surface as
// "RuntimeError: unreachable" and the second would abort the instance
// without even reaching the hook (std's panic state is never cleared in
// the old instance), so panicking twice in a row checks the reset itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";

const dir = new URL("../target/pkg-panic/", import.meta.url);
if (!existsSync(new URL("quotelens.js", dir))) {
  throw new Error("target/pkg-panic/ is missing; run `make build-wasm-panic` first");
}
const glue = await import(new URL("quotelens.js", dir).href);
glue.initSync({ module: readFileSync(new URL("quotelens_bg.wasm", dir)) });

const TEXT = "“We are ready,” said Ann Lee. The “plan” stands.";

test("the hidden export is only in the test build", () => {
  const pkgGlue = readFileSync(new URL("../pkg/quotelens.js", import.meta.url), "utf8");
  assert.doesNotMatch(pkgGlue, /__testPanic/);
  assert.equal(typeof glue.__testPanic, "function");
});

test("a panic is a clear Error, and every later call works", () => {
  const before = glue.analyze(TEXT);
  for (let i = 0; i < 3; i++) {
    let err;
    try {
      glue.__testPanic(`test panic ${i}`);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof Error, "an Error was thrown");
    assert.ok(!(err instanceof WebAssembly.RuntimeError), "not the opaque trap");
    assert.match(err.message, new RegExp(`^quotelens: internal error \\(panicked at .*\\n?test panic ${i}\\)`));
    assert.match(err.message, /The module has been reset and the next call works as usual\.$/);
    // The next call: same results as before the panic.
    assert.deepEqual(glue.analyze(TEXT), before);
    assert.deepEqual(glue.quotes(TEXT, { kinds: ["other"] }).map((q) => q.text), ["plan"]);
    assert.equal(glue.tokenize(TEXT).length % 3, 0);
    assert.match(glue.highlightHtml(TEXT), /data-speaker="Ann Lee"/);
  }
});

test("panics in a row, each reported, with calls between them or not", () => {
  for (let i = 0; i < 3; i++) {
    assert.throws(() => glue.__testPanic("again"), /quotelens: internal error/);
  }
  assert.equal(glue.version(), JSON.parse(readFileSync(new URL("../pkg/package.json", import.meta.url), "utf8")).version);
  assert.equal(glue.analyze(TEXT).quotes.length, 2);
});

test("an Analyzer made before a panic works after it (it holds no wasm memory)", async () => {
  // index.js is copied beside the test build by `make build-wasm-panic`.
  const { Analyzer } = await import(new URL("index.js", dir).href);
  const analyzer = new Analyzer({ kinds: ["speech"] });
  const before = analyzer.quotes(TEXT);
  assert.throws(() => glue.__testPanic("between"), /internal error/);
  assert.deepEqual(analyzer.quotes(TEXT), before);
});

test("errors that are not panics leave the instance alone", () => {
  assert.throws(() => glue.analyze(42), /text must be a string/);
  assert.equal(glue.analyze(TEXT).quotes.length, 2);
});
