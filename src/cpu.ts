import { cpuCountFrom } from "./quota/index.js";

/**
 * How many tasks can truly run at once here: `multiprocessing.cpu_count()`, but within the
 * limits a shared machine sets. It follows the affinity mask, the cgroup CPU quota (a
 * container, a JupyterHub's per-student share) and JupyterHub's `CPU_LIMIT`; the environment
 * variable `CONCURRENCE_CPUS` overrides them all.
 * @example new ThreadPool({ workers: cpuCount() })
 */
export function cpuCount(): number {
  return cpuCountFrom();
}
