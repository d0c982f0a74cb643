// Builds a throwaway consumer of the npm package, as a user would get it:
// `npm pack` of pkg/, then `npm install --offline` of that tarball into a
// fresh directory holding the files of js-tests/consumer/ and the shared
// suite (js-tests/shared/). Used by consumer.test.mjs (Node, tsc) and
// e2e/package.spec.mjs (Chromium). Needs `make build-wasm` first.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const PKG = here("../pkg/");

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Packs, installs and returns {dir, tarball, cleanup()}. */
export function prepareConsumer() {
  if (!existsSync(join(PKG, "package.json"))) {
    throw new Error("pkg/ is not built; run `make build-wasm` first");
  }
  const dir = mkdtempSync(join(tmpdir(), "quotelens-consumer-"));
  const out = run("npm", ["pack", "--json", "--pack-destination", dir, PKG], dir);
  const tarball = join(dir, JSON.parse(out)[0].filename);
  cpSync(here("consumer/"), dir, { recursive: true });
  cpSync(here("shared/"), join(dir, "shared"), { recursive: true });
  // --offline: the package has no dependencies, so nothing may be fetched.
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], dir);
  return { dir, tarball, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
