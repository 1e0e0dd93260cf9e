import { seededRandom } from "../random.js";

/**
 * Seeded randomness for the demo server. A draw depends on (seed, key), not on the order
 * requests arrive in: a sequential and a concurrent run meet the same latencies and faults.
 */

/** A 32-bit FNV-1a hash of `text`. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator for one named draw: the same seed and key give the same numbers. */
export function drawFor(seed: number, key: string): () => number {
  return seededRandom(hash32(`${seed}:${key}`));
}
