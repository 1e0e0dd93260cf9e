import type { TaskTiming } from "../task/compile.js";

export interface WorkerStats {
  /** The worker: a threadId for a ThreadPool, a pid for a ProcessPool. */
  worker: number;
  /** Tasks it ran. */
  tasks: number;
  /** Seconds it spent running them. */
  busySeconds: number;
  /** The share of its life (since it started, or since the pool did) spent running tasks, 0 to 1. */
  utilisation: number;
}

/** A snapshot of a pool's work. */
export interface PoolStats {
  workers: number;
  /** Workers alive now: fewer than `workers` before the first tasks and after an idle spell. */
  alive: number;
  submitted: number;
  /** Tasks that finished with a result. */
  completed: number;
  /** Tasks that threw, or whose worker crashed. */
  failed: number;
  /** Tasks cancelled, timed out, or stopped by the pool. */
  cancelled: number;
  /** Tasks waiting for a worker: the queue size. */
  queued: number;
  running: number;
  /** One row per worker that ran a task (a replaced worker keeps its row). */
  perWorker: WorkerStats[];
}

export class StatsRecorder {
  submitted = 0;
  completed = 0;
  failed = 0;
  cancelled = 0;
  readonly #created = Date.now();
  readonly #workers = new Map<number, { tasks: number; busyMs: number; since: number }>();

  /** Counts a task's run on its worker. */
  ran(timing: Partial<TaskTiming>): void {
    if (timing.worker === undefined) return;
    let row = this.#workers.get(timing.worker);
    if (!row) {
      row = { tasks: 0, busyMs: 0, since: Math.max(this.#created, timing.born ?? this.#created) };
      this.#workers.set(timing.worker, row);
    }
    row.tasks++;
    row.busyMs += timing.ms ?? 0;
  }

  snapshot(workers: number, queued: number, live: number, alive: number): PoolStats {
    const now = Date.now();
    const perWorker = [...this.#workers].map(([worker, row]) => ({
      worker,
      tasks: row.tasks,
      busySeconds: row.busyMs / 1000,
      utilisation: Math.min(1, row.busyMs / Math.max(1, now - row.since)),
    }));
    const { submitted, completed, failed, cancelled } = this;
    return { workers, alive, submitted, completed, failed, cancelled, queued, running: Math.max(0, live - queued), perWorker };
  }
}
