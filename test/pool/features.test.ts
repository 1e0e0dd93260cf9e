// The Python-parity pool API, run against both pools: the same behaviour on threads and processes.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { PoolClosedError, ProcessPool, TaskCancelledError, TaskTimeoutError, ThreadPool } from "../../src/index.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

const COMPILE_MODULE = path.resolve(__dirname, "../../src/task/compile.js");

function sleepy(ms: number, value: unknown = ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return value;
}

function spin(): never {
  for (;;);
}

for (const Pool of [ThreadPool, ProcessPool]) {
  const name = Pool.name;

  test(`${name}: a submitted task can be cancelled, queued or running; the pool serves on`, { timeout: 30_000 }, async () => {
    const pool = new Pool({ workers: 1 });
    try {
      const running = pool.submit(spin);
      const queued = pool.submit(sleepy, 10);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(pool.stats().queued, 1);
      assert.equal(queued.cancel(), true);
      await assert.rejects(queued, TaskCancelledError);
      assert.equal(queued.cancelled, true);
      assert.equal(running.cancel("enough"), true);
      await assert.rejects(running, (e: unknown) => e instanceof TaskCancelledError && (e as Error).message === "enough");
      assert.equal(running.done, true);
      const done = pool.submit(sleepy, 1, "ok");
      assert.equal(await done, "ok");
      assert.equal(done.cancel(), false, "a finished task cannot be cancelled");
      assert.equal(done.cancelled, false);
      const stats = pool.stats();
      assert.deepEqual([stats.completed, stats.cancelled, stats.failed, stats.queued, stats.running], [1, 2, 0, 0, 0]);
    } finally {
      await pool.terminate();
    }
  });

  test(`${name}: a per-task timeout stops the task; an AbortSignal cancels it`, { timeout: 30_000 }, async () => {
    const pool = new Pool({ workers: 1 });
    try {
      const started = Date.now();
      await assert.rejects(pool.apply(spin, [], { timeout: 300 }), (e: unknown) => e instanceof TaskTimeoutError && e instanceof TaskCancelledError);
      assert.ok(Date.now() - started < 5000, "stopped soon after its timeout");
      assert.equal(await pool.apply(sleepy, [5, "in time"], { timeout: 10_000 }), "in time");
      const controller = new AbortController();
      const task = pool.apply(spin, [], { signal: controller.signal });
      setTimeout(() => controller.abort(new Error("user stop")), 200);
      await assert.rejects(task, (e: unknown) => e instanceof TaskCancelledError && (e as Error).cause instanceof Error);
      const aborted = AbortSignal.abort();
      await assert.rejects(pool.apply(sleepy, [1], { signal: aborted }), TaskCancelledError);
      await assert.rejects(pool.map(spin, [1, 2], { timeout: 200 }), TaskTimeoutError);
      assert.equal(await pool.submit(sleepy, 1, "alive"), "alive");
    } finally {
      await pool.terminate();
    }
  });

  test(`${name}: map keeps order by chunks; one failure cancels the rest`, { timeout: 30_000 }, async () => {
    const pool = new Pool({ workers: 2 });
    try {
      const items = Array.from({ length: 23 }, (_, i) => i);
      assert.deepEqual(await pool.map((x: number) => x * 3, items, { chunksize: 5 }), items.map((x) => x * 3));
      assert.deepEqual(await pool.map((x: number[]) => x, [[1], [2, 3]]), [[1], [2, 3]], "results that are arrays stay whole");
      const before = pool.stats().cancelled;
      await assert.rejects(
        pool.map((x: number) => {
          if (x === 0) throw new RangeError(`bad item ${x}`);
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
          return x;
        }, [0, 1, 2, 3]),
        (e: unknown) => e instanceof RangeError && (e as Error).message === "bad item 0",
      );
      await new Promise((r) => setTimeout(r, 50));
      assert.ok(pool.stats().cancelled - before >= 2, "the other items were cancelled, not left running");
    } finally {
      await pool.terminate();
    }
  });

  test(`${name}: imapUnordered gives results as they come; leaving the loop cancels the rest`, { timeout: 30_000 }, async () => {
    const pool = new Pool({ workers: 2 });
    try {
      await pool.map(sleepy, [1, 1]);
      const seen: number[] = [];
      for await (const ms of pool.imapUnordered(sleepy, [600, 10, 20, 30])) seen.push(ms as number);
      assert.deepEqual([...seen].sort((a, b) => a - b), [10, 20, 30, 600]);
      assert.equal(seen.at(-1), 600, "the slow one comes last");
      const cancelledBefore = pool.stats().cancelled;
      for await (const first of pool.imapUnordered(sleepy, [5, 3000, 3000, 3000])) {
        assert.equal(first, 5);
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(pool.stats().cancelled - cancelledBefore, 3);
      const failing = pool.imapUnordered((x: number) => x, [1], { chunksize: 0 });
      await assert.rejects(failing.next(), RangeError);
    } finally {
      await pool.terminate();
    }
  });

  test(`${name}: asCompleted gives tasks in the order they finish`, { timeout: 30_000 }, async () => {
    const pool = new Pool({ workers: 3 });
    try {
      await pool.map(sleepy, [1, 1, 1]); // every worker is up: the order depends on the durations only
      const tasks = [700, 10, 250].map((ms) => pool.submit(sleepy, ms));
      const order: number[] = [];
      for await (const task of pool.asCompleted(tasks)) order.push((await task) as number);
      assert.deepEqual(order, [10, 250, 700]);
      const failed = pool.submit(() => {
        throw new Error("boom");
      });
      for await (const task of pool.asCompleted([failed])) await assert.rejects(task, /boom/);
      assert.throws(() => pool.asCompleted(5 as never), TypeError);
    } finally {
      await pool.close();
    }
  });

  test(`${name}: close waits for queued tasks; terminate stops them; await using closes`, { timeout: 30_000 }, async () => {
    const pool = new Pool({ workers: 1 });
    const tasks = [pool.submit(sleepy, 100, "a"), pool.submit(sleepy, 100, "b")];
    await pool.close();
    assert.deepEqual(await Promise.all(tasks), ["a", "b"]);
    await assert.rejects(pool.submit(sleepy, 1), PoolClosedError);

    const other = new Pool({ workers: 1 });
    const stuck = other.submit(spin);
    const waiting = other.submit(sleepy, 1);
    await new Promise((r) => setTimeout(r, 200));
    await other.terminate();
    await assert.rejects(stuck, TaskCancelledError);
    await assert.rejects(waiting, TaskCancelledError);

    let escaped: InstanceType<typeof Pool> | undefined;
    {
      await using scoped = new Pool({ workers: 1 });
      escaped = scoped;
      assert.equal(await scoped.submit(sleepy, 1, "inside"), "inside");
    }
    await assert.rejects(escaped.submit(sleepy, 1), PoolClosedError);
  });

  test(`${name}: stats count tasks by outcome and each worker's utilisation`, { timeout: 30_000 }, async () => {
    const pool = new Pool({ workers: 2 });
    try {
      await pool.map(sleepy, [150, 150, 150, 150]);
      await assert.rejects(pool.submit(() => JSON.parse("{")), SyntaxError);
      const stats = pool.stats();
      assert.equal(stats.workers, 2);
      assert.equal(stats.submitted, 5);
      assert.equal(stats.completed, 4);
      assert.equal(stats.failed, 1);
      assert.equal(stats.perWorker.length, 2, `one row per worker: ${JSON.stringify(stats.perWorker)}`);
      assert.equal(stats.perWorker.reduce((n, w) => n + w.tasks, 0), 5);
      for (const w of stats.perWorker) {
        assert.ok(w.busySeconds >= 0.1, `each worker was busy: ${JSON.stringify(w)}`);
        assert.ok(w.utilisation > 0 && w.utilisation <= 1, `utilisation in (0, 1]: ${w.utilisation}`);
      }
    } finally {
      await pool.close();
    }
  });

  test(`${name}: a cell function is compiled once per worker, and its source is not sent again`, { timeout: 30_000 }, async () => {
    const pool = new Pool({ workers: 1 });
    try {
      const triple = (x: number) => 3 * x;
      for (let i = 0; i < 20; i++) assert.equal(await pool.submit(triple, i), 3 * i);
      await pool.map(triple, [1, 2, 3, 4, 5, 6]);
      type Stats = { compiled: number; sourcesReceived: number };
      const probe = (file: string) => (require(file) as { compileStats(): Stats }).compileStats();
      await pool.submit(probe, COMPILE_MODULE);
      const stats = await pool.submit(probe, COMPILE_MODULE);
      assert.equal(stats.compiled, 2, "triple and the probe, once each");
      // A thread reads sources from shared memory; a child process gets each source once.
      assert.equal(stats.sourcesReceived, name === "ThreadPool" ? 0 : 2);
    } finally {
      await pool.close();
    }
  });

  test(`${name}: a task's error keeps its class, message and a stack that points at the function`, async () => {
    const pool = new Pool({ workers: 1 });
    try {
      await assert.rejects(
        pool.submit(function checkAge(age: number) {
          if (age < 0) throw new RangeError(`age must be >= 0, got ${age}`);
          return age;
        }, -3),
        (error: unknown) => {
          assert.ok(error instanceof RangeError);
          assert.equal(error.message, "age must be >= 0, got -3");
          assert.match(error.stack ?? "", /^RangeError: age must be >= 0, got -3\n\s+at checkAge \(concurrence-fn-[0-9a-f]+\.js:\d+:\d+\)/);
          assert.doesNotMatch(error.stack ?? "", /dist\/src\/(task|threads|processes)|node:internal|piscina/, "no machinery frames");
          return true;
        },
      );
    } finally {
      await pool.close();
    }
  });
}
