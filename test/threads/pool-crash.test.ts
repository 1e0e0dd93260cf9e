// A worker thread that dies mid-task fails that task only; the pool replaces it and serves on.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ThreadPool, WorkerCrashedError } from "../../src/index.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

function work(x: number): number {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  return x * 10;
}

test("a task that calls process.exit fails with WorkerCrashedError; the other tasks finish", { timeout: 30_000 }, async () => {
  const pool = new ThreadPool({ workers: 2 });
  try {
    const results = await Promise.allSettled([
      pool.submit(work, 1),
      pool.submit((code: number) => process.exit(code), 3),
      pool.submit(work, 2),
      pool.submit(work, 3),
    ]);
    assert.deepEqual(results.map((r) => r.status), ["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    const crash = (results[1] as PromiseRejectedResult).reason as WorkerCrashedError;
    assert.ok(crash instanceof WorkerCrashedError, String(crash));
    assert.equal(crash.exitCode, 3);
    assert.match(crash.message, /exited with code 3.*replaced it/);
    assert.deepEqual(await pool.map(work, [4, 5, 6]), [40, 50, 60], "the pool serves on with a new worker");
    assert.equal(pool.stats().failed, 1);
  } finally {
    await pool.close();
  }
});

test("a worker over its memory limit is stopped: its task fails, the pool serves on", { timeout: 60_000 }, async () => {
  const pool = new ThreadPool({ workers: 1, maxMemoryMb: 32 });
  try {
    const hog = () => {
      const kept: number[][] = [];
      for (;;) kept.push(new Array(1_000_000).fill(1.5));
    };
    await assert.rejects(pool.submit(hog), (e: unknown) => e instanceof WorkerCrashedError && /out of memory \(maxMemoryMb: 32\)/.test((e as Error).message));
    assert.equal(await pool.submit(work, 7), 70);
  } finally {
    await pool.close();
  }
});

test("an uncaught error thrown later in the worker crashes it: the task fails with the error as cause", { timeout: 30_000 }, async () => {
  const pool = new ThreadPool({ workers: 1 });
  try {
    const crashLater = () =>
      new Promise(() => {
        setTimeout(() => {
          throw new TypeError("thrown from a timer");
        }, 10);
      });
    await assert.rejects(pool.submit(crashLater), (e: unknown) => {
      assert.ok(e instanceof WorkerCrashedError, String(e));
      assert.match((e as Error).message, /crashed while running this task \(thrown from a timer\)/);
      assert.ok((e as Error).cause instanceof Error);
      return true;
    });
    assert.equal(await pool.submit(work, 8), 80);
  } finally {
    await pool.close();
  }
});
