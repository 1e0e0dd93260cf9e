// Lesson 08 (downloading images): what the measured times say about threads and async.
import { messages } from "../messages/index.js";

/** One download run of lesson 08: the sequential baseline against one thread per image. */
export interface ThreadsRun {
  sequentialSeconds: number;
  threadsSeconds: number;
  threads: number;
  /** Requests the server served at the same time, at most, during the threads' run. */
  maxInFlight: number;
}

/** How the threads' speed-up compares with their number (08, after one thread per image). */
export function threadsGain(run: ThreadsRun): string {
  const m = messages().lesson08;
  const speedup = run.sequentialSeconds / run.threadsSeconds;
  if (speedup >= 0.7 * run.threads) return m.threadsNear(run.threads, speedup);
  if (speedup > 1.2) return m.threadsFar(run.threads, speedup, run.maxInFlight);
  return m.threadsNone(run.threads, speedup);
}

/** A row of lesson 08's sweep: a mode, a number of simultaneous downloads, seconds. */
export interface DownloadRow {
  mode: string;
  workers: number;
  seconds: number;
}

/**
 * How the async time follows the concurrency (from the fewest to the most simultaneous
 * downloads, the ideal gain capped by the number of images), then how threads compare with
 * async at the most simultaneous downloads. Two sentences, one per line.
 */
export function downloadScaling(rows: readonly DownloadRow[], options: { async: string; threads: string; images: number }): string {
  const m = messages().lesson08;
  const of = (mode: string) => rows.filter((r) => r.mode === mode).sort((a, b) => a.workers - b.workers);
  const asyncRows = of(options.async);
  if (asyncRows.length < 2) throw new RangeError(`downloadScaling needs at least two rows of mode "${options.async}"`);
  const first = asyncRows[0];
  const last = asyncRows[asyncRows.length - 1];
  const gain = first.seconds / last.seconds;
  const ideal = Math.min(last.workers, options.images) / Math.min(first.workers, options.images);
  const efficiency = ideal > 1 ? Math.log(Math.max(gain, 1e-9)) / Math.log(ideal) : 1;
  const scaling =
    efficiency >= 0.7
      ? m.asyncProportional(first.workers, last.workers, gain, ideal)
      : efficiency >= 0.25
        ? m.asyncSublinear(first.workers, last.workers, gain, ideal)
        : m.asyncFlat(first.workers, last.workers, gain);
  const threads = of(options.threads).find((r) => r.workers === last.workers);
  if (!threads) return scaling;
  const ratio = threads.seconds / last.seconds;
  return `${scaling}\n${ratio > 1.2 ? m.threadsSlower(last.workers, ratio) : m.threadsLikeAsync(last.workers, ratio)}`;
}
