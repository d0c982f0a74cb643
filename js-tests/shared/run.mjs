// Runs the shared suite (suite.mjs) outside node:test, in a browser page or
// worker: one {name, ok, error} per case, for the Playwright spec to report.
import { cases } from "./suite.mjs";

export function runAll(api) {
  return cases(api).map(([name, fn]) => {
    try {
      fn();
      return { name, ok: true };
    } catch (err) {
      return { name, ok: false, error: String(err?.stack ?? err) };
    }
  });
}
