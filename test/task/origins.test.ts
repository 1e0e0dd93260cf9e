// A worker's stack frame points into the function a cell sent: functionOrigin finds the spot in
// the function's own text, which the kernel then finds in the cell's JavaScript.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Process, ThreadPool } from "../../src/index.js";
import { functionOrigin } from "../../src/task/origins.js";

/** The first frame in the sent function's code: `at name (file:line:column)`, or `at file:line:column`. */
function frameOf(stack: string): [string, number, number] {
  const match = /at (?:\S+ \()?(concurrence-fn-[0-9a-f]+\.js):(\d+):(\d+)/.exec(stack);
  assert.ok(match, stack);
  return [match[1], Number(match[2]), Number(match[3])];
}

function tooBig(x: number) {
  const limit = 2;
  if (x > limit) throw new RangeError(`${x} > ${limit}`);
  return x;
}

test("a thread's frame maps to its line in the function's text", async () => {
  const pool = new ThreadPool({ workers: 1 });
  try {
    const error = await pool.map(tooBig, [1, 3]).catch((e: Error) => e);
    assert.ok(error instanceof RangeError);
    const origin = functionOrigin(...frameOf(error.stack ?? ""));
    assert.ok(origin, "the function was sent from here");
    assert.equal(origin.text, tooBig.toString());
    assert.match(origin.text.slice(origin.offset), /^new RangeError/);
  } finally {
    await pool.close();
  }
});

test("a child process's frame maps the same way, for an arrow function on one line", async () => {
  const arrow = (n: number) => (n < 0 ? Promise.reject(new TypeError("négatif")) : n);
  const error = await new Process(arrow, -1).start().join().catch((e: Error) => e);
  assert.ok(error instanceof TypeError, String(error));
  const origin = functionOrigin(...frameOf(error.stack ?? ""));
  assert.ok(origin);
  assert.match(origin.text.slice(origin.offset), /^new TypeError\("négatif"\)/);
  assert.equal(functionOrigin("concurrence-fn-0000000000000000.js", 1, 1), undefined, "a file never sent from here");
});
