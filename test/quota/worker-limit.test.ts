import assert from "node:assert/strict";
import { test } from "node:test";
import { Process, ProcessPool, Thread, ThreadPool, WorkerLimitError } from "../../src/index.js";
import { workersInUse } from "../../src/quota/index.js";

/** Runs `body` with CONCURRENCE_MAX_WORKERS (and the language) set, then puts them back. */
async function withEnv(vars: Record<string, string | undefined>, body: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const put = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  put(vars);
  try {
    await body();
  } finally {
    put(saved);
  }
}

test("a pool past CONCURRENCE_MAX_WORKERS is refused with a French error that says what to do", async () => {
  await withEnv({ CONCURRENCE_MAX_WORKERS: "3", CONCURRENCE_LANG: undefined }, async () => {
    assert.throws(() => new ThreadPool({ workers: 4 }), (error: unknown) => {
      assert.ok(error instanceof WorkerLimitError);
      assert.equal(error.requested, 4);
      assert.equal(error.limit, 3);
      assert.match(error.message, /new ThreadPool\(\{ workers: 4 \}\) demande 4 workers.*CONCURRENCE_MAX_WORKERS=3.*await pool\.close\(\)/);
      return true;
    });
    assert.equal(workersInUse(), 0, "a refused pool holds nothing");
  });
});

test("the ceiling counts every open pool, thread and process of the kernel, and closing gives workers back", async () => {
  await withEnv({ CONCURRENCE_MAX_WORKERS: "3", CONCURRENCE_LANG: "en" }, async () => {
    const pool = new ThreadPool({ workers: 2 });
    try {
      assert.deepEqual(await pool.map((x: number) => x * x, [1, 2, 3]), [1, 4, 9]);
      assert.throws(() => new ProcessPool({ workers: 2 }), /asks for 2 workers, but this kernel already has 2 in use and may not have more than 3/);
      const thread = new Thread((n: number) => n + 1, 41).start();
      assert.throws(() => new Process((n: number) => n, 1).start(), WorkerLimitError);
      assert.equal(await thread.join(), 42);
      assert.equal(await new Process((n: number) => n * 2, 21).start().join(), 42, "the thread's worker came back when it ended");
    } finally {
      await pool.close();
    }
    assert.equal(workersInUse(), 0);
    const big = new ProcessPool({ workers: 3 });
    await big.terminate();
    assert.equal(workersInUse(), 0, "terminate() gives the workers back too");
  });
});

test("a bad option leaves the ceiling untouched; a bad ceiling is a clear error; no ceiling when unset", async () => {
  await withEnv({ CONCURRENCE_MAX_WORKERS: "2", CONCURRENCE_LANG: "en" }, async () => {
    assert.throws(() => new ThreadPool({ workers: 2, maxMemoryMb: -1 }), RangeError);
    assert.equal(workersInUse(), 0);
  });
  await withEnv({ CONCURRENCE_MAX_WORKERS: "many", CONCURRENCE_LANG: "en" }, async () => {
    assert.throws(() => new ThreadPool({ workers: 1 }), /CONCURRENCE_MAX_WORKERS must be a positive integer.*`many`/);
  });
  await withEnv({ CONCURRENCE_MAX_WORKERS: undefined }, async () => {
    const pool = new ThreadPool({ workers: 2 });
    await pool.close();
  });
});
