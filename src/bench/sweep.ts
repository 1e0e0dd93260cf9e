import { progress } from "../display/progress.js";
import { isArray, isFunction, plainObject, positiveInteger } from "../options.js";
import type { TimingRow } from "../plot/builders.js";
import { timeit } from "./timeit.js";
import { messages } from "../messages/index.js";

export interface SweepOptions {
  /** What to measure: mode name -> a run with `workers` workers. */
  modes: Record<string, (workers: number) => unknown>;
  /** The worker counts to try, e.g. `workerCounts(8)`. */
  workers: readonly number[];
  /** Fields added to every row, e.g. `{ task: "CPU" }`. @default {} */
  labels?: Record<string, unknown>;
  /** Measured runs per point; the median is kept. @default 1 */
  repeat?: number;
  /** Show a progress bar that fills in place. @default true */
  progress?: boolean;
}

/**
 * Measures every mode at every worker count and returns rows `{ ...labels, mode, workers, seconds }`,
 * ready for `table`, `plots.timeVsWorkers` and `plots.speedup`.
 */
export async function sweep(options: SweepOptions): Promise<TimingRow[]> {
  const opts = plainObject("options", options);
  const modes = plainObject("options.modes", opts.modes);
  isArray("options.workers", opts.workers);
  const workers = opts.workers.map((w, i) => positiveInteger(`options.workers[${i}]`, w));
  for (const [name, run] of Object.entries(modes)) isFunction(`options.modes[${JSON.stringify(name)}]`, run);
  const labels = plainObject("options.labels", opts.labels);
  const repeat = positiveInteger("options.repeat", opts.repeat ?? 1);
  const steps = Object.keys(modes).length * workers.length;
  if (steps === 0) throw new RangeError(messages().bench.emptySweep);

  const bar = opts.progress === false ? null : progress(steps, Object.values(labels).join(" "));
  const rows: TimingRow[] = [];
  for (const [mode, run] of Object.entries(modes) as Array<[string, (w: number) => unknown]>) {
    for (const n of workers) {
      const { seconds } = await timeit(() => run(n), { repeat });
      rows.push({ ...labels, mode, workers: n, seconds });
      bar?.tick();
    }
  }
  return rows;
}

/** 1, 2, …, max: the worker counts of a sweep. */
export function workerCounts(max: number): number[] {
  positiveInteger("max", max);
  return Array.from({ length: max }, (_, i) => i + 1);
}
