import type { ChildProcess } from "node:child_process";
import { WorkerCrashedError } from "../errors.js";
import { Fifo } from "../pool/fifo.js";
import { Pool, poolMemory, type JobOutcome, type PoolOptions, type Run } from "../pool/index.js";
import type { TaskRequest } from "../task/compile.js";
import { explainCloneError } from "../task/transfer.js";
import { taskWorker, tracing } from "../trace/hooks.js";
import { describeExit, spawnChild } from "./spawn.js";
import { messages } from "../messages/index.js";


/** A child, and the run it works on (whose `slot` is the id its messages carry). */
interface Slot {
  child: ChildProcess;
  task: Run | undefined;
  /** Functions this child has compiled: their source is not sent again. */
  known: Set<number>;
}

/**
 * A fixed set of child processes that run functions defined in cells: Python's
 * `multiprocessing.Pool`. A child that crashes fails its own task only; the pool starts another
 * child and serves on (where Python's `ProcessPoolExecutor` would mark the whole pool broken).
 *
 * @example
 * const pool = new ProcessPool({ workers: 2 });
 * await pool.map((x: number) => x * x, [1, 2, 3]); // [1, 4, 9]
 * await pool.close();
 */
export class ProcessPool extends Pool {
  protected readonly target = "process";
  readonly #queue = new Fifo<Run>();
  readonly #stop = (run: Run) => this.#cancel(run);
  readonly #slots = new Set<Slot>();
  readonly #execArgv: string[];
  #nextId = 0;
  #stopping = false;

  constructor(options: PoolOptions = {}) {
    super(options);
    const memory = poolMemory(options);
    this.#execArgv = memory ? [`--max-old-space-size=${memory}`] : [];
  }

  protected execute(run: Run): void {
    run.slot = this.#nextId++;
    run.stop = this.#stop;
    this.#queue.push(run);
    this.#pump();
  }

  protected queued(): number {
    return this.#queue.size;
  }

  protected aliveWorkers(): number {
    return this.#slots.size;
  }

  protected releaseWorkers(): void {
    for (const slot of this.#slots) {
      if (slot.task) continue;
      this.#slots.delete(slot);
      if (slot.child.connected) slot.child.disconnect(); // the child exits once its channel closes
    }
  }

  protected async stopWorkers(force: boolean): Promise<void> {
    this.#stopping = true;
    const slots = [...this.#slots];
    const exits = slots.map(({ child }) =>
      child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once("exit", resolve)),
    );
    for (const { child } of slots) {
      if (force) child.kill("SIGKILL");
      else if (child.connected) child.disconnect(); // the child exits once its channel closes
    }
    await Promise.all(exits);
  }

  /** A cancelled task leaves the queue, or its child is killed (and replaced when needed). */
  #cancel(task: Run): void {
    this.#queue.remove(task);
    for (const slot of this.#slots) {
      if (slot.task !== task) continue;
      slot.task = undefined;
      this.#slots.delete(slot);
      if (tracing.flags[0]) taskWorker(task, slot.child.pid ?? 0);
      slot.child.kill("SIGKILL");
    }
    task.fail(task.reason);
    this.#pump();
  }

  /** Gives queued tasks to idle children, starting children up to `workers`. */
  #pump(): void {
    while (this.#queue.size > 0 && !this.#stopping) {
      const slot = [...this.#slots].find((s) => !s.task) ?? (this.#slots.size < this.workers ? this.#spawn() : undefined);
      if (!slot) return;
      const task = this.#queue.shift()!;
      const { fn, source, args, chunk, wired } = task.job;
      const request: TaskRequest = args ? { fn, args } : { fn, chunk };
      if (wired) request.wired = true;
      if (!slot.known.has(fn)) request.source = source;
      slot.task = task;
      try {
        slot.child.send({ id: task.slot, request });
        slot.known.add(fn);
      } catch (error) {
        slot.task = undefined;
        task.fail(explainCloneError(error, messages().where.argOfTask));
      }
    }
  }

  #spawn(): Slot {
    const slot: Slot = { child: spawnChild(this.#execArgv), task: undefined, known: new Set() };
    this.#slots.add(slot);
    slot.child.on("message", (message: JobOutcome & { id?: number }) => {
      const task = slot.task;
      if (!task || task.slot !== message.id) return;
      slot.task = undefined;
      task.done(message);
      this.#pump();
    });
    slot.child.once("exit", (code, signal) => {
      this.#slots.delete(slot);
      const task = slot.task;
      if (task) {
        slot.task = undefined;
        if (tracing.flags[0]) taskWorker(task, slot.child.pid ?? 0);
        task.fail(
          new WorkerCrashedError(
            messages().pool.childExited(slot.child.pid, describeExit(code, signal)),
            code,
            signal,
          ),
        );
      }
      this.#pump();
    });
    return slot;
  }
}
