import { setMaxListeners } from "node:events";
import { Piscina } from "piscina";
import { PoolClosedError, TaskCancelledError } from "../errors.js";
import { chunked } from "../pool/chunks.js";
import { mapChunksize, poolWorkers, type MapOptions, type PoolOptions } from "../pool/options.js";
import { register } from "../runtime/registry.js";
import type { TaskOutcome, TaskRequest } from "../task/compile.js";
import { newOutputToken, outputDone } from "./output.js";
import { functionSource } from "../task/source.js";
import { explainCloneError, unwrap } from "../task/transfer.js";
import { WORKER_FILE } from "./thread.js";

/**
 * A fixed set of worker threads that run functions defined in cells, on piscina:
 * Python's `ThreadPoolExecutor`, except that here threads run JavaScript in parallel.
 *
 * @example
 * const pool = new ThreadPool({ workers: 2 });
 * await pool.map((x: number) => x * x, [1, 2, 3]); // [1, 4, 9]
 * await pool.close();
 */
export class ThreadPool {
  readonly workers: number;
  readonly #piscina: Piscina<TaskRequest, TaskOutcome>;
  readonly #unregister: () => void;
  #abort = unlimitedAbortController();
  #closed = false;

  constructor(options: PoolOptions = {}) {
    this.workers = poolWorkers(options);
    this.#piscina = new Piscina({
      filename: WORKER_FILE,
      minThreads: this.workers,
      maxThreads: this.workers,
      idleTimeout: Infinity,
    });
    this.#unregister = register(this);
  }

  /** Runs `fn(...args)` in a worker thread and gives its result. */
  async submit<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
    return (await this.#run({ source: functionSource(fn, "fn"), args })) as Awaited<R>;
  }

  /** `fn` applied to every item, in parallel; results keep the order of `items`. */
  async map<T, R>(fn: (item: T) => R, items: Iterable<T>, options: MapOptions = {}): Promise<Array<Awaited<R>>> {
    const source = functionSource(fn, "fn");
    const chunks = chunked(Array.from(items), mapChunksize(options));
    const results = await Promise.all(chunks.map((chunk) => this.#run({ source, chunk })));
    return (results as unknown[][]).flat() as Array<Awaited<R>>;
  }

  /** Waits for the tasks already submitted, then stops the threads. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#unregister();
    await this.#piscina.close();
  }

  /** Stops now: running and queued tasks reject with a TaskCancelledError. */
  async terminate(): Promise<void> {
    this.#closed = true;
    this.#unregister();
    this.interrupt(new TaskCancelledError("the pool was terminated"));
    await this.#piscina.destroy();
  }

  interrupt(reason: Error): void {
    const abort = this.#abort;
    this.#abort = unlimitedAbortController();
    abort.abort(reason);
  }

  dispose(): Promise<void> {
    return this.terminate();
  }

  async #run(request: TaskRequest): Promise<unknown> {
    if (this.#closed) throw new PoolClosedError("the pool is closed; create a new ThreadPool");
    const signal = this.#abort.signal;
    const token = newOutputToken();
    let outcome: TaskOutcome;
    try {
      outcome = await this.#piscina.run({ ...request, token }, { signal });
    } catch (error) {
      if (signal.aborted) {
        const reason = signal.reason as Error;
        throw reason instanceof TaskCancelledError ? reason : new TaskCancelledError(reason.message, { cause: reason });
      }
      throw explainCloneError(error, "An argument of this task");
    }
    await outputDone(token); // the task's prints reach the cell before its result
    return unwrap(outcome);
  }
}

/** One signal serves every task of the pool: each running task listens to it. */
function unlimitedAbortController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
