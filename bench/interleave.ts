// Measuring side by side on a shared, noisy machine: every variant runs once per round, in an
// order that alternates (A B C, then C B A...), after warm-up rounds; we keep every round.
import { summarize } from "../src/index.js";

export interface Variant {
  name: string;
  run(): unknown;
}

export type Rounds = Map<string, number[]>;

/**
 * CPU seconds this process (all its threads, not its children) used per second of each run:
 * how many cores a variant really got. On a shared machine it says when a speed-up was capped.
 */
export const coresUsed: Rounds = new Map();

export async function sideBySide(variants: Variant[], rounds: number, warmup = 1): Promise<Rounds> {
  const seconds: Rounds = new Map(variants.map((v) => [v.name, []]));
  for (const v of variants) coresUsed.set(v.name, []);
  for (let round = -warmup; round < rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      await variant.run();
      const wall = (performance.now() - start) / 1000;
      const used = process.cpuUsage(cpu);
      if (round < 0) continue;
      seconds.get(variant.name)!.push(wall);
      coresUsed.get(variant.name)!.push((used.user + used.system) / 1e6 / wall);
    }
  }
  return seconds;
}

export function median(values: readonly number[]): number {
  return summarize(values).median;
}

/** The median over rounds of `a / b`, measured in the same round: steadier than a ratio of medians. */
export function pairedRatio(rounds: Rounds, a: string, b: string): number {
  const as = rounds.get(a)!;
  const bs = rounds.get(b)!;
  return median(as.map((x, i) => x / bs[i]));
}

/**
 * `b`'s best time over `a`'s: on a shared machine other work only ever adds time, so the fastest
 * run is the closest to a variant's own cost (the advice of Python's timeit).
 */
export function bestRatio(rounds: Rounds, a: string, b: string): number {
  return Math.min(...rounds.get(a)!) / Math.min(...rounds.get(b)!);
}

/** "0.123 s (min 0.120, max 0.140, 5 runs)" */
export function describe(values: readonly number[]): string {
  const s = summarize(values);
  return `${s.median.toFixed(3)} s (min ${s.min.toFixed(3)}, max ${s.max.toFixed(3)}, ${s.n} runs)`;
}
