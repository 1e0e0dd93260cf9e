import { TaskCancelledError } from "../errors.js";

/**
 * A task submitted to a pool: a promise of its result, like a Python `Future`, that can also be
 * cancelled. A queued task is dropped; a running one has its worker stopped (the pool starts
 * another). Like a future, a task that fails without being awaited reports nothing: await it.
 *
 * @example
 * const task = pool.submit(slowFunction, 42);
 * task.cancel(); // await task -> TaskCancelledError
 */
export interface Task<T> extends Promise<T> {
  /** Cancels the task; false if it had already finished. */
  cancel(reason?: string): boolean;
  /** Whether it has finished: with a result, an error, or cancelled. */
  readonly done: boolean;
  /** Whether it was cancelled (by `cancel()`, its signal, its timeout, or the pool). */
  readonly cancelled: boolean;
}

export function makeTask<T>(promise: Promise<T>, controller: AbortController): Task<T> {
  let done = false;
  let cancelled = false;
  promise.then(
    () => (done = true),
    (error: unknown) => {
      done = true;
      cancelled = error instanceof TaskCancelledError;
    },
  );
  return Object.defineProperties(promise, {
    cancel: {
      value: (reason?: string): boolean => {
        if (done || controller.signal.aborted) return false;
        controller.abort(new TaskCancelledError(reason ?? "the task was cancelled"));
        return true;
      },
    },
    done: { get: () => done },
    cancelled: { get: () => cancelled },
  }) as Task<T>;
}

/** A task that failed before it started (bad input, a closed pool). */
export function rejectedTask<T>(error: unknown): Task<T> {
  const controller = new AbortController();
  return makeTask(Promise.reject(error), controller);
}
