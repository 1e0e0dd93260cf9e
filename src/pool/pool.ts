import { PoolClosedError, TaskCancelledError, TaskTimeoutError } from "../errors.js";
import { isArray, isIterable } from "../options.js";
import { reserveWorkers } from "../quota/index.js";
import { register } from "../runtime/registry.js";
import { encodeArgs, revive, type Target } from "../sync/wire.js";
import type { TaskOutcome } from "../task/compile.js";
import { functionSource } from "../task/source.js";
import { functionId } from "../task/table.js";
import { fromTransferableError, type TransferableError } from "../task/transfer.js";
import { chunked } from "./chunks.js";
import { asCompleted } from "./iterate.js";
import { IdleTimer } from "./idle.js";
import { mapChunksize, poolIdleTimeout, poolMemory, poolWorkers, taskOptions, type MapOptions, type PoolOptions, type TaskOptions } from "./options.js";
import { taskFinished, taskSubmitted, tracing } from "../trace/hooks.js";
import { StatsRecorder, type PoolStats } from "./stats.js";
import { rejectedTask, Run, TaskPromise, type Book, type Task } from "./task.js";
import { messages } from "../messages/index.js";

/** One task as a pool hands it to its workers: a function's number and source, and its input. */
export interface Job {
  fn: number;
  source: string;
  args?: unknown[];
  chunk?: unknown[];
  wired: boolean;
  /** The function's name, for traces. */
  name: string;
}

export type JobOutcome = TaskOutcome;

type AnyFunction = (...args: never[]) => unknown;

/**
 * What ThreadPool and ProcessPool share: Python's `Pool` / `Executor` API on top of a way to run
 * one job in a worker (`execute`). Each task is a Run: cancel(), its AbortSignal, its timeout,
 * the stop button and terminate() all abort it, and the engine stops the worker running it.
 */
export abstract class Pool implements AsyncDisposable {
  readonly workers: number;
  /** Idle milliseconds after which the workers exit (see PoolOptions.idleTimeoutMs). */
  readonly idleTimeoutMs: number;
  readonly #idle: IdleTimer;
  readonly #unregister: () => void;
  /** Hands this pool's workers back to the kernel's ceiling (CONCURRENCE_MAX_WORKERS). */
  readonly #releaseWorkers: () => void;
  readonly #live = new Set<Run>();
  readonly #stats = new StatsRecorder();
  #closed = false;
  #drained: Array<() => void> = [];

  /** Where jobs run: a process cannot share memory, a thread can. */
  protected abstract readonly target: Target;
  /**
   * Runs `run.job`, then calls `run.done(outcome)` or `run.fail(error)`. Sets `run.stop`: when the
   * run is aborted, it stops it (dropping it if queued, stopping its worker if running) and fails it.
   */
  protected abstract execute(run: Run): void;
  /** Jobs waiting for a worker. */
  protected abstract queued(): number;
  /** Ends the workers: after their jobs (`force` false) or now. */
  protected abstract stopWorkers(force: boolean): Promise<void>;
  /** Ends the workers of an idle pool; the next `execute` starts workers again. */
  protected abstract releaseWorkers(): void;
  /** Workers alive now. */
  protected abstract aliveWorkers(): number;

  constructor(options: PoolOptions = {}) {
    this.workers = poolWorkers(options);
    this.idleTimeoutMs = poolIdleTimeout(options);
    poolMemory(options); // every option is checked before the workers are taken from the ceiling
    this.#releaseWorkers = reserveWorkers(this.workers, `new ${new.target.name}({ workers: ${this.workers} })`);
    this.#idle = new IdleTimer(this.idleTimeoutMs, () => this.#live.size === 0 && !this.#closed, () => this.releaseWorkers());
    this.#idle.idle();
    this.#unregister = register(this);
  }

  /** Runs `fn(...args)` in a worker. Gives a Task: a promise of the result that can be cancelled. */
  submit<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Task<Awaited<R>> {
    return this.apply(fn, args, NO_OPTIONS);
  }

  /**
   * Like `submit`, with options: a `timeout` (ms) and an AbortSignal.
   * @example pool.apply(slow, [42], { timeout: 1000 })
   */
  apply<A extends unknown[], R>(fn: (...args: A) => R, args: A = [] as unknown as A, options: TaskOptions = {}): Task<Awaited<R>> {
    try {
      isArray("args", args);
      const opts = options === NO_OPTIONS ? DEFAULTS : taskOptions(options);
      return this.#launch(this.#prepare(functionSource(fn, "fn"), "args", args, 0, fn.name), opts) as Task<Awaited<R>>;
    } catch (error) {
      return rejectedTask(error);
    }
  }

  /**
   * `fn` applied to every item in parallel; results keep the order of `items` (Python's `Pool.map`).
   * If one fails, the others are cancelled and the map rejects with that error.
   */
  async map<T, R>(fn: (item: T) => R, items: Iterable<T>, options: MapOptions = {}): Promise<Array<Awaited<R>>> {
    const tasks = this.#chunkTasks(fn as AnyFunction, items, options);
    try {
      return (await Promise.all(tasks)).flat() as Array<Awaited<R>>;
    } catch (error) {
      for (const task of tasks) task.cancel("another task of the same map failed");
      throw error;
    }
  }

