// Every synchronisation object is written once, as a generator of "wait while this cell holds
// this value" steps. Two drivers run it: a blocking one (Atomics.wait) in worker threads, and an
// asynchronous one (Atomics.waitAsync) on a main thread, which must never freeze: the kernel's
// main thread runs the notebook, its displays and the stop button.
import { isMainThread } from "node:worker_threads";
import { TaskCancelledError } from "../errors.js";
import { waitTimeout } from "../options.js";
import { register } from "../runtime/registry.js";
import { messages } from "../messages/index.js";
import { tracedWait, tracing } from "../trace/hooks.js";

/** One step of an algorithm: sleep while `array[index] === value`, at most until `deadline`. */
export interface Wait {
  array: Int32Array;
  index: number;
  value: number;
  /** A `performance.now()` time, or Infinity. */
  deadline: number;
}

export type WaitResult = "ok" | "not-equal" | "timed-out";

// Atomics.waitAsync (ES2024) is in Node 20 but not in the ES2022 library this project compiles against.
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number, timeout?: number): { async: false; value: "not-equal" | "timed-out" } | { async: true; value: Promise<"ok" | "timed-out"> };
}).waitAsync;
export type Steps<T> = Generator<Wait, T, WaitResult>;

/**
 * What a waiting method gives: the value itself in a worker thread, where it blocks like
 * Python's; a promise of it on a main thread, which must not block: `await` it there.
 * `await` works in both, so code that awaits runs anywhere.
 */
export type Waitable<T> = T | Promise<T>;

/** Worker threads may block; a main thread (the kernel's, or a child process's) may not. */
export const canBlock = !isMainThread;

export function deadlineAfter(timeoutMs: number): number {
  return timeoutMs === Infinity ? Infinity : performance.now() + timeoutMs;
}

/**
 * A wait for something that may already be true: at once when `ready()`, else `steps` run until
 * `timeoutMs` has passed. A bad timeout throws in a worker and rejects on a main thread.
 * `holder`, the primitive that waits, names the wait in a trace.
 */
export function waitFor(timeoutMs: unknown, ready: () => boolean, steps: (deadline: number) => Steps<boolean>, holder?: object): Waitable<boolean> {
  let deadline: number;
  try {
    deadline = deadlineAfter(waitTimeout("timeoutMs", timeoutMs));
  } catch (error) {
    return failed(error);
  }
  if (holder && tracing.flags[0]) return tracedWait("wait", holder, () => run(steps(deadline)), ready);
  return ready() ? settled(true) : run(steps(deadline));
}

export function timeLeft(deadline: number): number {
  return deadline === Infinity ? Infinity : Math.max(0, deadline - performance.now());
}

/** Runs `steps` the way this thread may wait. */
export function run<T>(steps: Steps<T>, signal?: AbortSignal): Waitable<T> {
  return canBlock ? runBlocking(steps) : runAsync(steps, signal);
}

/** The value already known (a fast path), given the way `run` would give it. */
export function settled<T>(value: T): Waitable<T> {
  return canBlock ? value : Promise.resolve(value);
}

/** `next` applied to a waitable value, keeping it synchronous when it is. */
export function then<T, U>(value: Waitable<T>, next: (value: T) => U): Waitable<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** A failure, given the way `run` would give it: thrown in a worker, a rejection on a main thread. */
export function failed(error: unknown): Waitable<never> {
  if (canBlock) throw error;
  return Promise.reject(error);
}

function runBlocking<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) {
    const { array, index, value, deadline } = next.value;
    const left = timeLeft(deadline);
    next = steps.next(left <= 0 ? "timed-out" : Atomics.wait(array, index, value, left));
  }
  return next.value;
}

async function runAsync<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  let next = steps.next();
  if (next.done) return next.value;
  // A wait on a main thread is a resource of its cell: the stop button or a re-run ends it.
  const stop = stopper(signal);
  // A pending Atomics.waitAsync does not keep Node's event loop alive; this timer does.
  const alive = setInterval(() => {}, 0x7fffffff);
  try {
    while (!next.done) {
      const { array, index, value, deadline } = next.value;
      const left = timeLeft(deadline);
      let result: WaitResult;
      if (left <= 0) result = "timed-out";
      else {
        const wait = waitAsync(array, index, value, left === Infinity ? undefined : left);
        result = wait.async ? await Promise.race([wait.value, stop.promise]) : wait.value;
      }
      next = steps.next(result);
    }
    return next.value;
  } catch (error) {
    steps.return(undefined as T); // runs the algorithm's `finally` blocks
    throw error;
  } finally {
    clearInterval(alive);
    stop.forget();
  }
}

function stopper(signal?: AbortSignal): { promise: Promise<never>; forget(): void } {
  let stop!: (error: Error) => void;
  const promise = new Promise<never>((_, reject) => (stop = reject));
  promise.catch(() => {});
  const forget = register({
    interrupt: (reason) => stop(new TaskCancelledError(messages().sync.waitInterrupted(reason.message), { cause: reason })),
    dispose: async () => stop(new TaskCancelledError(messages().sync.waitDisposed)),
  });
  const onAbort = () => stop(signal!.reason instanceof Error ? signal!.reason : new TaskCancelledError(messages().sync.waitCancelled));
  signal?.addEventListener("abort", onAbort, { once: true });
  if (signal?.aborted) onAbort();
  return {
    promise,
    forget: () => {
      forget();
      signal?.removeEventListener("abort", onAbort);
    },
  };
}
