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

export class ThreadPool extends Pool {
  protected readonly target = "thread";
  readonly #piscina: Piscina<TaskRequest, JobOutcome>;
  readonly #dispatcher: Dispatcher;
  readonly #maxMemoryMb: number | undefined;

  constructor(options: PoolOptions = {}) {
    super(options);
    this.#maxMemoryMb = poolMemory(options);
    const cells = new Int32Array(new SharedArrayBuffer(4 * IN_FLIGHT * this.workers));
    this.#piscina = new Piscina({
      filename: WORKER_FILE,
      minThreads: this.workers,
      maxThreads: this.workers,
      idleTimeout: Infinity,
      workerData: { kind: "concurrence.pool", table: functionTable(), cells, trace: traceRing() },
      ...(this.#maxMemoryMb ? { resourceLimits: { maxOldGenerationSizeMb: this.#maxMemoryMb } } : {}),
    });
    listenToWorkers();
    // A worker that dies between tasks is replaced by piscina; nothing to report.
    this.#piscina.on("error", () => {});
    this.#dispatcher = new Dispatcher(this.#piscina, this.workers, cells, (error) => this.#explain(error));
  }

  protected execute(run: Run): void {
    this.#dispatcher.run(run);
  }

  protected queued(): number {
    return this.#dispatcher.queued;
  }

  protected async stopWorkers(force: boolean): Promise<void> {
    await (force ? this.#piscina.destroy() : this.#piscina.close());
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