  /**
   * `fn` applied to every item in parallel; results come as soon as they are ready, in any order
   * (Python's `imap_unordered`). Leaving the loop early cancels what is left.
   *
   * @example
   * for await (const result of pool.imapUnordered(work, items)) console.log(result);
   */
  imapUnordered<T, R>(fn: (item: T) => R, items: Iterable<T>, options: MapOptions = {}): AsyncIterableIterator<Awaited<R>> {
    let tasks: Array<Task<unknown[]>>;
    try {
      tasks = this.#chunkTasks(fn as AnyFunction, items, options);
    } catch (error) {
      return (async function* failing(): AsyncGenerator<Awaited<R>> {
        throw error;
      })();
    }
    return (async function* results(): AsyncGenerator<Awaited<R>> {
      try {
        for await (const task of asCompleted(tasks)) yield* (await task) as Array<Awaited<R>>;
      } finally {
        for (const task of tasks) task.cancel("the loop over the results ended");
      }
    })();
  }

  /** The tasks in the order they finish (Python's `as_completed`): `await` each for its result. */
  asCompleted<T extends PromiseLike<unknown>>(tasks: Iterable<T>): AsyncIterableIterator<T> {
    isIterable("tasks", tasks);
    return asCompleted(tasks);
  }

  /** What the pool did so far: tasks by outcome, the queue size, and each worker's utilisation. */
  stats(): PoolStats {
    return this.#stats.snapshot(this.workers, this.queued(), this.#live.size, this.aliveWorkers());
  }

  /** Takes no more tasks, waits for those submitted, then ends the workers. */
  async close(): Promise<void> {
    this.#shut();
    if (this.#live.size > 0) await new Promise<void>((resolve) => this.#drained.push(resolve));
    await this.stopWorkers(false).finally(this.#releaseWorkers);
  }

  /** Stops now: running and queued tasks reject with a TaskCancelledError. */
  async terminate(): Promise<void> {
    this.#shut();
    this.interrupt(new TaskCancelledError(messages().pool.terminated));
    await this.stopWorkers(true).finally(this.#releaseWorkers);
  }

  /** `await using pool = new ThreadPool()`: the pool is closed (its tasks finish) at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** The stop button: every task is cancelled; the pool stays usable. */
  interrupt(reason: Error): void {
    const error = reason instanceof TaskCancelledError ? reason : new TaskCancelledError(reason.message, { cause: reason });
    for (const cancel of [...this.#live]) cancel.abort(error);
  }

  /** A re-run of the cell that made the pool. */
  dispose(): Promise<void> {
    return this.terminate();
  }

  #shut(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#idle.stop();
    this.#unregister();
  }

  #chunkTasks(fn: AnyFunction, items: Iterable<unknown>, options: MapOptions): Array<Task<unknown[]>> {
    const chunksize = mapChunksize(options);
    const opts = options.timeout === undefined && options.signal === undefined ? DEFAULTS : taskOptions({ timeout: options.timeout, signal: options.signal });
    isIterable("items", items);
    const source = functionSource(fn, "fn");
    // Every chunk is checked before the first one starts: bad input leaves no task behind.
    const jobs = chunked(Array.from(items), chunksize).map((chunk, i) => this.#prepare(source, "chunk", chunk, i * chunksize, fn.name));
    return jobs.map((job) => this.#launch(job, opts) as Task<unknown[]>);
  }

  /** The job for one task; throws (before anything runs) for input that cannot go to a worker. */
  #prepare(source: string, kind: "args" | "chunk", input: unknown[], offset: number, name: string): Job {
    const encoded = encodeArgs(input, this.target, kind === "args" ? messages().where.argument : messages().where.item, offset + 1);
    return { fn: functionId(source), source, [kind]: encoded.value, wired: encoded.wired, name };
  }

  #launch(job: Job, options: { timeout: number; signal?: AbortSignal }): Task<unknown> {
    if (this.#closed) return rejectedTask(new PoolClosedError(messages().pool.closed(this.constructor.name)));
    if (options.signal?.aborted) return rejectedTask(cancelledBy(options.signal));
    const task = new TaskPromise<unknown>();
    const run = new Run(this.#book, task, job);
    task.cancelWith(run);
    if (options !== DEFAULTS) run.unlink = link(run, options);
    this.#live.add(run);
    this.#stats.submitted++;
    if (tracing.flags[0]) taskSubmitted(run, this.target);
    this.execute(run);
    return task;
  }

  /** Where runs end: the statistics, the task's promise, and whoever waits for the pool to drain. */
  readonly #book: Book = {
    finish: (run, ok, value, outcome) => {
      if (!this.#live.delete(run)) return; // settled already (cancelled, then its result came)
      run.unlink?.();
      if (tracing.flags[0]) taskFinished(run, ok, value, outcome);
      if (outcome) this.#stats.ran(outcome);
      if (ok) {
        this.#stats.completed++;
        run.task.settle(true, outcome?.ok && outcome.wired ? revive(value) : value);
      } else {
        const error = outcome ? fromTransferableError(value as TransferableError) : value;
        if (error instanceof TaskCancelledError) this.#stats.cancelled++;
        else this.#stats.failed++;
        run.task.settle(false, error);
      }
      if (this.#live.size > 0) return;
      for (const wake of this.#drained.splice(0)) wake();
      this.#idle.idle();
    },
  };
}

const NO_OPTIONS: TaskOptions = {};
const DEFAULTS = { timeout: Infinity, signal: undefined };

function cancelledBy(signal: AbortSignal): TaskCancelledError {
  return new TaskCancelledError(messages().pool.cancelledBySignal, { cause: signal.reason });
}

/** Cancels the task on its own signal or its timeout. Gives the function that unlinks them. */
function link(cancel: Run, options: { timeout: number; signal?: AbortSignal }): () => void {
  const { timeout, signal } = options;
  const timer =
    timeout === Infinity
      ? undefined
      : setTimeout(() => cancel.abort(new TaskTimeoutError(messages().pool.timedOut(timeout))), timeout);
  const onAbort = () => cancel.abort(cancelledBy(signal!));
  signal?.addEventListener("abort", onAbort, { once: true });
  return () => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  };
}
