import assert from "node:assert/strict";
import { inspect } from "node:util";
import { test } from "node:test";
import {
  Barrier,
  Condition,
  Event,
  Lock,
  Process,
  ProcessPool,
  Queue,
  Semaphore,
  SharedMemoryAcrossProcessesError,
  SharedValue,
  sharedArray,
  sharedValue,
  Thread,
  ThreadPool,
} from "../../src/index.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("a sharedValue is the same number in every thread it is passed to", async () => {
  const v = sharedValue("i32", 5);
  assert.ok(v instanceof SharedValue);
  await new Thread((x: SharedValue) => {
    x.value = x.value * 10;
  }, v).start().join();
  assert.equal(v.value, 50);
  assert.equal(v.add(3), 53);
  assert.equal(inspect(v), "SharedValue<i32> 53");
  assert.equal(JSON.stringify({ v }), '{"v":53}');
  const d = sharedValue("d", 0.5);
  await new Thread((x: SharedValue) => {
    x.value += 0.25;
  }, d).start().join();
  assert.equal(d.value, 0.75);
  assert.throws(() => d.add(1), /atomic only for integer types/);
  const byte = sharedValue("u8", 255);
  byte.value++;
  assert.equal(byte.value, 0, "it wraps like its C type");
});

test("add() is atomic: no update is lost, even without a lock", async () => {
  const pool = new ThreadPool({ workers: 2 });
  try {
    const v = sharedValue("i32");
    const bump = (x: SharedValue) => {
      for (let i = 0; i < 100_000; i++) x.add(1);
    };
    await Promise.all([pool.submit(bump, v), pool.submit(bump, v)]);
    assert.equal(v.value, 200_000);
  } finally {
    await pool.close();
  }
});

test("sharedArray gives a typed array on shared memory, with Python's typecodes too", async () => {
  const a = sharedArray("f64", 3);
  assert.ok(a instanceof Float64Array && a.buffer instanceof SharedArrayBuffer && a.length === 3);
  const i = sharedArray("i", [1, 2, 3]);
  assert.ok(i instanceof Int32Array);
  await new Thread((xs: Float64Array, ys: Int32Array) => {
    xs[1] = 2.5;
    Atomics.add(ys, 0, 10);
  }, a, i).start().join();
  assert.deepEqual([...a], [0, 2.5, 0]);
  assert.deepEqual([...i], [11, 2, 3]);
  assert.ok(sharedArray("B", 2) instanceof Uint8Array);
});

test("bad types and sizes get clear errors", () => {
  assert.throws(() => sharedValue("int" as never), (e: unknown) => e instanceof RangeError && /type must be one of "i8"/.test((e as Error).message));
  assert.throws(() => sharedValue(4 as never), TypeError);
  assert.throws(() => sharedValue("i32", "0" as never), TypeError);
  assert.throws(() => sharedArray("f64", -1), RangeError);
  assert.throws(() => sharedArray("f64", 2.5), RangeError);
  assert.throws(() => sharedArray("f64", {} as never), TypeError);
});

test("shared memory sent to a process is refused, naming it and the way out", async () => {
  const shared: Array<[string, unknown]> = [
    ["SharedValue", sharedValue("i32")],
    ["Float64Array", sharedArray("f64", 2)],
    ["Lock", new Lock()],
    ["Semaphore", new Semaphore(2)],
    ["Event", new Event()],
    ["Condition", new Condition()],
    ["Barrier", new Barrier(2)],
  ];
  const explains = (name: string) => (error: unknown) =>
    error instanceof SharedMemoryAcrossProcessesError &&
    error.message.includes(name) &&
    /Thread or a ThreadPool/.test(error.message) &&
    /Queue or a Pipe/.test(error.message);
  for (const [name, value] of shared) assert.throws(() => new Process((x: unknown) => x, value), explains(name));
  const pool = new ProcessPool({ workers: 1 });
  try {
    for (const [name, value] of shared) await assert.rejects(pool.submit((x: unknown) => x, { nested: [value] }), explains(name));
    await assert.rejects(pool.map((x: unknown) => x, [1, sharedValue("i32")]), explains("item 2"));
    assert.equal(await pool.submit((q: Queue) => typeof q.put, new Queue()), "function", "a Queue does go to a process");
    assert.equal(pool.stats().submitted, 1, "a refused task never reached the pool");
  } finally {
    await pool.close();
  }
});
