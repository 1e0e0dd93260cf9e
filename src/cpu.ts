import os from "node:os";

/** How many tasks can truly run at once here: `multiprocessing.cpu_count()`. */
export function cpuCount(): number {
  return os.availableParallelism();
}
