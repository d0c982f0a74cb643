// The npm package in Chromium, installed from its packed tarball into a
// throwaway consumer (js-tests/consumer.mjs), in four setups, each running
// the shared suite (js-tests/shared/suite.mjs) that consumer.test.mjs runs
// in Node:
//   - a page without a bundler (an import map names the package), and a
//     module Web Worker loading it from node_modules;
//   - an app and a Web Worker bundled by esbuild, the .wasm taken through
//     the package's exports map.
// The consumer directory is served by a small static server on 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { build } from "esbuild";
import { prepareConsumer } from "../js-tests/consumer.mjs";
import { launchChromium } from "./chromium.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

let consumer;
let server;
let baseUrl;
let browser;

/** Serves `root` on a free port of 127.0.0.1; resolves with its URL. */
function serve(root) {
  const srv = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.split("/").includes("..")) {
      res.writeHead(400).end();
      return;
    }
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    srv.listen(0, "127.0.0.1", () => resolve({ srv, url: `http://127.0.0.1:${srv.address().port}` }));
  });
}

before(async () => {
  consumer = prepareConsumer();
  await build({
    absWorkingDir: consumer.dir,
    entryPoints: ["browser/app.js", "browser/worker.js"],
    outdir: "browser/dist",
    bundle: true,
    format: "esm",
    target: "es2022",
    loader: { ".wasm": "file" },
    logLevel: "warning",
  });
  ({ srv: server, url: baseUrl } = await serve(consumer.dir));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  consumer?.cleanup();
});

/** Opens `path`, waits for window.__report; fails on any page error. */
async function report(path) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  try {
    await page.goto(`${baseUrl}${path}`);
    await page.waitForFunction(() => window.__report !== undefined, null, { timeout: 60000 }).catch((err) => {
      throw new Error(`${path}: no report (${errors.join("; ") || err.message})`);
    });
    const result = await page.evaluate(() => window.__report);
    assert.deepEqual(errors, [], `${path}: errors in the page`);
    return result;
  } finally {
    await page.close();
  }
}

/** One subtest per case of the shared suite. */
async function expectAllPass(t, results) {
  assert.ok(Array.isArray(results) && results.length >= 9, `the suite ran: ${JSON.stringify(results)}`);
  for (const r of results) {
    await t.test(r.name, () => assert.ok(r.ok, r.error));
  }
}

test("a page without a bundler", async (t) => {
  const r = await report("/browser/nobundle.html");
  await t.test("a call before init() says so", () => {
    const [call, construct] = r.beforeInit;
    assert.match(call, /^Error: quotelens: analyze\(\) was called before the WebAssembly module was loaded; await init\(\)/);
    assert.match(construct, /^Error: quotelens: new Analyzer\(\) was called before the WebAssembly module was loaded/);
  });
  await t.test("page", (t2) => expectAllPass(t2, r.page));
  await t.test("module worker", (t2) => expectAllPass(t2, r.worker));
});

test("an app bundled by esbuild", async (t) => {
  const r = await report("/browser/app.html");
  await t.test("page", (t2) => expectAllPass(t2, r.page));
  await t.test("bundled worker", (t2) => expectAllPass(t2, r.worker));
});
