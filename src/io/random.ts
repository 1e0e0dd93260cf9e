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

/** mulberry32: a small, fast generator of numbers in [0, 1), good enough for simulations. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one named draw: the same seed and key give the same numbers. */
export function drawFor(seed: number, key: string): () => number {
  return generator(hash32(`${seed}:${key}`));
}
