import assert from "node:assert/strict";
import { test } from "node:test";
import {
  Barrier,
  BoundedSemaphore,
  BrokenBarrierError,
  Condition,
  Event,
  Lock,
  LockNotHeldError,
  Semaphore,
  sharedArray,
  Thread,
  ThreadPool,
} from "../../src/index.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("a Semaphore lets at most `value` threads in at once", { timeout: 30_000 }, async () => {
  const pool = new ThreadPool({ workers: 4 });
  try {
    const track = new Semaphore(2);
    // [inside now, most inside at once]
    const gauge = sharedArray("i32", 2);
    const train = (s: Semaphore, g: Int32Array) => {
      s.acquire();
      try {
        const inside = Atomics.add(g, 0, 1) + 1;
        let most = Atomics.load(g, 1);
        while (inside > most && Atomics.compareExchange(g, 1, most, inside) !== most) most = Atomics.load(g, 1);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60);
        Atomics.sub(g, 0, 1);
      } finally {
        s.release();
      }
    };
    await Promise.all(Array.from({ length: 6 }, () => pool.submit(train, track, gauge)));
    assert.equal(gauge[1], 2, "two trains at most on the track");
    assert.equal(track.value, 2, "every place was given back");
  } finally {
    await pool.close();
  }
});

test("Semaphore: acquire with a timeout, release(n), with(); BoundedSemaphore refuses extra releases", async () => {
  const s = new Semaphore(1);
  assert.equal(await s.acquire(), true);
  assert.equal(await s.acquire(0), false);
  assert.equal(await s.acquire(30), false);
  s.release(2);
  assert.equal(s.value, 2);
  assert.equal(await s.with(() => s.value), 1);
  assert.equal(s.value, 2);
  const waiter = new Thread((sem: Semaphore) => sem.acquire(5000), new Semaphore(0)).start();
  await sleep(20);
  assert.equal(waiter.isAlive, true, "a thread waits for a place");
  await waiter.terminate();

  const bounded = new BoundedSemaphore(2);
  await bounded.acquire();
  bounded.release();
  assert.throws(() => bounded.release(), /relâché trop de fois/);
  assert.throws(() => new Semaphore(-1), RangeError);
  assert.throws(() => new Semaphore(1.5), RangeError);
  assert.throws(() => new Semaphore("2" as never), TypeError);
  assert.throws(() => s.release(0), RangeError);
});

test("an Event wakes every thread waiting for it", async () => {
  const go = new Event();
  const waiters = [1, 2, 3].map((n) => new Thread((e: Event, id: number) => (e.wait() ? id : -1), go, n).start());
  await sleep(50);
  assert.ok(waiters.every((t) => t.isAlive), "they wait");
  go.set();
  assert.deepEqual(await Promise.all(waiters.map((t) => t.join())), [1, 2, 3]);
  assert.equal(go.isSet(), true);
  go.clear();
  assert.equal(await go.wait(30), false, "wait(timeout) gives false when nobody sets it");
  assert.equal(await new Thread((e: Event) => e.wait(20), go).start().join(), false);
  setTimeout(() => go.set(), 30);
  assert.equal(await go.wait(), true, "the main thread waits without blocking: the timer fires");
});

test("a Condition passes items from a producer thread to consumers, with the lock held", { timeout: 30_000 }, async () => {
  const pool = new ThreadPool({ workers: 3 });
  try {
    const ready = new Condition();
    // box[0]: items produced so far; box[1]: items taken
    const box = sharedArray("i32", 2);
    const consume = (c: Condition, b: Int32Array, quota: number) => {
      let taken = 0;
      while (taken < quota) {
        c.acquire();
        c.waitFor(() => b[0] > b[1]);
        b[1]++;
        taken++;
        c.release();
      }
      return taken;
    };
    const consumers = [pool.submit(consume, ready, box, 5), pool.submit(consume, ready, box, 5)];
    await sleep(30);
    for (let i = 0; i < 10; i++) {
      await ready.acquire();
      box[0]++;
      ready.notify();
      ready.release();
      await sleep(2);
    }
    assert.deepEqual(await Promise.all(consumers), [5, 5]);
    assert.deepEqual([...box], [10, 10]);
  } finally {
    await pool.close();
  }
});

test("Condition: wait times out, notify needs the lock, a plain Lock works too", async () => {
  const c = new Condition(new Lock());
  assert.throws(() => c.notify(), LockNotHeldError);
  await assert.rejects(Promise.resolve(c.wait(10)), LockNotHeldError);
  await c.acquire();
  assert.equal(await c.wait(20), false);
  assert.equal(c.lock.locked(), true, "the lock is held again after wait");
  c.notifyAll();
  c.release();
  assert.throws(() => new Condition({} as never), TypeError);
});

test("a Barrier releases its parties together, each with its own index, and can be used again", { timeout: 30_000 }, async () => {
  const pool = new ThreadPool({ workers: 3 });
  try {
    const barrier = new Barrier(3);
    const party = (b: Barrier) => [b.wait(), b.wait()];
    const results = await Promise.all([1, 2, 3].map(() => pool.submit(party, barrier)));
    assert.deepEqual(results.map((r) => r[0]).sort(), [0, 1, 2]);
    assert.deepEqual(results.map((r) => r[1]).sort(), [0, 1, 2]);
    assert.equal(barrier.waiting, 0);
  } finally {
    await pool.close();
  }
});

test("a Barrier that times out breaks, and every waiter gets a BrokenBarrierError", async () => {
  const barrier = new Barrier(3);
  const early = new Thread((b: Barrier) => {
    try {
      b.wait();
      return "passed";
    } catch (error) {
      return (error as Error).name;
    }
  }, barrier).start();
  await sleep(20);
  await assert.rejects(Promise.resolve(barrier.wait(30)), BrokenBarrierError);
  assert.equal(await early.join(), "BrokenBarrierError");
  assert.equal(barrier.broken, true);
  await assert.rejects(Promise.resolve(barrier.wait()), BrokenBarrierError);
  const aborted = new Barrier(2);
  setTimeout(() => aborted.abort(), 20);
  await assert.rejects(Promise.resolve(aborted.wait()), BrokenBarrierError);
  assert.throws(() => new Barrier(0), RangeError);
  assert.throws(() => new Barrier(70_000), RangeError);
});
