import path from "node:path";
import { HttpError, RequestTimeoutError } from "../errors.js";
import { plainObject, positiveInteger } from "../options.js";
import { ThreadPool } from "../threads/index.js";
import { checkJobs, report, stopOnErrorOf, type BatchOptions, type DownloadJob, type DownloadReport, type DownloadResult } from "./download.js";
import { requestPolicy, type RequestOptions } from "./request.js";

export interface ThreadDownloadOptions extends BatchOptions {
  /** Worker threads; each downloads one file at a time, like one Python thread. @default 4 */
  workers?: number;
}

/** The compiled download module, which each worker thread requires. */
const DOWNLOAD_MODULE = path.join(__dirname, "download.js");

interface WorkerTask {
  url: string;
  file: string;
  module: string;
  options: Omit<RequestOptions, "signal">;
}

type WorkerOutcome =
  | { ok: true; result: DownloadResult }
  | { ok: false; error: { name: string; message: string; status?: number; statusText?: string; timeoutMs?: number } };

/**
 * Runs in a worker thread (so it must be self-contained): downloads one file and reports
 * the outcome as plain data, so the error's kind survives the trip back.
 */
function downloadInWorker(task: WorkerTask): Promise<WorkerOutcome> {
  const { downloadFile } = require(task.module);
  return downloadFile(task.url, task.file, task.options).then(
    (result: DownloadResult) => ({ ok: true, result }),
    (error: Error & { status?: number; statusText?: string; timeoutMs?: number }) => ({
      ok: false,
      error: { name: error.name, message: error.message, status: error.status, statusText: error.statusText, timeoutMs: error.timeoutMs },
    }),
  );
}

function revive(url: string, error: Extract<WorkerOutcome, { ok: false }>["error"]): Error {
  if (error.name === "HttpError" && error.status) return new HttpError(url, error.status, error.statusText);
  if (error.name === "RequestTimeoutError" && error.timeoutMs) return new RequestTimeoutError(url, error.timeoutMs);
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

/**
 * Downloads the jobs in `options.workers` worker threads, as the course's Python version
 * does with `threading.Thread`. Each thread has its own event loop and downloads one file
 * at a time. The pool is closed at the end; the stop button terminates it.
 */
export async function downloadInThreads(jobs: DownloadJob[], options: ThreadDownloadOptions = {}): Promise<DownloadReport> {
  const opts = plainObject("options", options);
  const workers = positiveInteger("options.workers", opts.workers ?? 4);
  const list = checkJobs(jobs);
  const { signal, ...requestOptions } = requestPolicy(opts);
  const stopOnError = stopOnErrorOf(opts);
  const startedAt = performance.timeOrigin + performance.now();
  const pool = new ThreadPool({ workers });
  const stop = () => void pool.terminate();
  signal?.addEventListener("abort", stop, { once: true });
  try {
    if (signal?.aborted) stop();
    const failures: DownloadReport["failures"] = [];
    const outcomes = await Promise.all(
      list.map(async (job, index) => {
        const outcome = await pool.submit(downloadInWorker, { ...job, module: DOWNLOAD_MODULE, options: requestOptions });
        if (outcome.ok) return outcome.result;
        const error = revive(job.url, outcome.error);
        if (stopOnError) {
          stop();
          throw error;
        }
        failures.push({ index, ...job, error });
        return undefined;
      }),
    );
    return report("threads", workers, startedAt, outcomes, failures);
  } finally {
    signal?.removeEventListener("abort", stop);
    await pool.terminate();
  }
}
