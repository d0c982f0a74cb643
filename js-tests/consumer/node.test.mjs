// The shared suite against the installed package in Node: the "node" entry
// loads the .wasm from the package's own file at import, without fetch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as api from "quotelens";
import init, { analyze, initSync } from "quotelens";
import { cases } from "./shared/suite.mjs";

for (const [name, fn] of cases(api)) test(`node: ${name}`, fn);

test("node: usable at import; init() and initSync() are no-ops after it", async () => {
  assert.equal(analyze("One. Two.").sentences.length, 2);
  const exports = await init();
  assert.ok(exports.memory instanceof WebAssembly.Memory);
  assert.equal(initSync(), exports);
});

test("node: the import needs no fetch", () => {
  const script =
    "globalThis.fetch = () => { throw new Error('fetch was called'); };" +
    "const { analyze } = await import('quotelens');" +
    "console.log(analyze('“Yes,” said Ann Lee.').quotes[0].speaker.name);";
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: new URL(".", import.meta.url),
    encoding: "utf8",
  });
  assert.equal(out.trim(), "Ann Lee");
});
