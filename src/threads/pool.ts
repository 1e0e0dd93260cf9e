import { Piscina } from "piscina";
import { WorkerCrashedError } from "../errors.js";
import { Pool, poolMemory, type JobOutcome, type PoolOptions, type Run } from "../pool/index.js";
import type { TaskRequest } from "../task/compile.js";
import { functionTable } from "../task/table.js";
import { explainCloneError } from "../task/transfer.js";
import { traceRing } from "../trace/hooks.js";
import { Dispatcher } from "./dispatch.js";
import { listenToWorkers } from "./output.js";
import { WORKER_FILE } from "./thread.js";
import { messages } from "../messages/index.js";

/**
 * A fixed set of worker threads that run functions defined in cells, on piscina:
 * Python's `ThreadPoolExecutor`, except that here threads run JavaScript in parallel.
 * A function's source reaches the workers once (through shared memory) and each compiles it once.
 *
 * @example
 * const pool = new ThreadPool({ workers: 2 });
 * await pool.map((x: number) => x * x, [1, 2, 3]); // [1, 4, 9]
 * await pool.close();
 */
/** Tasks handed to piscina at once, per worker: enough that a worker never waits for the next one. */
const IN_FLIGHT = 8;

interface Engine {
  piscina: Piscina<TaskRequest, JobOutcome>;
  dispatcher: Dispatcher;
}

export class ThreadPool extends Pool {
  protected readonly target = "thread";
  readonly #maxMemoryMb: number | undefined;
  readonly #cells: Int32Array;
  /** The workers and what feeds them; none while the pool is idle (see idleTimeoutMs). */
  #engine: Engine | undefined;

  constructor(options: PoolOptions = {}) {
    super(options);
    this.#maxMemoryMb = poolMemory(options);
    this.#cells = new Int32Array(new SharedArrayBuffer(4 * IN_FLIGHT * this.workers));
    listenToWorkers();
    this.#engine = this.#start();
  }

  /** Starts the workers at once, so that the first tasks do not wait for them one by one. */
  #start(): Engine {
    const piscina = new Piscina<TaskRequest, JobOutcome>({
      filename: WORKER_FILE,
      minThreads: this.workers,
      maxThreads: this.workers,
      idleTimeout: Infinity,
      workerData: { kind: "concurrence.pool", table: functionTable(), cells: this.#cells, trace: traceRing() },
      ...(this.#maxMemoryMb ? { resourceLimits: { maxOldGenerationSizeMb: this.#maxMemoryMb } } : {}),
    });
    // A worker that dies between tasks is replaced by piscina; nothing to report.
    piscina.on("error", () => {});
    return { piscina, dispatcher: new Dispatcher(piscina, this.workers, this.#cells, (error) => this.#explain(error)) };
  }

  protected execute(run: Run): void {
    (this.#engine ??= this.#start()).dispatcher.run(run);
  }

  protected queued(): number {
    return this.#engine?.dispatcher.queued ?? 0;
  }

  protected aliveWorkers(): number {
    return this.#engine?.piscina.threads.length ?? 0;
  }

  protected releaseWorkers(): void {
    const engine = this.#engine;
    this.#engine = undefined;
    void engine?.piscina.destroy().catch(() => {}); // no task was left to fail
  }

  protected async stopWorkers(force: boolean): Promise<void> {
    const engine = this.#engine;
    this.#engine = undefined;
    if (engine) await (force ? engine.piscina.destroy() : engine.piscina.close());
  }

  /** Piscina's failures: an argument that cannot be copied, or a worker that died mid-task. */
  #explain(error: unknown): unknown {
    const explained = explainCloneError(error, messages().where.argOfTask);
    if (explained !== error || !(error instanceof Error)) return explained;
    const exit = /worker exited with code: (-?\d+)/.exec(error.message);
    if (exit) {
      const code = Number(exit[1]);
      return new WorkerCrashedError(messages().pool.threadExited(code), code);
    }
    if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
      return new WorkerCrashedError(
        messages().pool.threadOutOfMemory(String(this.#maxMemoryMb ?? messages().pool.nodeDefault)),
        null,
        null,
        { cause: error },
      );
    }
    return new WorkerCrashedError(messages().pool.threadCrashed(error.message), null, null, {
      cause: error,
    });
  }
}
