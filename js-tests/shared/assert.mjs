// A small assert for the shared suite (suite.mjs), so the very same test
// code runs in Node and in a browser page or worker, with no Node built-ins.
// Each check throws an AssertionError with what differed.

export class AssertionError extends Error {
  name = "AssertionError";
}

function show(value) {
  try {
    const json = JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v));
    if (json !== undefined) return json.length > 300 ? `${json.slice(0, 300)}…` : json;
  } catch {
    // fall through
  }
  return String(value);
}

export function ok(value, message = "expected a truthy value") {
  if (!value) throw new AssertionError(`${message}: got ${show(value)}`);
}

export function equal(actual, expected, message = "values differ") {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${message}: got ${show(actual)}, expected ${show(expected)}`);
  }
}

/** Deep equality of plain data: primitives, arrays, typed arrays, plain objects. */
export function deepEqual(actual, expected, message = "values differ") {
  if (!same(actual, expected)) {
    throw new AssertionError(`${message}: got ${show(actual)}, expected ${show(expected)}`);
  }
}

function same(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) || ArrayBuffer.isView(a)) {
    return a.length === b.length && Array.prototype.every.call(a, (x, i) => same(x, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

export function match(string, regexp, message = "no match") {
  if (typeof string !== "string" || !regexp.test(string)) {
    throw new AssertionError(`${message}: ${show(string)} does not match ${regexp}`);
  }
}

export function doesNotMatch(string, regexp, message = "unexpected match") {
  if (typeof string !== "string" || regexp.test(string)) {
    throw new AssertionError(`${message}: ${show(string)} matches ${regexp}`);
  }
}

/**
 * `fn()` must throw an `Error` (of `type`, default Error) whose message
 * matches `regexp`. Returns the error.
 */
export function throws(fn, regexp, type = Error) {
  let threw = false;
  let err;
  try {
    fn();
  } catch (e) {
    threw = true;
    err = e;
  }
  if (!threw) throw new AssertionError(`expected an error matching ${regexp}; nothing was thrown`);
  if (!(err instanceof type)) {
    throw new AssertionError(`expected a ${type.name}, got ${show(err)} (${err?.constructor?.name})`);
  }
  match(err.message, regexp, "error message");
  return err;
}
