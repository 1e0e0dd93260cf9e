// Idle workers go back: after idleTimeoutMs without a task, a pool's threads or processes exit,
// and the next task starts them again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ProcessPool, ThreadPool } from "../../src/index.js";
import { isRunning, threadCount } from "../helpers/kernel.js";

function square(x: number) {
  return x * x;
}

function sleepy(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return ms;
}

/** Waits up to 15 s for `check` to hold; gives whether it did. */
async function eventually(check: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

for (const [name, Pool] of [["ThreadPool", ThreadPool], ["ProcessPool", ProcessPool]] as const) {
  test(`${name}: idleTimeoutMs is 30 s by default, Infinity keeps the workers, and bad values are refused`, async () => {
    const pools = [new Pool({ workers: 1 }), new Pool({ workers: 1, idleTimeoutMs: Infinity })];
    try {
      assert.deepEqual(pools.map((p) => p.idleTimeoutMs), [30_000, Infinity]);
      assert.throws(() => new Pool({ idleTimeoutMs: -1 }), RangeError);
      assert.throws(() => new Pool({ idleTimeoutMs: "5s" as unknown as number }), TypeError);
    } finally {
      await Promise.all(pools.map((p) => p.terminate()));
    }
  });

  test(`${name}: idle workers exit, the next task starts them again, a busy pool keeps them`, { timeout: 60_000 }, async () => {
    const threadsBefore = threadCount(process.pid);
    const pool = new Pool({ workers: 2, idleTimeoutMs: 300 });
    try {
      assert.deepEqual(await pool.map(square, [1, 2, 3, 4]), [1, 4, 9, 16]);
      // Two long tasks outlive the idle timeout: their workers stay and give their results.
      assert.deepEqual(await pool.map(sleepy, [900, 900]), [900, 900]);
      const first = pool.stats();
      assert.equal(first.alive, 2, JSON.stringify(first));

      assert.ok(await eventually(() => pool.stats().alive === 0), `idle workers went back: ${JSON.stringify(pool.stats())}`);
      if (Pool === ProcessPool) {
        const pids = first.perWorker.map((w) => w.worker);
        assert.ok(await eventually(() => !pids.some(isRunning)), `the child processes ${pids.join(", ")} exited`);
      } else {
        assert.ok(await eventually(() => threadCount(process.pid) <= threadsBefore), `the threads exited: ${threadCount(process.pid)} now, ${threadsBefore} before`);
      }

      assert.deepEqual(await pool.map(square, [5, 6]), [25, 36], "the pool serves again");
      assert.ok(pool.stats().alive >= 1, JSON.stringify(pool.stats()));
      assert.equal(pool.stats().completed, 8);
    } finally {
      await pool.close();
    }
    assert.equal(pool.stats().alive, 0, "a closed pool has no worker");
  });

  test(`${name}: a pool whose workers went back closes and terminates at once`, { timeout: 30_000 }, async () => {
    const closing = new Pool({ workers: 1, idleTimeoutMs: 0 });
    const terminating = new Pool({ workers: 1, idleTimeoutMs: 0 });
    await Promise.all([closing.submit(square, 2), terminating.submit(square, 3)]);
    assert.ok(await eventually(() => closing.stats().alive + terminating.stats().alive === 0));
    await Promise.all([closing.close(), terminating.terminate()]);
  });
}
