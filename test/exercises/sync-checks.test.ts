// The sync checkers run the student's function for real: a right answer gets ✅, an unfinished
// or wrong one gets ❌ and a hint, and neither throws.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checks, type Lock, type Queue, type SharedValue } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

async function verdictOf(run: () => Promise<void>): Promise<{ ok: boolean; said: string }> {
  const said = await captureStdout(run);
  return { ok: said.startsWith("✅ "), said };
}

test("lockedCounter: ✅ under the lock, ❌ when unfinished or unlocked", { timeout: 90_000 }, async () => {
  const right = await verdictOf(() => checks.lockedCounter((counter: SharedValue, lock: Lock, times: number) => {
    for (let i = 0; i < times; i++) {
      lock.acquire();
      counter.value++;
      lock.release();
    }
  }));
  assert.ok(right.ok, right.said);
  assert.match(right.said, /^✅ /);
  const empty = await verdictOf(() => checks.lockedCounter(() => {}));
  assert.equal(empty.ok, false);
  assert.match(empty.said, /^❌ le compteur vaut encore 0/);
  const unlocked = await verdictOf(() => checks.lockedCounter((counter: SharedValue, _lock: Lock, times: number) => {
    for (let i = 0; i < times; i++) counter.value++;
  }));
  assert.match(unlocked.said, /^❌ le compteur a bougé/);
});

test("noDeadlock: ❌ for the naive order, ✅ with a timeout and a retry", { timeout: 90_000 }, async () => {
  const naive = await verdictOf(() => checks.noDeadlock((first: Lock, second: Lock, account: SharedValue, rounds: number) => {
    for (let i = 0; i < rounds; i++) {
      first.acquire();
      second.acquire();
      account.value++;
      second.release();
      first.release();
    }
  }));
  assert.match(naive.said, /^❌ .*interblocage/);
  const right = await verdictOf(() => checks.noDeadlock((first: Lock, second: Lock, account: SharedValue, rounds: number) => {
    for (let i = 0; i < rounds; i++) {
      for (;;) {
        first.acquire();
        if (second.acquire(1)) break;
        first.release();
      }
      account.value++;
      second.release();
      first.release();
    }
  }));
  assert.ok(right.ok, right.said);
});

test("queueConsumers: ✅ when two threads share the numbers, ❌ when nothing is consumed", { timeout: 90_000 }, async () => {
  const right = await verdictOf(() => checks.queueConsumers(async (jobs: Queue<number>) => {
    let sum = 0;
    for await (const n of jobs) sum += n;
    return sum;
  }));
  assert.ok(right.ok, right.said);
  const idle = await verdictOf(() => checks.queueConsumers(async () => 0));
  assert.match(idle.said, /^❌ la file est restée pleine/);
});
