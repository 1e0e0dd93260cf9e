// A witness inside the thread: the lock checkers of notebook 03 run the student's function in a
// thread through `guarded`, which counts, in that thread, every write of the shared value and
// whether the locks the function was given were held by this thread at that moment. A lock held
// for half the loop, a lock taken but released before the write, or another lock than the one
// given: each leaves unguarded writes, every time, whatever the scheduling. For two locks, the
// witness also pauses a few milliseconds after a thread's first lock of a pair, for its first
// rounds: the other thread then takes its own first lock, and a naive order deadlocks every time,
// even on a busy machine where one thread could otherwise run all its rounds alone.
import path from "node:path";
import type { Lock, SharedValue } from "../sync/index.js";

/** What the witness saw in one thread. */
export interface Guarded {
  /** Writes of `value` (a `value++` is one). */
  writes: number;
  /** Of those, the writes made while this thread did not hold every lock it was given. */
  unguarded: number;
  /** Calls of the atomic `add()`, which is not what the exercise asks for. */
  atomic: number;
  /** The most locks this thread held at once. */
  mostHeld: number;
}

/** The compiled module that turns a source back into a function, in the thread. */
export const COMPILE_MODULE = path.join(__dirname, "..", "task", "compile.js");

/**
 * Runs in a thread (self-contained): compiles the student's `source`, wraps the given locks'
 * `acquire` and `release` and the value's `value` and `add` to watch them, then calls the function
 * with `(value, lock, times)` ("counter") or `(first, second, value, times)` ("transfer").
 */
export function guarded(compileModule: string, source: string, layout: "counter" | "transfer", value: SharedValue, first: Lock, second: Lock | null, times: number, pauses = 0): Guarded | Promise<Guarded> {
  const compile = (require(compileModule) as { compileFunction(s: string): (...args: unknown[]) => unknown }).compileFunction;
  const locks = second ? [first, second] : [first];
  const held = locks.map(() => 0);
  const seen = { writes: 0, unguarded: 0, atomic: 0, mostHeld: 0 };
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let paused = 0;
  locks.forEach((lock, i) => {
    const acquire = lock.acquire.bind(lock);
    const release = lock.release.bind(lock);
    Object.defineProperty(lock, "acquire", {
      value: (timeoutMs?: number) => {
        const ok = acquire(timeoutMs);
        if (ok === true) held[i]++;
        const holding = held.filter((h) => h > 0).length;
        seen.mostHeld = Math.max(seen.mostHeld, holding);
        if (ok === true && locks.length > 1 && holding === 1 && paused < pauses) {
          paused++;
          Atomics.wait(nap, 0, 0, 3); // the window in which the other thread takes its first lock
        }
        return ok;
      },
    });
    Object.defineProperty(lock, "release", {
      value: () => {
        held[i]--;
        release();
      },
    });
  });
  const proto = Object.getPrototypeOf(value) as object;
  const property = Object.getOwnPropertyDescriptor(proto, "value") as PropertyDescriptor;
  const add = (value.add as (d: number) => number).bind(value);
  Object.defineProperty(value, "value", {
    get: () => property.get!.call(value) as number,
    set: (next: number) => {
      seen.writes++;
      if (held.some((h) => h <= 0)) seen.unguarded++;
      property.set!.call(value, next);
    },
  });
  Object.defineProperty(value, "add", {
    value: (delta: number) => {
      seen.atomic++;
      return add(delta);
    },
  });
  const fn = compile(source);
  const ran = layout === "counter" ? fn(value, first, times) : fn(first, second, value, times);
  return ran instanceof Promise ? ran.then(() => seen) : seen;
}
