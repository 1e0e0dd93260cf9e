import assert from "node:assert/strict";
import net from "node:net";
import { test } from "node:test";
import {
  ChannelClosedError,
  Lock,
  Process,
  ProcessPool,
  Queue,
  QueueEmptyError,
  QueueFullError,
  Thread,
  ThreadPool,
} from "../../src/index.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

async function drain<T>(queue: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of queue) items.push(item);
  return items;
}

test("a Queue keeps order, copies its items, and ends iteration once closed and empty", async () => {
  const q = new Queue<{ n: number; tags: Set<string> }>();
  const item = { n: 1, tags: new Set(["a"]) };
  await q.put(item);
  await q.put({ n: 2, tags: new Set() });
  item.n = 99;
  assert.equal(q.size(), 2);
  const first = await q.get();
  assert.equal(first.n, 1, "a copy, taken at put()");
  assert.ok(first.tags.has("a"));
  q.close();
  assert.equal(q.closed, true);
  await assert.rejects(Promise.resolve(q.put({ n: 3, tags: new Set() })), ChannelClosedError);
  assert.deepEqual((await drain(q)).map((i) => i.n), [2], "what was put before close() is still there");
  await assert.rejects(Promise.resolve(q.get()), ChannelClosedError);
});

test("get(timeout) throws QueueEmptyError; put waits for room with maxsize, or throws QueueFullError", async () => {
  const q = new Queue<number>({ maxsize: 2 });
  await assert.rejects(Promise.resolve(q.get(0)), QueueEmptyError);
  await assert.rejects(Promise.resolve(q.get(30)), QueueEmptyError);
  await q.put(1);
  await q.put(2);
  assert.equal(q.full(), true);
  await assert.rejects(Promise.resolve(q.put(3, 30)), QueueFullError);
  const waiting = q.put(3);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(q.size(), 2, "the third put waits");
  assert.equal(await q.get(), 1);
  await waiting;
  assert.deepEqual([await q.get(), await q.get()], [2, 3]);
});

test("threads produce and consume through a Queue, blocking in the workers", { timeout: 30_000 }, async () => {
  const pool = new ThreadPool({ workers: 3 });
  try {
    const jobs = new Queue<number>({ maxsize: 4 });
    const results = new Queue<number>();
    const produce = (q: Queue<number>, n: number) => {
      for (let i = 1; i <= n; i++) q.put(i);
      q.close();
    };
    const consume = (input: Queue<number>, output: Queue<number>) => {
      let count = 0;
      for (;;) {
        let n: number;
        try {
          n = input.get() as number;
        } catch {
          return count; // closed and empty
        }
        output.put(n * n);
        count++;
      }
    };
    const workers = [pool.submit(consume, jobs, results), pool.submit(consume, jobs, results)];
    await pool.submit(produce, jobs, 50);
    const counts = await Promise.all(workers);
    results.close();
    assert.equal(counts[0] + counts[1], 50);
    const squares = (await drain(results)).sort((a, b) => a - b);
    assert.deepEqual(squares, Array.from({ length: 50 }, (_, i) => (i + 1) ** 2));
  } finally {
    await pool.close();
  }
});

test("processes use a Queue too: the kernel holds it and answers their calls", { timeout: 30_000 }, async () => {
  const q = new Queue<{ from: number; n: number }>({ maxsize: 3 });
  const produce = async (queue: Queue<{ from: number; n: number }>, count: number) => {
    for (let n = 0; n < count; n++) await queue.put({ from: process.pid, n });
    return process.pid;
  };
  const producers = [new Process(produce, q, 5).start(), new Process(produce, q, 5).start()];
  const items: Array<{ from: number; n: number }> = [];
  for (let i = 0; i < 10; i++) items.push(await q.get(10_000));
  const pids = await Promise.all(producers.map((p) => p.join()));
  assert.deepEqual(new Set(items.map((i) => i.from)), new Set(pids));
  for (const pid of pids) assert.deepEqual(items.filter((i) => i.from === pid).map((i) => i.n), [0, 1, 2, 3, 4], "each producer's order is kept");

  const pool = new ProcessPool({ workers: 2 });
  try {
    const results = new Queue<number>();
    const consumer = pool.submit(async (input: Queue<number>) => {
      let sum = 0;
      for await (const n of input) sum += n;
      return sum;
    }, results);
    for (let n = 1; n <= 20; n++) await results.put(n);
    results.close();
    assert.equal(await consumer, 210);
    const fromChild = await pool.submit(async (input: Queue<number>) => {
      try {
        await input.get(20);
        return "got";
      } catch (error) {
        return (error as Error).name;
      }
    }, new Queue<number>());
    assert.equal(fromChild, "QueueEmptyError", "the child gets the library's error classes");
  } finally {
    await pool.close();
  }
});

test("a queue's bad input and uncopiable items get clear errors, and lose nothing", async () => {
  assert.throws(() => new Queue({ maxsize: -1 }), RangeError);
  assert.throws(() => new Queue({ maxsize: 1.5 }), RangeError);
  assert.throws(() => new Queue({ bytes: 10 }), RangeError);
  assert.throws(() => new Queue({ bytes: "1" as never }), TypeError);
  assert.throws(() => new Queue(5 as never), TypeError);
  const q = new Queue<unknown>({ bytes: 256 });
  await assert.rejects(Promise.resolve(q.put(() => 1)), /is a function.*cannot be sent/);
  const socket = new net.Socket();
  await assert.rejects(Promise.resolve(q.put({ socket })), /the item\.socket is a Socket/);
  await assert.rejects(Promise.resolve(q.put(new Lock())), /cannot go through a queue/);
  await assert.rejects(Promise.resolve(q.put("x".repeat(1000))), /larger options\.bytes/);
  await assert.rejects(Promise.resolve(q.get(-5)), RangeError);
  assert.equal(q.size(), 0);
  await q.put("fits");
  assert.equal(await q.get(), "fits");
  // A wrapping ring: many items through a small buffer keep their order.
  const small = new Queue<string>({ bytes: 100 });
  const sent = Array.from({ length: 40 }, (_, i) => `item-${i}`);
  const reader = new Thread(async (s: Queue<string>) => {
    const got: string[] = [];
    for await (const x of s) got.push(x);
    return got;
  }, small).start();
  for (const x of sent) await small.put(x);
  small.close();
  assert.deepEqual(await reader.join(), sent);
});
