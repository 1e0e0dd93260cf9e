import assert from "node:assert/strict";
import { test } from "node:test";
import { PoolClosedError, ProcessPool, TaskCancelledError, WorkerCrashedError } from "../../src/index.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

function square(x: number) {
  return x * x;
}

test("map keeps the order of the items, with and without chunks", async () => {
  const pool = new ProcessPool({ workers: 2 });
  try {
    assert.deepEqual(await pool.map(square, [1, 2, 3]), [1, 4, 9]);
    const items = Array.from({ length: 30 }, (_, i) => i);
    assert.deepEqual(await pool.map(square, items, { chunksize: 7 }), items.map(square));
  } finally {
    await pool.close();
  }
});

test("tasks run in as many processes as workers, and no more", async () => {
  const pool = new ProcessPool({ workers: 2 });
  try {
    const pids = await pool.map(() => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      return process.pid;
    }, [1, 2, 3, 4, 5, 6]);
    assert.equal(new Set(pids).size, 2);
    assert.ok(!pids.includes(process.pid));
  } finally {
    await pool.close();
  }
});

test("a crashed child fails its own task only; the others finish and the pool serves on", async () => {
  const pool = new ProcessPool({ workers: 2 });
  try {
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) =>
        pool.submit((x: number) => {
          if (x === 2) process.exit(9);
          return x * 10;
        }, n),
      ),
    );
    assert.deepEqual(results.map((r) => r.status), ["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    const crash = (results[1] as PromiseRejectedResult).reason;
    assert.ok(crash instanceof WorkerCrashedError && crash.exitCode === 9);
    assert.equal(await pool.submit(() => "still serving"), "still serving");
  } finally {
    await pool.close();
  }
});

test("interrupt cancels running and queued tasks; terminate ends the pool", async () => {
  const pool = new ProcessPool({ workers: 1 });
  const stuck = pool.submit(() => {
    for (;;);
  });
  const queued = pool.submit(() => 1);
  await new Promise((r) => setTimeout(r, 200));
  pool.interrupt(new Error("stop"));
  await assert.rejects(stuck, TaskCancelledError);
  await assert.rejects(queued, TaskCancelledError);
  assert.equal(await pool.submit(() => 2), 2);
  await pool.terminate();
  await assert.rejects(pool.submit(() => 3), PoolClosedError);
});

test("close waits for the tasks already submitted", async () => {
  const pool = new ProcessPool({ workers: 1 });
  const slow = pool.submit(() => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
    return "finished";
  });
  await pool.close();
  assert.equal(await slow, "finished");
});

test("bad input gets a clear error", async () => {
  for (const workers of [0, -1, NaN, 2.5]) assert.throws(() => new ProcessPool({ workers }), RangeError);
  const pool = new ProcessPool({ workers: 1 });
  try {
    const k = 3;
    await assert.rejects(pool.submit(undefined as never), /fn must be a function/);
    await assert.rejects(pool.submit((x: number) => x * k, 1), /`k`.*pass it as an argument/);
    await assert.rejects(pool.submit((f: unknown) => f, () => 0), /cannot be sent to another thread or process/);
  } finally {
    await pool.close();
  }
});
