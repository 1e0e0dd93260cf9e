import { messages } from "../messages/index.js";

export interface Summary {
  n: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  stdev: number;
}

/** Summary statistics of measured values (sample standard deviation). */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError(messages().gpu.empty("values"));
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const variance = n > 1 ? sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { n, mean, median, min: sorted[0], max: sorted[n - 1], stdev: Math.sqrt(variance) };
}
