import assert from "node:assert/strict";
import { test } from "node:test";
import {
  Barrier,
  Lock,
  LockNotHeldError,
  LockTimeoutError,
  RLock,
  sharedValue,
  TaskCancelledError,
  Thread,
  ThreadPool,
  type SharedValue,
} from "../../src/index.js";
import { interruptAll } from "../../src/runtime/registry.js";

/** The race demo (a barrier needs as many workers as threads): every thread does `counter.value++` `times` times, starting all at once. */
function increment(times: number, counter: SharedValue, start: Barrier, lock: Lock | null): void {
  start.wait();
  for (let i = 0; i < times; i++) {
    if (lock) {
      lock.acquire();
      counter.value++;
      lock.release();
    } else {
      counter.value++;
    }
  }
}

async function race(pool: ThreadPool, threads: number, times: number, lock: Lock | null): Promise<number> {
  const counter = sharedValue("i32");
  const start = new Barrier(threads);
  await Promise.all(Array.from({ length: threads }, () => pool.submit(increment, times, counter, start, lock)));
  return counter.value;
}

test("without a lock, threads lose updates of a sharedValue; with a Lock the count is exact", { timeout: 60_000 }, async () => {
  const pool = new ThreadPool({ workers: 2 });
  try {
    const expected = 2 * 2_000_000;
    // Lost updates need the threads to overlap: on a busy machine one run may not, so allow a few.
    const unlocked: number[] = [];
    for (let attempt = 0; attempt < 5 && !unlocked.some((n) => n < expected); attempt++) unlocked.push(await race(pool, 2, 2_000_000, null));
    assert.ok(unlocked.every((n) => n > 0 && n <= expected), `the counter is shared: ${unlocked}`);
    assert.ok(unlocked.some((n) => n < expected), `without a lock some updates are lost: ${unlocked} of ${expected}`);
    assert.equal(await race(pool, 2, 200_000, new Lock()), 400_000);
    assert.equal(await race(pool, 2, 100_000, new RLock()), 200_000);
  } finally {
    await pool.close();
  }
});

test("with() runs the function holding the lock, gives its result and releases even on error", async () => {
  const lock = new Lock();
  assert.equal(await lock.with(() => 42), 42);
  assert.equal(lock.locked(), false);
  await assert.rejects(Promise.resolve(lock.with(() => {
    throw new Error("inside");
  })), /inside/);
  assert.equal(lock.locked(), false);
  assert.equal(await lock.with(async () => "async"), "async");
  const inThread = new Thread((l: Lock) => {
    const value = l.with(() => (l.locked() ? "held inside" : "not held"));
    return [value, l.locked()];
  }, lock).start();
  assert.deepEqual(await inThread.join(), ["held inside", false]);
});

test("acquire(timeout) gives false while another thread holds the lock; with() then throws LockTimeoutError", async () => {
  const lock = new Lock();
  const holder = new Thread((l: Lock) => {
    l.acquire();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
    l.release();
  }, lock).start();
  while (!lock.locked()) await new Promise((r) => setTimeout(r, 5));
  assert.equal(await lock.acquire(0), false);
  assert.equal(await lock.acquire(50), false);
  await assert.rejects(Promise.resolve(lock.with(() => "never", 20)), LockTimeoutError);
  const inThread = await new Thread((l: Lock) => l.acquire(30), lock).start().join();
  assert.equal(inThread, false, "a worker thread times out too");
  assert.equal(await lock.acquire(5000), true, "acquired once the holder releases");
  lock.release();
  await holder.join();
});

test("on the main thread, acquire waits without blocking the event loop", async () => {
  const lock = new Lock();
  const holder = new Thread((l: Lock) => {
    l.acquire();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
    l.release();
  }, lock).start();
  while (!lock.locked()) await new Promise((r) => setTimeout(r, 5));
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const pending = lock.acquire();
  assert.ok(pending instanceof Promise, "a promise on the main thread");
  assert.equal(await pending, true);
  clearInterval(timer);
  assert.ok(ticks >= 5, `timers kept running while waiting: ${ticks} ticks`);
  lock.release();
  await holder.join();
});

test("releasing a lock that is not held is a LockNotHeldError", async () => {
  assert.throws(() => new Lock().release(), LockNotHeldError);
  const rlock = new RLock();
  assert.throws(() => rlock.release(), LockNotHeldError);
  await rlock.acquire();
  const other = new Thread((l: RLock) => {
    try {
      l.release();
      return "released";
    } catch (error) {
      return (error as Error).name;
    }
  }, rlock).start();
  assert.equal(await other.join(), "LockNotHeldError", "only the holder may release an RLock");
  rlock.release();
  // A plain Lock may be released by any thread, as in Python.
  const lock = new Lock();
  await lock.acquire();
  await new Thread((l: Lock) => l.release(), lock).start().join();
  assert.equal(lock.locked(), false);
});

test("an RLock is taken again by its holder, and freed after as many releases", async () => {
  const rlock = new RLock();
  const result = await new Thread((l: RLock) => {
    l.acquire();
    l.acquire();
    l.release();
    const stillHeld = l.locked();
    l.release();
    return [stillHeld, l.locked()];
  }, rlock).start().join();
  assert.deepEqual(result, [true, false]);
  await rlock.acquire();
  await rlock.acquire();
  const waiter = new Thread((l: RLock) => l.acquire(2000), rlock).start();
  rlock.release();
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(rlock.locked(), true, "one release is not enough");
  rlock.release();
  assert.equal(await waiter.join(), true);
});

test("the stop button cancels a main-thread wait; the lock stays usable", async () => {
  const lock = new Lock();
  await lock.acquire();
  const waiting = lock.acquire();
  await new Promise((r) => setTimeout(r, 20));
  interruptAll(new Error("stop"));
  await assert.rejects(Promise.resolve(waiting), TaskCancelledError);
  lock.release();
  assert.equal(await lock.acquire(100), true);
  lock.release();
  await assert.rejects(Promise.resolve(lock.acquire(-1)), RangeError);
});
