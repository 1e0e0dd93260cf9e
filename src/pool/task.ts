import { TaskCancelledError } from "../errors.js";
import type { TaskOutcome } from "../task/compile.js";
import type { Job } from "./pool.js";
import { messages } from "../messages/index.js";

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

/** What a pool does when one of its runs ends. */
export interface Book {
  finish(run: Run, ok: boolean, value: unknown, outcome?: TaskOutcome): void;
}

/**
 * One task inside a pool: its job, its cancellation, and how the engine that runs it reports
 * back (`done` with the worker's outcome, or `fail`). `slot` is the engine's own mark, and
 * `stop` what the engine does when the run is aborted.
 */
export class Run {
  aborted = false;
  reason: unknown = undefined;
  slot = -1;
  stop: ((run: Run) => void) | undefined = undefined;
  unlink: (() => void) | undefined = undefined;

  constructor(
    readonly book: Book,
    readonly task: TaskPromise<unknown>,
    readonly job: Job,
  ) {}

  /** Cancels the run with `reason` (a TaskCancelledError). */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.stop?.(this);
  }

  done(outcome: TaskOutcome): void {
    this.book.finish(this, outcome.ok, outcome.ok ? outcome.value : outcome.error, outcome);
  }

  fail(error: unknown): void {
    this.book.finish(this, false, this.aborted ? this.reason : error);
  }
}

const ignore = () => {};
const PENDING = 0;
const FINISHED = 1;
const CANCELLED = 2;

/** The Task a pool gives back. Its `then` makes plain promises. */
export class TaskPromise<T> extends Promise<T> implements Task<T> {
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  #state = PENDING;
  #resolve!: (value: T) => void;
  #reject!: (error: unknown) => void;
  #cancel: Run | undefined;

  constructor() {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    super((yes, no) => ((resolve = yes), (reject = no)));
    this.#resolve = resolve;
    this.#reject = reject;
  }

  /** @internal What `cancel()` aborts. */
  cancelWith(cancel: Run): void {
    this.#cancel = cancel;
  }

  /** @internal Settles the task (a pool calls it once). */
  settle(ok: boolean, value: unknown): void {
    if (this.#state !== PENDING) return;
    this.#state = !ok && value instanceof TaskCancelledError ? CANCELLED : FINISHED;
    this.#cancel = undefined;
    if (ok) return this.#resolve(value as T);
    this.then(undefined, ignore); // like a Python future, an unobserved failure is not an "unhandled rejection"
    this.#reject(value);
  }

  cancel(reason?: string): boolean {
    if (this.#state !== PENDING || !this.#cancel || this.#cancel.aborted) return false;
    this.#cancel.abort(new TaskCancelledError(reason ?? messages().pool.cancelled));
    return true;
  }

  get done(): boolean {
    return this.#state !== PENDING;
  }

  get cancelled(): boolean {
    return this.#state === CANCELLED;
  }
}

/** A task that failed before it started (bad input, a closed pool). */
export function rejectedTask<T>(error: unknown): Task<T> {
  const task = new TaskPromise<T>();
  task.settle(false, error);
  return task;
}
