import assert from "node:assert/strict";
import { test } from "node:test";
import { mapLimit, maxOverlap } from "../../src/index.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("mapLimit keeps the order, holds the limit, and stops taking items after a failure", async () => {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const results = await mapLimit([5, 1, 4, 2, 3], 2, async (ms, i) => {
    started.push(i);
    most = Math.max(most, ++running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    return ms * 10;
  });
  assert.deepEqual(results, [50, 10, 40, 20, 30]);
  assert.equal(most, 2);
  assert.deepEqual(started, [0, 1, 2, 3, 4]);

  const tried: number[] = [];
  await assert.rejects(
    mapLimit([1, 2, 3, 4], 1, async (x) => {
      tried.push(x);
      if (x === 2) throw new Error("two");
    }),
    /two/,
  );
  assert.deepEqual(tried, [1, 2]);
  await assert.rejects(mapLimit([1], 0, async (x) => x), { name: "RangeError", message: /limit must be a positive integer/ });
  await assert.rejects(mapLimit("abc" as never, 1, async (x) => x), TypeError);

  assert.equal(maxOverlap([{ start: 0, end: 2 }, { start: 1, end: 3 }, { start: 3, end: 4 }]), 2);
  assert.equal(maxOverlap([]), 0);
  assert.throws(() => maxOverlap(undefined as never), TypeError);
});
