// Bad input gets a clear error (TypeError for a wrong type, RangeError for a bad value) and
// leaves nothing behind: no task queued or running, and the pool still serves.
import assert from "node:assert/strict";
import net from "node:net";
import { test } from "node:test";
import {
  ChannelClosedError,
  Lock,
  LockNotHeldError,
  Process,
  ProcessPool,
  Queue,
  Semaphore,
  Thread,
  ThreadPool,
} from "../../src/index.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

const identity = (x: unknown) => x;

function says(kind: abstract new (...args: never[]) => Error, pattern: RegExp) {
  return (error: unknown) => error instanceof kind && pattern.test((error as Error).message);
}

for (const Pool of [ThreadPool, ProcessPool]) {
  test(`${Pool.name}: bad options, sizes and timeouts are refused before any task starts`, { timeout: 30_000 }, async () => {
    assert.throws(() => new Pool({ workers: 0 }), says(RangeError, /options\.workers must be a positive integer, got `0` \(number\)/));
    assert.throws(() => new Pool({ workers: "2" as never }), says(TypeError, /options\.workers must be a positive integer, got `"2"` \(string\)/));
    assert.throws(() => new Pool({ maxMemoryMb: -5 }), says(RangeError, /options\.maxMemoryMb/));
    assert.throws(() => new Pool(3 as never), says(TypeError, /options must be an object/));
    const pool = new Pool({ workers: 1 });
    try {
      await assert.rejects(pool.map(identity, [1, 2], { chunksize: 0 }), says(RangeError, /options\.chunksize must be a positive integer, got `0`/));
      await assert.rejects(pool.map(identity, [1], { chunksize: "2" as never }), TypeError);
      await assert.rejects(pool.map(identity, 42 as never), says(TypeError, /items must be an iterable/));
      await assert.rejects(pool.apply(identity, [1], { timeout: -1 }), says(RangeError, /options\.timeout must be a number of milliseconds > 0, got `-1`/));
      await assert.rejects(pool.apply(identity, [1], { timeout: 0 }), RangeError);
      await assert.rejects(pool.apply(identity, [1], { timeout: "1s" as never }), TypeError);
      await assert.rejects(pool.apply(identity, [1], { signal: {} as never }), says(TypeError, /options\.signal must be an AbortSignal/));
      await assert.rejects(pool.apply(identity, 1 as never), says(TypeError, /args must be an array/));
      await assert.rejects(pool.submit("f" as never), says(TypeError, /fn must be a function, got `"f"` \(string\)/));
      const stats = pool.stats();
      assert.deepEqual([stats.submitted, stats.queued, stats.running], [0, 0, 0], "no task was created");
      assert.equal(await pool.submit(identity, "still serving"), "still serving");
    } finally {
      await pool.close();
    }
  });

  test(`${Pool.name}: arguments that cannot be copied (a function, a socket) are refused, naming them`, { timeout: 30_000 }, async () => {
    const pool = new Pool({ workers: 1 });
    const socket = new net.Socket();
    try {
      await assert.rejects(pool.submit(identity, () => 1), says(TypeError, /argument 1 is a function \(anonymous\).*cannot be sent to another thread or process/));
      await assert.rejects(pool.submit(identity, { handle: socket }), says(TypeError, /argument 1\.handle is a Socket, which holds a live handle/));
      await assert.rejects(pool.map(identity, [1, 2, [3, function named() {}]]), says(TypeError, /item 3\[1\] is a function \(named\)/));
      await assert.rejects(pool.submit(identity, Symbol("s")), says(TypeError, /cannot be sent to another thread or process/));
      await assert.rejects(pool.submit(() => () => 1), says(TypeError, /the result is a function/), "a result that cannot come back");
      assert.equal(pool.stats().queued + pool.stats().running, 0);
      assert.deepEqual(await pool.map(identity, [1, 2]), [1, 2], "nothing was lost: the pool serves on");
    } finally {
      socket.destroy();
      await pool.close();
    }
  });
}

test("Thread and Process refuse what cannot be copied, before starting anything", () => {
  for (const Kind of [Thread, Process]) {
    assert.throws(() => new Kind(identity, () => 1), says(TypeError, /argument 1 is a function/));
    assert.throws(() => new Kind(identity, new net.Socket()), says(TypeError, /argument 1 is a Socket/));
    assert.throws(() => new Kind(42 as never), says(TypeError, /fn must be a function/));
  }
});

test("synchronisation misuse: an unheld lock, a closed queue, bad timeouts", async () => {
  assert.throws(() => new Lock().release(), says(LockNotHeldError, /not held/));
  await assert.rejects(Promise.resolve(new Lock().acquire(Number.NaN)), RangeError);
  await assert.rejects(Promise.resolve(new Semaphore(1).acquire("5" as never)), TypeError);
  const queue = new Queue<number>();
  queue.close();
  await assert.rejects(Promise.resolve(queue.put(1)), says(ChannelClosedError, /put\(\) on a closed queue/));
  const worker = await new Thread((q: Queue<number>) => {
    try {
      q.put(1);
      return "put";
    } catch (error) {
      return (error as Error).name;
    }
  }, queue).start().join();
  assert.equal(worker, "ChannelClosedError", "the same error in a worker thread");
  await assert.rejects(Promise.resolve(queue.get(-1)), RangeError);
});
