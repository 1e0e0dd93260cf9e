// The sync checkers run the student's function for real: a right answer gets ✅, an unfinished
// or wrong one gets ❌ and a hint, and neither throws.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checks, type Lock, type Queue, type SharedValue } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";
import { ordreDesVerrous } from "./solutions.js";

async function verdictOf(run: () => Promise<void>): Promise<{ ok: boolean; said: string }> {
  const said = await captureStdout(run);
  return { ok: said.startsWith("✅ "), said };
}

type Counter = (counter: SharedValue, lock: Lock, times: number) => void;

test("lockedCounter: ✅ under the lock; ❌ unfinished, unlocked, half-locked, released too early, own lock, atomic add, counted twice", { timeout: 180_000 }, async () => {
  const right = await verdictOf(() => checks.lockedCounter((counter: SharedValue, lock: Lock, times: number) => {
    for (let i = 0; i < times; i++) {
      lock.acquire();
      counter.value++;
      lock.release();
    }
  }));
  assert.ok(right.ok, right.said);
  const withBlock = await verdictOf(() => checks.lockedCounter((counter: SharedValue, lock: Lock, times: number) => {
    for (let i = 0; i < times; i++) lock.with(() => counter.value++);
  }));
  assert.ok(withBlock.ok, withBlock.said);
  const wrong: Array<[string, Counter, RegExp]> = [
    ["unfinished", () => {}, /^❌ le compteur n'a pas bougé/],
    ["unlocked", (counter, _lock, times) => {
      for (let i = 0; i < times; i++) counter.value++;
    }, /^❌ votre fonction ne prend jamais le verrou/],
    ["first half locked", (counter, lock, times) => {
      for (let i = 0; i < times; i++) {
        if (i < times / 2) lock.acquire();
        counter.value++;
        if (i < times / 2) lock.release();
      }
    }, /^❌ \d+ incréments sur \d+ se sont faits sans tenir le verrou/],
    ["second half locked", (counter, lock, times) => {
      for (let i = 0; i < times; i++) {
        if (i >= times / 2) lock.acquire();
        counter.value++;
        if (i >= times / 2) lock.release();
      }
    }, /^❌ \d+ incréments sur \d+ se sont faits sans tenir le verrou/],
    ["every other turn", (counter, lock, times) => {
      for (let i = 0; i < times; i++) {
        if (i % 2 === 0) lock.acquire();
        counter.value++;
        if (i % 2 === 0) lock.release();
      }
    }, /^❌ \d+ incréments sur \d+ se sont faits sans tenir le verrou/],
    ["released before the write", (counter, lock, times) => {
      for (let i = 0; i < times; i++) {
        lock.acquire();
        lock.release();
        counter.value++;
      }
    }, /^❌ \d+ incréments sur \d+ se sont faits sans tenir le verrou/],
    ["its own lock", (counter, _lock, times) => {
      const mine = new (require("concurrence").Lock)();
      for (let i = 0; i < times; i++) {
        mine.acquire();
        counter.value++;
        mine.release();
      }
    }, /^❌ votre fonction ne prend jamais le verrou qu'elle reçoit/],
    ["atomic add", (counter, _lock, times) => {
      for (let i = 0; i < times; i++) counter.add(1);
    }, /^❌ votre fonction appelle counter\.add\(\)/],
    ["counted twice", (counter, lock, times) => {
      for (let i = 0; i < 2 * times; i++) {
        lock.acquire();
        counter.value++;
        lock.release();
      }
    }, /^❌ le compteur vaut \d+ au lieu de/],
  ];
  for (const [what, fn, hint] of wrong) {
    const got = await verdictOf(() => checks.lockedCounter(fn));
    assert.match(got.said, hint, what);
  }
});

type Transfer = (first: Lock, second: Lock, account: SharedValue, rounds: number) => void;

test("noDeadlock: ✅ by lock order or by timeout and retry; ❌ naive order, one lock only, too slow, a lock left held", { timeout: 180_000 }, async () => {
  const ordered = await verdictOf(() => checks.noDeadlock(ordreDesVerrous));
  assert.ok(ordered.ok, ordered.said);
  const retry = await verdictOf(() => checks.noDeadlock((first: Lock, second: Lock, account: SharedValue, rounds: number) => {
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < rounds; i++) {
      for (;;) {
        first.acquire();
        if (second.acquire(1)) break;
        first.release();
        Atomics.wait(pause, 0, 0, Math.random() * 2); // a random back-off
      }
      account.value++;
      second.release();
      first.release();
    }
  }));
  assert.ok(retry.ok, retry.said);
  const wrong: Array<[string, Transfer, RegExp]> = [
    ["naive order", (first, second, account, rounds) => {
      for (let i = 0; i < rounds; i++) {
        first.acquire();
        second.acquire();
        account.value++;
        second.release();
        first.release();
      }
    }, /^❌ les deux threads n'avancent plus : le compte ne bouge plus, et chacun attend un verrou. C'est un interblocage/],
    ["one lock only", (first, _second, account, rounds) => {
      for (let i = 0; i < rounds; i++) {
        first.acquire();
        account.value++;
        first.release();
      }
    }, /^❌ \d+ ajouts sur \d+ se sont faits sans tenir les deux verrous/],
    ["too slow to finish", (first, second, account, rounds) => {
      const [low, high] = first.id < second.id ? [first, second] : [second, first];
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < rounds; i++) {
        low.acquire();
        high.acquire();
        account.value++;
        high.release();
        low.release();
        Atomics.wait(pause, 0, 0, 5);
      }
    }, /^❌ .*le compte avance, mais trop lentement.*interblocage actif/],
    ["a lock left held", (first, second, account, rounds) => {
      const [low, high] = first.id < second.id ? [first, second] : [second, first];
      for (let i = 0; i < rounds; i++) {
        low.acquire();
        high.acquire();
        account.value++;
        high.release();
        low.release();
      }
      low.acquire(0); // taken back at the end, and never released
    }, /^❌ (un verrou est resté pris à la fin|un thread a fini en gardant un verrou)/],
    ["unfinished", () => {}, /^❌ le compte n'a pas bougé/],
  ];
  for (const [what, fn, hint] of wrong) {
    const got = await verdictOf(() => checks.noDeadlock(fn));
    assert.match(got.said, hint, what);
  }
});

test("queueConsumers: ✅ when two threads share the numbers; ❌ nothing consumed, one number only, a count, a size-based loop, one consumer stopping", { timeout: 120_000 }, async () => {
  const right = await verdictOf(() => checks.queueConsumers(async (jobs: Queue<number>) => {
    let sum = 0;
    for await (const n of jobs) sum += n;
    return sum;
  }));
  assert.ok(right.ok, right.said);
  const idle = await verdictOf(() => checks.queueConsumers(async () => 0));
  assert.match(idle.said, /^❌ vos consommateurs se sont arrêtés alors que la file n'était pas fermée/);
  const once = await verdictOf(() => checks.queueConsumers(async (jobs: Queue<number>) => (await jobs.get()) as number));
  assert.match(once.said, /^❌ vos consommateurs se sont arrêtés alors que la file n'était pas fermée/);
  const counted = await verdictOf(() => checks.queueConsumers(async (jobs: Queue<number>) => {
    let count = 0;
    for await (const _ of jobs) count++;
    return count;
  }));
  assert.match(counted.said, /^❌ les consommateurs ont renvoyé \d+ \+ \d+ = \d+, au lieu de \d+/);
  const bySize = await verdictOf(() => checks.queueConsumers(async (jobs: Queue<number>) => {
    let sum = 0;
    while (jobs.size() > 0) sum += (await jobs.get()) as number; // stops as soon as the queue is empty for a moment
    return sum;
  }));
  assert.match(bySize.said, /^❌ vos consommateurs se sont arrêtés alors que la file n'était pas fermée/);
  // Where the size-based loop ends when both consumers see the last number and one loses the race:
  // that one waits in get() and goes on, the other has stopped; the survivor takes every number left
  // and the sums add up. Pinned by thread parity (the two threads have consecutive ids).
  const oneStops = await verdictOf(() => checks.queueConsumers(async (jobs: Queue<number>) => {
    if (require("node:worker_threads").threadId % 2 === 1) return 0; // this consumer has stopped
    let sum = 0;
    for await (const n of jobs) sum += n;
    return sum;
  }));
  assert.match(oneStops.said, /^❌ vos consommateurs se sont arrêtés alors que la file n'était pas fermée/);
});
