import assert from "node:assert/strict";
import { test } from "node:test";
import { NotSelfContainedError, TaskCancelledError, Thread, WorkerCrashedError } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("join gives the function's result", async () => {
  const thread = new Thread((a: number, b: number) => a * b, 6, 7).start();
  assert.equal(await thread.join(), 42);
  assert.equal(thread.isAlive, false);
});

test("an async function's result is awaited", async () => {
  const thread = new Thread(async (ms: number) => {
    await new Promise((r) => setTimeout(r, ms));
    return "done";
  }, 10).start();
  assert.equal(await thread.join(), "done");
});

test("what the thread prints reaches the main thread before join resolves, even while it blocks", async () => {
  const text = await captureStdout(async () => {
    const thread = new Thread((letter: string) => {
      const clock = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < 3; i++) {
        process.stdout.write(letter);
        Atomics.wait(clock, 0, 0, 20);
      }
      console.log("!");
    }, "x").start();
    await thread.join();
  });
  assert.equal(text, "xxx!\n");
});

test("an error in the thread rejects join with its name, message and stack", async () => {
  const thread = new Thread(function failing() {
    throw new RangeError("out of range");
  }).start();
  await assert.rejects(thread.join(), (error: Error) => {
    assert.equal(error.name, "RangeError");
    assert.equal(error.message, "out of range");
    assert.match(error.stack ?? "", /at failing/);
    return true;
  });
});

test("a thread that exits mid-task rejects with WorkerCrashedError", async () => {
  const thread = new Thread(() => process.exit(3)).start();
  await assert.rejects(thread.join(), (error: unknown) => error instanceof WorkerCrashedError && error.exitCode === 3);
});

test("terminate stops a thread stuck in a loop", async () => {
  const thread = new Thread(() => {
    for (;;);
  }).start();
  await thread.terminate();
  await assert.rejects(thread.join(), TaskCancelledError);
  assert.equal(thread.isAlive, false);
});

test("misuse gets clear errors", async () => {
  const outer = 1;
  assert.throws(() => new Thread((x: number) => x + outer, 1), NotSelfContainedError);
  assert.throws(() => new Thread(42 as never), /fn must be a function, got `42` \(number\)/);
  await assert.rejects(new Thread(() => 1).join(), /call start\(\) before join\(\)/);
  const thread = new Thread(() => 1).start();
  assert.throws(() => thread.start(), /started only once/);
  await thread.join();
  assert.throws(
    () => new Thread((f: unknown) => f, () => 1).start(),
    (e: unknown) => e instanceof TypeError && /cannot be sent to another thread/.test((e as Error).message),
  );
});
