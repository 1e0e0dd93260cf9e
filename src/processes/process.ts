import type { ChildProcess } from "node:child_process";
import { serialize } from "node:v8";
import { TaskCancelledError, WorkerCrashedError } from "../errors.js";
import { reserveWorkers } from "../quota/index.js";
import { register } from "../runtime/registry.js";
import type { TaskOutcome } from "../task/compile.js";
import { encodeArgs, revive } from "../sync/wire.js";
import { functionSource } from "../task/source.js";
import { explainCloneError, unwrap } from "../task/transfer.js";
import { lifeStarted, nameOfSource, tracing } from "../trace/hooks.js";
import { childEnded, describeExit, spawnChild } from "./spawn.js";
import { messages } from "../messages/index.js";

/**
 * One function run in one child process, like Python's `multiprocessing.Process`.
 * The child has its own memory: `fn` must be self-contained and its arguments are copied.
 *
 * @example
 * const p = new Process((n: number) => n * 2, 21).start();
 * await p.join(); // 42
 */
export class Process<A extends unknown[] = unknown[], R = unknown> {
  readonly #source: string;
  readonly #args: unknown[];
  readonly #wired: boolean;
  #child: ChildProcess | undefined;
  #result: Promise<Awaited<R>> | undefined;
  #cancelled: Error | undefined;

  constructor(fn: (...args: A) => R, ...args: A) {
    this.#source = functionSource(fn, "fn");
    ({ value: this.#args, wired: this.#wired } = encodeArgs(args, "process"));
  }

  /** Starts the child process; a Process starts once. */
  start(): this {
    if (this.#child) throw new Error(messages().processes.startedTwice);
    try {
      serialize(this.#args); // what send() will do: fail here, before a child exists
    } catch (error) {
      throw explainCloneError(error, messages().where.argOfProcess);
    }
    const release = reserveWorkers(1, "new Process(...).start()");
    const child = spawnChild();
    this.#child = child;
    const unregister = register(this);
    this.#result = this.#watch(child).finally(() => {
      release();
      unregister();
    });
    this.#result.catch(() => {}); // join() reports it; an unjoined failure must not crash the kernel.
    if (tracing.flags[0]) lifeStarted("process", child.pid, nameOfSource(this.#source), this.#result);
    child.send({ id: 0, request: { fn: this.#source, args: this.#args, wired: this.#wired } });
    return this;
  }

  /** Waits for the child to end and gives the function's result (or throws its error). */
  join(): Promise<Awaited<R>> {
    if (!this.#result) return Promise.reject(new Error(messages().processes.notStarted));
    return this.#result;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** The exit code once the child has ended, like `Process.exitcode` in Python; null before. */
  get exitCode(): number | null {
    return this.#child?.exitCode ?? null;
  }

  get isAlive(): boolean {
    return !!this.#child && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Kills the child now; `join()` rejects with a TaskCancelledError. */
  async terminate(reason: Error = new TaskCancelledError(messages().processes.terminated)): Promise<void> {
    if (!this.#child || !this.isAlive) return;
    this.#cancelled = reason;
    this.#child.kill("SIGKILL");
    await this.#result?.catch(() => {});
  }

  interrupt(reason: Error): void {
    void this.terminate(new TaskCancelledError(reason.message, { cause: reason }));
  }

  dispose(): Promise<void> {
    return this.terminate();
  }

  async #watch(child: ChildProcess): Promise<Awaited<R>> {
    let outcome: TaskOutcome | undefined;
    child.on("message", (message: TaskOutcome & { id?: number }) => {
      if (message.id !== 0) return; // a queue call, answered by the broker
      outcome = message;
      child.disconnect(); // its work is done: the child exits on disconnect
    });
    const [code, signal] = await childEnded(child);
    if (this.#cancelled) throw this.#cancelled;
    if (outcome) {
      const value = unwrap(outcome);
      return (outcome.ok && outcome.wired ? revive(value) : value) as Awaited<R>;
    }
    throw new WorkerCrashedError(
      messages().processes.endedEarly(child.pid, describeExit(code, signal)),
      code,
      signal,
    );
  }
}
