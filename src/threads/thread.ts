import { once } from "node:events";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { TaskCancelledError, WorkerCrashedError } from "../errors.js";
import { reserveWorkers } from "../quota/index.js";
import { register } from "../runtime/registry.js";
import { encodeArgs, revive } from "../sync/wire.js";
import { functionSource } from "../task/source.js";
import { explainCloneError, unwrap } from "../task/transfer.js";
import type { TaskOutcome } from "../task/compile.js";
import { lifeStarted, nameOfSource, traceRing, tracing } from "../trace/hooks.js";
import { newOutputToken, outputDone } from "./output.js";
import { messages } from "../messages/index.js";

export const WORKER_FILE = path.join(__dirname, "worker.js");

/**
 * One function run in one worker thread, like Python's `threading.Thread(target=fn, args=...)`.
 * `fn` must be self-contained; its arguments are copied (structured clone).
 * What it prints reaches the cell.
 *
 * @example
 * const t = new Thread((n: number) => n * 2, 21).start();
 * await t.join(); // 42
 */
export class Thread<A extends unknown[] = unknown[], R = unknown> {
  readonly #source: string;
  readonly #args: unknown[];
  readonly #wired: boolean;
  #worker: Worker | undefined;
  #result: Promise<Awaited<R>> | undefined;
  #cancelled: Error | undefined;
  #alive = false;
  readonly #token = newOutputToken();

  constructor(fn: (...args: A) => R, ...args: A) {
    this.#source = functionSource(fn, "fn");
    ({ value: this.#args, wired: this.#wired } = encodeArgs(args, "thread"));
  }

  /** Starts the thread; a Thread starts once. Returns the thread, so `new Thread(f).start()` reads well. */
  start(): this {
    if (this.#worker) throw new Error(messages().threads.startedTwice);
    const release = reserveWorkers(1, "new Thread(...).start()");
    try {
      this.#worker = new Worker(WORKER_FILE, {
        workerData: { kind: "concurrence.thread", request: { fn: this.#source, args: this.#args, wired: this.#wired, token: this.#token }, trace: traceRing() },
      });
    } catch (error) {
      release();
      throw explainCloneError(error, messages().where.argOfThread);
    }
    this.#alive = true;
    const unregister = register(this);
    this.#result = this.#watch(this.#worker).finally(() => {
      this.#alive = false;
      release();
      unregister();
    });
    this.#result.catch(() => {}); // join() reports it; an unjoined failure must not crash the kernel.
    if (tracing.flags[0]) lifeStarted("thread", this.#worker.threadId, nameOfSource(this.#source), this.#result);
    return this;
  }

  /** Waits for the end of the thread and gives the function's result (or throws its error). */
  join(): Promise<Awaited<R>> {
    if (!this.#result) return Promise.reject(new Error(messages().threads.notStarted));
    return this.#result;
  }

  get isAlive(): boolean {
    return this.#alive;
  }

  /** The worker thread's id, once started. */
  get threadId(): number | undefined {
    return this.#worker?.threadId;
  }

  /** Stops the thread now; `join()` rejects with a TaskCancelledError. */
  async terminate(reason: Error = new TaskCancelledError(messages().threads.terminated)): Promise<void> {
    if (!this.#worker || !this.#alive) return;
    this.#cancelled = reason;
    await this.#worker.terminate();
    await this.#result?.catch(() => {});
  }

  interrupt(reason: Error): void {
    void this.terminate(new TaskCancelledError(reason.message, { cause: reason }));
  }

  dispose(): Promise<void> {
    return this.terminate();
  }

  async #watch(worker: Worker): Promise<Awaited<R>> {
    let outcome: TaskOutcome | undefined;
    let failure: Error | undefined;
    worker.on("message", (message: TaskOutcome) => (outcome = message));
    worker.on("error", (error) => (failure = error));
    const [exitCode] = (await once(worker, "exit")) as [number];
    // A worker that returned and printed said so after its last output; one that crashed never will.
    if (!outcome || outcome.output !== undefined) await outputDone(this.#token, outcome ? Infinity : 100);
    if (this.#cancelled) throw this.#cancelled;
    if (outcome) {
      const value = unwrap(outcome);
      return (outcome.ok && outcome.wired ? revive(value) : value) as Awaited<R>;
    }
    throw new WorkerCrashedError(
      messages().threads.endedEarly(exitCode) + (failure ? `: ${failure.message}` : ""),
      exitCode,
      null,
      { cause: failure },
    );
  }
}
