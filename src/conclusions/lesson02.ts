// Lesson 02 (history, threads and processes): what the two-thread and start-up measurements say.
import { messages } from "../messages/index.js";

const text = () => messages().lessons0103;

/**
 * Two threads doing one computation each, against one thread doing it once (both measured the
 * same way): parallel under 1.5, else shared cores (the load average says why), or a single core.
 */
export function twoThreads(oneSeconds: number, twoSeconds: number, cores: number, load: number): string {
  const ratio = twoSeconds / oneSeconds;
  if (cores === 1) return text().twoThreadsOneCore(ratio);
  return ratio < 1.5 ? text().twoThreadsParallel(ratio) : text().twoThreadsBusy(ratio, load, cores);
}

/**
 * What a process costs against a thread: start-up times (ms) and the memory each adds (bytes),
 * measured the same way for both. A memory gain too small to measure (under 64 KiB) is said so.
 */
export function startCosts(threadMs: number, processMs: number, threadBytes: number, processBytes: number): string {
  const timeRatio = processMs / threadMs;
  if (timeRatio <= 1) return text().startCostInverted(timeRatio);
  return text().startCost(timeRatio, threadBytes < 64 * 1024 ? null : processBytes / threadBytes);
}
