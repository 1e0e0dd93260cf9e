import assert from "node:assert/strict";
import { test } from "node:test";
import { NotSelfContainedError } from "../../src/errors.js";
import { functionSource } from "../../src/task/source.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("a function that uses an outer variable is refused, naming the variable", () => {
  const factor = 3;
  const scale = (x: number) => x * factor;
  assert.throws(
    () => functionSource(scale),
    (error: unknown) =>
      error instanceof NotSelfContainedError &&
      error.variables.includes("factor") &&
      /`factor`/.test(error.message) &&
      /pass it as an argument/.test(error.message),
  );
});

test("several outer names are all reported", () => {
  const a = 1;
  const b = 2;
  function sum(x: number) {
    return x + a + b;
  }
  assert.throws(() => functionSource(sum), (e: unknown) => e instanceof NotSelfContainedError && e.variables.join() === "a,b" && /`sum`/.test(e.message));
});

test("tslab's `exports.k` (a variable of another cell) is reported as `k`", () => {
  const cellFunction = new Function("return function f(x) { return x * exports.k; }")();
  assert.throws(() => functionSource(cellFunction), (e: unknown) => e instanceof NotSelfContainedError && e.variables.join() === "k");
});

test("globals, require, parameters and locals are allowed", () => {
  function ok(n: number, list: number[]) {
    const os = require("node:os") as typeof import("node:os");
    let total = Math.sqrt(n) + os.cpus().length;
    for (const x of list) total += x;
    const inner = (y: number) => y + total;
    try {
      JSON.stringify({ total });
    } catch (err) {
      console.error(err);
    }
    return inner(new Date(0).getTime()) + Number(new URL("http://127.0.0.1/").port || 0);
  }
  assert.match(functionSource(ok), /function ok/);
});

test("methods written in short form can be sent", () => {
  const holder = {
    twice(x: number) {
      return 2 * x;
    },
  };
  const source = functionSource(holder.twice);
  assert.equal(new Function(`return ${source}`)()(21), 42);
});

test("non-functions and native or bound functions get a TypeError that says what to do", () => {
  for (const value of [42, "f", null, undefined, {}]) {
    assert.throws(() => functionSource(value), (e: unknown) => e instanceof TypeError && /must be a function/.test((e as Error).message));
  }
  assert.throws(() => functionSource(Math.max), /native or bound function.*wrap it/);
  assert.throws(() => functionSource(((x: number) => x).bind(null)), /native or bound function/);
});
