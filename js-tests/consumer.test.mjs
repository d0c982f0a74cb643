// The npm package as a user installs it: `npm pack` of pkg/, installed
// offline into a throwaway consumer (consumer.mjs). Checks the tarball's
// contents and metadata, runs the shared suite there in Node (ESM, the
// .wasm read from the package's file, no fetch), and type-checks a strict
// TypeScript consumer against it. e2e/package.spec.mjs runs the same suite
// in Chromium.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { prepareConsumer } from "./consumer.mjs";

const consumer = prepareConsumer();
after(consumer.cleanup);
const installed = join(consumer.dir, "node_modules", "quotelens");
const meta = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");

// The shared suite, as the consumer's own test file defines it: imported
// from the consumer directory, so "quotelens" resolves to the installed
// tarball through its exports map ("node" condition).
await import(pathToFileURL(join(consumer.dir, "node.test.mjs")).href);

test("package.json: metadata from Cargo.toml, exports map, files", () => {
  assert.equal(meta.name, "quotelens");
  assert.equal(meta.version, cargo.match(/^version = "(.+)"$/m)[1]);
  assert.equal(meta.license, "MIT OR Apache-2.0");
  assert.match(meta.description, /quotation/);
  assert.match(meta.repository.url, /^https:\/\//);
  assert.ok(meta.keywords.includes("quotation") && meta.keywords.includes("webassembly"));
  assert.equal(meta.type, "module");
  assert.deepEqual(meta.exports["."], { types: "./index.d.ts", node: "./node.js", default: "./index.js" });
  assert.equal(meta.exports["./quotelens_bg.wasm"], "./quotelens_bg.wasm");
  // Every target of the map, and every listed file, is in the tarball.
  const targets = Object.values(meta.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)));
  for (const file of [...targets, ...meta.files, "README.md", "LICENSE-MIT", "LICENSE-APACHE"]) {
    assert.ok(existsSync(join(installed, file)), `${file} is in the package`);
  }
  assert.ok(meta.sideEffects.includes("./node.js"));
});

test("the widget is exported when it is built", (t) => {
  if (!existsSync(new URL("../widget/quote-lens.js", import.meta.url))) {
    t.skip("widget/quote-lens.js is not in this branch");
    return;
  }
  const widget = meta.exports["./widget"];
  assert.equal(typeof widget === "string" ? widget : widget.default, "./quote-lens.js");
  assert.ok(existsSync(join(installed, "quote-lens.js")));
  // The widget's own module (the DOM highlighter) ships beside the main
  // one, as files only: the exports map is unchanged.
  assert.equal(meta.exports["./quotelens_dom_bg.wasm"], undefined);
  for (const file of ["quotelens_dom.js", "quotelens_dom_bg.wasm"]) {
    assert.ok(existsSync(join(installed, file)), `${file} is in the package`);
  }
  if (existsSync(new URL("../widget/embed.js", import.meta.url))) {
    const embed = meta.exports["./embed"];
    assert.equal(typeof embed === "string" ? embed : embed.default, "./embed.js");
  }
});

test("the README documents the API, the limit and the four setups", () => {
  const readme = readFileSync(join(installed, "README.md"), "utf8");
  for (const word of ["analyze(", "tokenize(", "quotes(", "highlightHtml(", "new Analyzer(", "initSync", "maxInputBytes", "20 MiB", "Worker", "esbuild", "Node"]) {
    assert.ok(readme.includes(word), `README mentions ${word}`);
  }
});

/**
 * The README's ```js block under `heading` (the first block when null) and
 * the outputs its comments promise: each whole-line `// …` after the first
 * console.log, and each `// …` at the end of a console.log line (but not
 * objects and arrays, which Node prints its own way).
 */
function readmeExample(readme, heading) {
  const from = heading === null ? 0 : readme.indexOf(`\n${heading}\n`);
  assert.ok(from >= 0, `README has ${heading}`);
  const code = readme.slice(from).match(/```js\n([\s\S]*?)```/)[1];
  const expected = [];
  let logged = false;
  for (const line of code.split("\n")) {
    const own = line.match(/^\/\/ (.+)$/);
    if (own && logged) expected.push(own[1]);
    const trailing = line.match(/console\.log\(.*\); \/\/ ([^[{].*)$/);
    if (trailing) expected.push(trailing[1]);
    logged ||= line.includes("console.log");
  }
  return { code, expected };
}

test("the README's first and Node examples run and print what they say", () => {
  const readme = readFileSync(join(installed, "README.md"), "utf8");
  for (const heading of [null, "### Node (18 or later)"]) {
    const { code, expected } = readmeExample(readme, heading);
    assert.ok(expected.length >= 2, "the example promises some output");
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], {
      cwd: consumer.dir,
      encoding: "utf8",
    });
    for (const line of expected) assert.ok(out.includes(line), `prints ${line}\n${out}`);
  }
});

test("tsc --noEmit --strict accepts a typed consumer (and rejects misuse)", () => {
  const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
  execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "-p", join(consumer.dir, "tsconfig.json")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
});
