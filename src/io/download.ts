import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { describe, isArray, nonEmptyString, plainObject, positiveInteger } from "../options.js";
import { mapLimit, maxOverlap } from "./limit.js";
import { cancellable, httpUrl, request, requestPolicy, type RequestOptions, type RequestPolicy } from "./request.js";
import { messages } from "../messages/index.js";

/** One file to download: `url` is saved as `file` (relative to the notebook's folder). */
export interface DownloadJob {
  url: string;
  file: string;
}

export interface DownloadResult {
  url: string;
  /** The absolute path of the file written. */
  file: string;
  bytes: number;
  status: number;
  contentType: string;
  /** 1, plus the retries it took. */
  attempts: number;
  seconds: number;
  /** When it started and ended, in milliseconds since the epoch (comparable across threads). */
  startedAt: number;
  endedAt: number;
}

export interface BatchOptions extends RequestOptions {
  /**
   * `true`: the first failure cancels the other downloads and rejects with its error.
   * `false`: every download is tried; failures are listed in the report.
   * @default true
   */
  stopOnError?: boolean;
}

export interface ConcurrentOptions extends BatchOptions {
  /** Downloads in flight at once, on the event loop. @default 4 */
  concurrency?: number;
}

/** A download, timed from the start of its batch, in seconds: rows for `table` and `plots.timeline`. */
export type TimedDownload = DownloadResult & { index: number; start: number; end: number };

export interface DownloadReport {
  mode: "sequential" | "concurrent" | "threads";
  /** 1, the concurrency limit, or the number of threads. */
  concurrency: number;
  /** The files written, in the order of the jobs. */
  files: string[];
  results: TimedDownload[];
  failures: Array<{ index: number; url: string; file: string; error: Error }>;
  /** Wall-clock time of the whole batch. */
  seconds: number;
  /** The most downloads that were in progress at the same instant. */
  maxInFlight: number;
  bytes: number;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * Downloads `url` into `file`, like Python's `urllib.request.urlretrieve`: the body streams
 * into a temporary file beside it, renamed at the end, so `file` is never half-written.
 * Missing folders are created. Rejects with an HttpError for a 4xx/5xx answer and a
 * RequestTimeoutError after `options.timeoutMs`.
 *
 * @example
 * await downloadFile(server.imageUrl(), "temp/image-0.png");
 */
export async function downloadFile(url: string, file: string, options: RequestOptions = {}): Promise<DownloadResult> {
  httpUrl("url", url);
  nonEmptyString("file", file);
  const policy = requestPolicy(options);
  return cancellable(policy.signal, (signal) => fetchToFile(url, path.resolve(file), { ...policy, signal }));
}

async function fetchToFile(url: string, file: string, policy: RequestPolicy): Promise<DownloadResult> {
  const startedAt = now();
  await mkdir(path.dirname(file), { recursive: true });
  const { value, status, attempts } = await request(url, policy, async (response) => {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.part`);
    try {
      await pipeline(response.body, createWriteStream(temporary));
      const { size } = await stat(temporary);
      await rename(temporary, file);
      return { bytes: size, contentType: response.headers.get("content-type") ?? "" };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  });
  const endedAt = now();
  return { url, file, ...value, status, attempts, seconds: (endedAt - startedAt) / 1000, startedAt, endedAt };
}

/** Checks the jobs: each a `{ url, file }`, no two writing the same file. Gives absolute paths. */
export function checkJobs(jobs: unknown): DownloadJob[] {
  isArray("jobs", jobs);
  const seen = new Map<string, number>();
  return jobs.map((job, i) => {
    const { url, file } = plainObject(`jobs[${i}]`, job ?? null);
    httpUrl(`jobs[${i}].url`, url);
    const absolute = path.resolve(nonEmptyString(`jobs[${i}].file`, file));
    const before = seen.get(absolute);
    if (before !== undefined) {
      throw new RangeError(messages().io.sameFile(i, before, absolute));
    }
    seen.set(absolute, i);
    return { url: url as string, file: absolute };
  });
}

/** Downloads the jobs one after the other: the baseline. */
export function downloadSequential(jobs: DownloadJob[], options: BatchOptions = {}): Promise<DownloadReport> {
  return runBatch("sequential", jobs, options, () => 1);
}

/**
 * Downloads the jobs with at most `options.concurrency` in flight at once, all on the
 * event loop of one thread: while one request waits for the network, the others proceed.
 */
export function downloadConcurrent(jobs: DownloadJob[], options: ConcurrentOptions = {}): Promise<DownloadReport> {
  return runBatch("concurrent", jobs, options, (opts) => positiveInteger("options.concurrency", opts.concurrency ?? 4));
}

async function runBatch(
  mode: "sequential" | "concurrent",
  jobs: DownloadJob[],
  options: unknown,
  concurrencyOf: (opts: Record<string, unknown>) => number,
): Promise<DownloadReport> {
  const opts = plainObject("options", options);
  const concurrency = concurrencyOf(opts);
  const list = checkJobs(jobs);
  const policy = requestPolicy(opts);
  const stopOnError = stopOnErrorOf(opts);
  const startedAt = now();
  return cancellable(policy.signal, async (signal) => {
    const stop = new AbortController();
    const batchPolicy = { ...policy, signal: AbortSignal.any([signal, stop.signal]) };
    const failures: DownloadReport["failures"] = [];
    const outcomes = await mapLimit(
      list,
      concurrency,
      async (job, index) => {
        try {
          return await fetchToFile(job.url, job.file, batchPolicy);
        } catch (error) {
          if (stopOnError || signal.aborted) throw error;
          failures.push({ index, ...job, error: error as Error });
          return undefined;
        }
      },
      (error) => stop.abort(error),
    );
    return report(mode, concurrency, startedAt, outcomes, failures);
  });
}

/** Puts a batch's outcomes (undefined where it failed) into a report, timed from `startedAt`. */
export function report(
  mode: DownloadReport["mode"],
  concurrency: number,
  startedAt: number,
  outcomes: Array<DownloadResult | undefined>,
  failures: DownloadReport["failures"],
): DownloadReport {
  const results = outcomes.flatMap((r, index) =>
    r ? [{ ...r, index, start: (r.startedAt - startedAt) / 1000, end: (r.endedAt - startedAt) / 1000 }] : [],
  );
  return {
    mode,
    concurrency,
    files: results.map((r) => r.file),
    results,
    failures: failures.sort((a, b) => a.index - b.index),
    seconds: (now() - startedAt) / 1000,
    maxInFlight: maxOverlap(results),
    bytes: results.reduce((sum, r) => sum + r.bytes, 0),
  };
}

export function stopOnErrorOf(opts: Record<string, unknown>): boolean {
  const value = opts.stopOnError ?? true;
  if (typeof value !== "boolean") throw new TypeError(messages().options.boolean("options.stopOnError", describe(value)));
  return value;
}
