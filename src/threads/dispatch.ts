// How a ThreadPool hands tasks to piscina. Passing an AbortSignal to piscina costs about 40% of
// its throughput on small tasks, so tasks wait in our own queue, a few per worker go to piscina
// (as many as it has cells), and cancellation goes through shared memory instead: each task in flight has a cell
// where its worker writes its threadId when it starts. Cancelling a task that has not started
// marks the cell, and the worker skips it; cancelling a running one terminates its worker, which
// piscina then replaces.
import type { Piscina } from "piscina";
import { Fifo } from "../pool/fifo.js";
import type { Run } from "../pool/task.js";
import { inTable } from "../task/table.js";
import type { TaskOutcome, TaskRequest } from "../task/compile.js";
import { taskWorker, tracing } from "../trace/hooks.js";
import { outputDone } from "./output.js";

/** A cell's states, besides the threadId of the worker running the task. */
export const WAITING = 0;
export const SKIP = -1;
export const FINISHED = -2;

export class Dispatcher {
  readonly #piscina: Piscina<TaskRequest, TaskOutcome>;
  readonly #workers: number;
  readonly #cells: Int32Array;
  readonly #explain: (error: unknown) => unknown;
  readonly #queue = new Fifo<Run>();
  readonly #free: number[];
  readonly #stop = (run: Run) => this.#cancel(run);
  #inFlight = 0;

  constructor(piscina: Piscina<TaskRequest, TaskOutcome>, workers: number, cells: Int32Array, explain: (error: unknown) => unknown) {
    this.#piscina = piscina;
    this.#workers = workers;
    this.#cells = cells;
    this.#explain = explain;
    this.#free = Array.from({ length: cells.length }, (_, i) => cells.length - 1 - i);
  }

  /** Tasks waiting for a worker. */
  get queued(): number {
    return this.#queue.size + Math.max(0, this.#inFlight - this.#workers);
  }

  run(run: Run): void {
    run.stop = this.#stop;
    this.#queue.push(run);
    this.#pump();
  }

  #pump(): void {
    while (this.#queue.size > 0 && this.#free.length > 0) {
      const run = this.#queue.shift()!;
      const cell = this.#free.pop()!;
      Atomics.store(this.#cells, cell, WAITING);
      run.slot = cell;
      const { fn, args, chunk, wired, source } = run.job;
      const request: TaskRequest = args ? { fn, args, cell } : { fn, chunk, cell };
      if (wired) request.wired = true;
      if (!inTable(fn)) request.source = source;
      this.#inFlight++;
      this.#piscina.run(request).then(
        (outcome) => this.#done(run, outcome),
        (error: unknown) => this.#failed(run, error),
      );
    }
  }

  #done(run: Run, outcome: TaskOutcome): void {
    this.#release(run);
    // A task's prints reach the cell before its result.
    if (outcome.output === undefined) run.done(outcome);
    else void outputDone(outcome.output).then(() => run.done(outcome));
  }

  #failed(run: Run, error: unknown): void {
    if (tracing.flags[0]) taskWorker(run, Atomics.load(this.#cells, run.slot));
    this.#release(run);
    run.fail(this.#explain(error));
  }

  #release(run: Run): void {
    this.#inFlight--;
    this.#free.push(run.slot);
    this.#pump();
  }

  #cancel(run: Run): void {
    if (run.slot < 0) {
      this.#queue.remove(run);
      run.fail(run.reason);
      return;
    }
    const state = Atomics.compareExchange(this.#cells, run.slot, WAITING, SKIP);
    if (state === FINISHED) return; // too late: its result is on the way
    if (tracing.flags[0]) taskWorker(run, state);
    if (state > 0) void this.#piscina.threads.find((worker) => worker.threadId === state)?.terminate();
    run.fail(run.reason);
  }
}
