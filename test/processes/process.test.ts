import assert from "node:assert/strict";
import { test } from "node:test";
import { Process, TaskCancelledError, WorkerCrashedError } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("join gives the result of the function run in another process", async () => {
  const child = new Process((n: number) => ({ pid: process.pid, double: 2 * n }), 21).start();
  const result = await child.join();
  assert.equal(result.double, 42);
  assert.notEqual(result.pid, process.pid);
  assert.equal(result.pid, child.pid);
  assert.equal(child.exitCode, 0);
  assert.equal(child.isAlive, false);
});

test("typed arrays and Maps are copied across", async () => {
  const child = new Process((m: Map<string, Float64Array>) => m.get("v")!.reduce((a, b) => a + b, 0), new Map([["v", new Float64Array([1, 2, 3.5])]])).start();
  assert.equal(await child.join(), 6.5);
});

test("what the process prints reaches the parent before join resolves", async () => {
  const text = await captureStdout(async () => {
    await new Process(() => console.log("hello from a child")).start().join();
  });
  assert.equal(text, "hello from a child\n");
});

test("an error in the process rejects join with its name and message", async () => {
  const child = new Process(() => {
    throw new TypeError("wrong type");
  }).start();
  await assert.rejects(child.join(), (e: Error) => e.name === "TypeError" && e.message === "wrong type");
});

test("a process that exits mid-task rejects with its exit code", async () => {
  const child = new Process(() => process.exit(5)).start();
  await assert.rejects(child.join(), (e: unknown) => e instanceof WorkerCrashedError && e.exitCode === 5 && /exited with code 5/.test(e.message));
});

test("terminate kills a process stuck in a loop", async () => {
  const child = new Process(() => {
    for (;;);
  }).start();
  await new Promise((r) => setTimeout(r, 100));
  await child.terminate();
  await assert.rejects(child.join(), TaskCancelledError);
  assert.equal(child.isAlive, false);
});

test("arguments that cannot be copied fail at start, before any process exists", () => {
  assert.throws(() => new Process((f: unknown) => f, () => 1).start(), /cannot be sent to another thread or process/);
});
