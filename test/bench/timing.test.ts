import assert from "node:assert/strict";
import { test } from "node:test";
import { summarize, sweep, timeit, workerCounts } from "../../src/index.js";
import { captureDisplays } from "../helpers/capture.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("timeit measures each run and reports the median", async () => {
  let calls = 0;
  const timing = await timeit(async () => {
    calls++;
    await new Promise((r) => setTimeout(r, 20));
  }, { repeat: 3, warmup: 1 });
  assert.equal(calls, 4);
  assert.equal(timing.runs.length, 3);
  assert.ok(timing.runs.every((s) => s >= 0.015), `runs: ${timing.runs}`);
  assert.equal(timing.seconds, timing.median);
});

test("sweep gives one row per mode and worker count, with its labels", async () => {
  const seen: Array<[string, number]> = [];
  const rows = await sweep({
    labels: { task: "E/S" },
    workers: [1, 2, 3],
    modes: { a: (n) => void seen.push(["a", n]), b: async (n) => void seen.push(["b", n]) },
    progress: false,
  });
  assert.deepEqual(rows.map((r) => [r.task, r.mode, r.workers]), [
    ["E/S", "a", 1], ["E/S", "a", 2], ["E/S", "a", 3],
    ["E/S", "b", 1], ["E/S", "b", 2], ["E/S", "b", 3],
  ]);
  assert.deepEqual(seen, rows.map((r) => [r.mode, r.workers]));
  assert.ok(rows.every((r) => typeof r.seconds === "number" && r.seconds >= 0));
});

test("sweep's progress bar is one display, updated in place", async () => {
  const displays = captureDisplays();
  try {
    await sweep({ workers: [1, 2], modes: { a: () => new Promise((r) => setTimeout(r, 120)) } });
  } finally {
    displays.restore();
  }
  const ids = new Set(displays.sent.map((d) => d.transient.display_id));
  assert.equal(ids.size, 1);
  assert.equal(displays.sent[0].update, false);
  assert.ok(displays.sent.slice(1).every((d) => d.update));
  assert.match(String(displays.sent.at(-1)!.data["text/plain"]), /2\/2/);
});

test("bad options are refused with a clear error", async () => {
  await assert.rejects(sweep({ workers: [0], modes: { a: () => {} } }), /options.workers\[0\] must be a positive integer/);
  await assert.rejects(sweep({ workers: [1], modes: { a: 3 as never } }), /options.modes\["a"\] must be a function/);
  await assert.rejects(sweep({ workers: [], modes: { a: () => {} } }), RangeError);
  await assert.rejects(timeit(() => {}, { repeat: 0 }), RangeError);
  await assert.rejects(timeit("f" as never), TypeError);
  assert.throws(() => workerCounts(0), RangeError);
  assert.throws(() => summarize([]), RangeError);
});

test("workerCounts and summarize", () => {
  assert.deepEqual(workerCounts(4), [1, 2, 3, 4]);
  const s = summarize([3, 1, 2, 4]);
  assert.deepEqual([s.n, s.min, s.max, s.mean, s.median], [4, 1, 4, 2.5, 2.5]);
  assert.ok(Math.abs(s.stdev - 1.2909944) < 1e-6);
});
