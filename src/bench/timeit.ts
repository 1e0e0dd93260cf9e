import { isFunction, positiveInteger, nonNegativeNumber, plainObject } from "../options.js";
import { summarize, type Summary } from "./stats.js";

export interface TimeitOptions {
  /** Measured runs; `seconds` is their median. @default 1 */
  repeat?: number;
  /** Unmeasured runs first, to warm caches and JIT. @default 0 */
  warmup?: number;
}

export interface Timing extends Summary {
  /** The median of the measured runs, in seconds. */
  seconds: number;
  runs: number[];
}

/** Runs `fn` (sync or async) and measures its wall-clock time, in seconds. */
export async function timeit(fn: () => unknown, options: TimeitOptions = {}): Promise<Timing> {
  isFunction("fn", fn);
  const opts = plainObject("options", options);
  const repeat = positiveInteger("options.repeat", opts.repeat ?? 1);
  const warmup = nonNegativeNumber("options.warmup", opts.warmup ?? 0);
  for (let i = 0; i < warmup; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    runs.push((performance.now() - start) / 1000);
  }
  const summary = summarize(runs);
  return { ...summary, seconds: summary.median, runs };
}
