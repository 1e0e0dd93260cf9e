import assert from "node:assert/strict";
import { test } from "node:test";
import { NotSelfContainedError, PoolClosedError, TaskCancelledError, ThreadPool } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

function square(x: number) {
  return x * x;
}

test("map keeps the order of the items, with and without chunks", async () => {
  const pool = new ThreadPool({ workers: 2 });
  try {
    assert.deepEqual(await pool.map(square, [1, 2, 3]), [1, 4, 9]);
    const items = Array.from({ length: 25 }, (_, i) => i);
    assert.deepEqual(await pool.map(square, items, { chunksize: 4 }), items.map(square));
    assert.deepEqual(await pool.map(square, []), []);
  } finally {
    await pool.close();
  }
});

test("submit runs one call with several arguments", async () => {
  const pool = new ThreadPool({ workers: 1 });
  try {
    assert.equal(await pool.submit((a: string, n: number) => a.repeat(n), "ab", 3), "ababab");
  } finally {
    await pool.close();
  }
});

test("tasks run in parallel on several threads", async () => {
  const pool = new ThreadPool({ workers: 2 });
  try {
    const ids = await pool.map(() => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      return (require("node:worker_threads") as typeof import("node:worker_threads")).threadId;
    }, [1, 2]);
    assert.equal(new Set(ids).size, 2);
  } finally {
    await pool.close();
  }
});

test("a task's output reaches the caller before its result", async () => {
  const pool = new ThreadPool({ workers: 1 });
  try {
    const text = await captureStdout(() => pool.submit(() => console.log("from the pool")));
    assert.equal(text, "from the pool\n");
  } finally {
    await pool.close();
  }
});

test("a task that throws rejects with the worker's error; the pool serves on", async () => {
  const pool = new ThreadPool({ workers: 1 });
  try {
    await assert.rejects(
      pool.submit(function parse() {
        return JSON.parse("{");
      }),
      (error: Error) => error.name === "SyntaxError" && /at parse/.test(error.stack ?? ""),
    );
    assert.equal(await pool.submit(() => 7), 7);
  } finally {
    await pool.close();
  }
});

test("interrupt cancels a running task and the pool keeps working", async () => {
  const pool = new ThreadPool({ workers: 1 });
  try {
    const stuck = pool.submit(() => {
      for (;;);
    });
    await new Promise((r) => setTimeout(r, 100));
    pool.interrupt(new Error("stop"));
    await assert.rejects(stuck, TaskCancelledError);
    assert.equal(await pool.submit(() => "alive"), "alive");
  } finally {
    await pool.terminate();
  }
});

test("bad input gets a clear error", async () => {
  for (const workers of [0, -1, NaN, 1.5]) {
    assert.throws(() => new ThreadPool({ workers }), (e: unknown) => e instanceof RangeError && /options.workers must be a positive integer/.test((e as Error).message));
  }
  assert.throws(() => new ThreadPool({ workers: "2" as never }), TypeError);
  const pool = new ThreadPool({ workers: 1 });
  const outside = 2;
  await assert.rejects(pool.submit("f" as never), /fn must be a function/);
  await assert.rejects(pool.map((x: number) => x * outside, [1]), NotSelfContainedError);
  await assert.rejects(pool.submit((f: unknown) => f, Symbol("s")), /cannot be sent to another thread/);
  await assert.rejects(pool.map(square, [1], { chunksize: 0 }), RangeError);
  await pool.close();
  await assert.rejects(pool.submit(() => 1), PoolClosedError);
});
