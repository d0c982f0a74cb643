// End-to-end: the page in Debian's Chromium, served by scripts/serve.py
// with its strict CSP. Run with `node --test e2e/` after `make build`.
// Leaves a screenshot in e2e/artifacts/ (gitignored).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const artifacts = fileURLToPath(new URL("artifacts/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let server;
let baseUrl;
let browser;

/** Starts scripts/serve.py on a free port; resolves with its URL. */
function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn("python3", ["scripts/serve.py", "0"], {
      cwd: root,
      env: { ...process.env, QUOTELENS_SERVE_QUIET: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`serve.py did not start: ${out}`)), 10000);
    proc.stdout.setEncoding("utf8");
    proc.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.py exited with ${code}: ${out}`));
    });
  });
}

before(async () => {
  ({ proc: server, url: baseUrl } = await startServer());
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test("the page analyzes typed text under the strict CSP", { timeout: 60000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()}`));
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  // Record CSP violations from inside the page too.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });

  const wasmType = page
    .waitForResponse((r) => r.url().endsWith(".wasm"))
    .then((r) => r.headers()["content-type"]);
  const response = await page.goto(baseUrl);
  assert.ok(response?.ok(), "page loads");
  assert.match(response.headers()["content-security-policy"] ?? "", /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(await wasmType, "application/wasm");
  await page.waitForSelector("html[data-ready=true]", { timeout: 20000 });

  // The sample text is analyzed on load.
  assert.ok((await page.locator("#tokens .tok").count()) > 20, "sample tokens shown");
  assert.ok((await page.locator("#legend li").count()) >= 13, "legend lists the token kinds");

  // Type our own text (replacing the sample) and wait for the debounce.
  const text = "Hello world. 😀 Second sentence here!";
  await page.fill("#text", "");
  await page.locator("#text").pressSequentially(text, { delay: 5 });
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("東京 is big.");
  const full = `${text}\n\n東京 is big.`;
  await page.waitForFunction(() => document.getElementById("count-paragraphs")?.textContent === "2");

  assert.equal(await page.textContent("#count-sentences"), "3");
  assert.equal(await page.textContent("#count-quotes"), "0");
  assert.equal(await page.locator("#tokens .sb").count(), 3, "one mark per sentence");
  const tokenTexts = await page.locator("#tokens .tok").allTextContents();
  assert.equal(await page.textContent("#count-tokens"), String(tokenTexts.length));
  assert.equal(tokenTexts.join("").replace(/\s+/gu, ""), full.replace(/\s+/gu, ""));
  // The output box shows the text exactly (sentence marks are CSS-only).
  assert.equal(await page.textContent("#tokens"), full);

  // User text never becomes markup.
  await page.fill("#text", `<img src=x id=pwned> "Quoted," she said. <b>bold</b>`);
  await page.waitForFunction(() => document.querySelector("#tokens")?.textContent?.startsWith("<img"));
  assert.equal(await page.locator("#tokens img, #tokens b, #pwned").count(), 0);

  // Back to the sample for the screenshot.
  await page.click("#sample");
  await page.waitForFunction(() => Number(document.getElementById("count-sentences")?.textContent) > 3);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}page.png`, fullPage: true });
  await page.setViewportSize({ width: 420, height: 900 });
  await page.screenshot({ path: `${artifacts}page-narrow.png`, fullPage: true });

  const csp = await page.evaluate(() => window.__csp);
  assert.deepEqual(csp, [], "no CSP violations");
  assert.deepEqual(problems, [], "no console errors or failed requests");
  await page.close();
});
