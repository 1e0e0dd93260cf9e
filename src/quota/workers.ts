import { WorkerLimitError } from "../errors.js";
import { envCount } from "./cpus.js";
import { messages } from "../messages/index.js";

/** Workers this kernel's open pools, threads and processes hold now. */
let inUse = 0;

/** The ceiling from CONCURRENCE_MAX_WORKERS, read each time so that a cell can change it; Infinity when unset. */
export function maxWorkers(env: NodeJS.ProcessEnv = process.env): number {
  return envCount(env, "CONCURRENCE_MAX_WORKERS", messages().quota.badMaxWorkers) ?? Infinity;
}

/** Workers held now, by every pool, thread and process of this kernel. */
export function workersInUse(): number {
  return inUse;
}

/**
 * Takes `count` workers from the kernel's ceiling before `what` starts them, or throws a
 * WorkerLimitError that says what to do. Gives the function that hands them back (once).
 */
export function reserveWorkers(count: number, what: string): () => void {
  const limit = maxWorkers();
  if (inUse + count > limit) {
    throw new WorkerLimitError(messages().quota.overLimit(what, count, inUse, limit), count, inUse, limit);
  }
  inUse += count;
  let held = true;
  return () => {
    if (held) inUse -= count;
    held = false;
  };
}
