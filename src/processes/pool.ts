import type { ChildProcess } from "node:child_process";
import { PoolClosedError, TaskCancelledError, WorkerCrashedError } from "../errors.js";
import { chunked } from "../pool/chunks.js";
import { mapChunksize, poolWorkers, type MapOptions, type PoolOptions } from "../pool/options.js";
import { register } from "../runtime/registry.js";
import type { TaskOutcome, TaskRequest } from "../task/compile.js";
import { functionSource } from "../task/source.js";
import { explainCloneError, unwrap } from "../task/transfer.js";
import { describeExit, spawnChild } from "./spawn.js";

interface Task {
  id: number;
  request: TaskRequest;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  child: ChildProcess;
  task: Task | undefined;
}

/**
 * A fixed set of child processes that run functions defined in cells: Python's
 * `multiprocessing.Pool`. A child that crashes fails its own task only; the pool
 * starts another child and serves on.
 *
 * @example
 * const pool = new ProcessPool({ workers: 2 });
 * await pool.map((x: number) => x * x, [1, 2, 3]); // [1, 4, 9]
 * await pool.close();
 */
export class ProcessPool {
  readonly workers: number;
  readonly #queue: Task[] = [];
  readonly #slots = new Set<Slot>();
  readonly #unregister: () => void;
  #nextId = 0;
  #closed = false;
  /** Tasks submitted and not yet settled, and who waits for that number to reach 0. */
  #pending = 0;
  #drained: Array<() => void> = [];

  constructor(options: PoolOptions = {}) {
    this.workers = poolWorkers(options);
    this.#unregister = register(this);
  }

  /** Runs `fn(...args)` in a child process and gives its result. */
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

  /** Waits for the tasks already submitted, then ends the children. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#unregister();
    if (this.#pending > 0) await new Promise<void>((resolve) => this.#drained.push(resolve));
    await this.#endAll((child) => child.connected && child.disconnect());
  }

  /** Stops now: running and queued tasks reject with a TaskCancelledError. */
  async terminate(): Promise<void> {
    this.#closed = true;
    this.#unregister();
    this.interrupt(new TaskCancelledError("the pool was terminated"));
    await this.#endAll((child) => child.kill("SIGKILL"));
  }

  interrupt(reason: Error): void {
    const error = reason instanceof TaskCancelledError ? reason : new TaskCancelledError(reason.message, { cause: reason });
    for (const task of this.#queue.splice(0)) task.reject(error);
    for (const slot of this.#slots) {
      if (!slot.task) continue;
      slot.task.reject(error);
      slot.task = undefined;
      this.#slots.delete(slot);
      slot.child.kill("SIGKILL");
    }
  }

  dispose(): Promise<void> {
    return this.terminate();
  }

  #run(request: TaskRequest): Promise<unknown> {
    if (this.#closed) return Promise.reject(new PoolClosedError("the pool is closed; create a new ProcessPool"));
    this.#pending++;
    return new Promise<TaskOutcome>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, request, resolve: resolve as (v: unknown) => void, reject });
      this.#pump();
    })
      .finally(() => {
        if (--this.#pending === 0) for (const wake of this.#drained.splice(0)) wake();
      })
      .then(unwrap);
  }

  /** Gives queued tasks to idle children, starting children up to `workers`. */
  #pump(): void {
    while (this.#queue.length > 0) {
      const slot = [...this.#slots].find((s) => !s.task) ?? (this.#slots.size < this.workers ? this.#spawn() : undefined);
      if (!slot) return;
      const task = this.#queue.shift()!;
      slot.task = task;
      try {
        slot.child.send({ id: task.id, request: task.request });
      } catch (error) {
        slot.task = undefined;
        task.reject(explainCloneError(error, "An argument of this task"));
      }
    }
  }

  #spawn(): Slot {
    const slot: Slot = { child: spawnChild(), task: undefined };
    this.#slots.add(slot);
    slot.child.on("message", (message: TaskOutcome & { id: number }) => {
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      slot.task = undefined;
      task.resolve(message);
      this.#pump();
    });
    slot.child.once("exit", (code, signal) => {
      this.#slots.delete(slot);
      if (slot.task) {
        slot.task.reject(
          new WorkerCrashedError(`the child process ${slot.child.pid} ${describeExit(code, signal)} while running a task`, code, signal),
        );
        slot.task = undefined;
      }
      if (!this.#closed) this.#pump();
    });
    return slot;
  }

  async #endAll(end: (child: ChildProcess) => void): Promise<void> {
    const exits = [...this.#slots].map(({ child }) =>
      child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((r) => child.once("exit", r)),
    );
    for (const { child } of this.#slots) end(child);
    await Promise.all(exits);
  }
}
