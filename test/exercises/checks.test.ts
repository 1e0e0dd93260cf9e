// The other checkers: a right answer gets ✅, a wrong or unfinished one ❌ and a hint; none throws.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checks } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

const said = (run: () => Promise<void>) => captureStdout(run);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("a check that never ends is a ❌ after its timeout, not a hang", { timeout: 60_000 }, async () => {
  const began = Date.now();
  const out = await said(() => checks.allAtOnce(() => new Promise(() => {})));
  assert.match(out, /^❌ la vérification n'a pas fini en 15 s/);
  assert.ok(Date.now() - began < 20_000);
  await sleep(0);
});

test("threads, processes and pools: the evidence is checked, not only the numbers", { timeout: 120_000 }, async () => {
  const { Thread, ProcessPool } = await import("../../src/index.js");
  assert.match(await said(() => checks.threadIds(async (n) => Array.from({ length: n }, () => 0))), /^❌ .*threadId du noyau/);
  assert.match(await said(() => checks.threadIds(async (n) => {
    const threads = Array.from({ length: n }, () => new Thread(() => require("node:worker_threads").threadId as number).start());
    return Promise.all(threads.map((t) => t.join()));
  })), /^✅ /);
  const squares = (x: number) => ({ x, square: x * x, pid: process.pid });
  assert.match(await said(() => checks.poolSquares(async (xs) => xs.map(squares))), /^❌ la ligne 0 .*n'a pas été calculée par le pool/);
  let left: InstanceType<typeof ProcessPool> | undefined;
  try {
    assert.match(await said(() => checks.poolSquares(async (xs) => {
      left = new ProcessPool({ workers: 2 });
      return left.map(squares, xs); // the pool is never closed
    })), /^❌ les processus .* tournent encore/);
  } finally {
    await left?.terminate();
  }
});
