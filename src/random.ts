import { messages } from "./messages/index.js";

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same numbers, so a
 * notebook re-run draws the same matrices and the same simulated sensors.
 * @example const random = seededRandom(42); random(); // a number in [0, 1)
 */
export function seededRandom(seed: number): () => number {
  if (typeof seed !== "number" || !Number.isInteger(seed)) {
    throw new TypeError(messages().options.seed(`\`${String(seed)}\` (${typeof seed})`));
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
