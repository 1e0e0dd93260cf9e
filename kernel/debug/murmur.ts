// The name JupyterLab gives a cell's code, so that its breakpoints and the kernel's frames meet:
// `tmpFilePrefix + murmur2(code, hashSeed) + tmpFileSuffix`. JupyterLab hashes with the
// murmurhash-js package, which reads each UTF-16 code unit's low byte (not UTF-8, as ipykernel
// does): a French cell with accents must hash as JupyterLab hashes it.
import os from "node:os";
import path from "node:path";

const M = 0x5bd1e995;

/** MurmurHash2, 32 bits, as murmurhash-js's `murmur2(str, seed)` computes it. */
export function murmur2(text: string, seed: number): number {
  let length = text.length;
  let h = (seed ^ length) >>> 0;
  let i = 0;
  const byte = (at: number) => text.charCodeAt(at) & 0xff;
  while (length >= 4) {
    let k = byte(i) | (byte(i + 1) << 8) | (byte(i + 2) << 16) | (byte(i + 3) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
    length -= 4;
    i += 4;
  }
  // The last 1 to 3 bytes (murmur2's fall-through switch).
  if (length >= 3) h ^= byte(i + 2) << 16;
  if (length >= 2) h ^= byte(i + 1) << 8;
  if (length >= 1) {
    h ^= byte(i);
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h >>> 0;
}

/** The seed the kernel announces in `debugInfo` (any fixed number: ipykernel's). */
export const HASH_SEED = 0xc70f6907;
export const FILE_SUFFIX = ".ts";

/** Where dumped cells go: one folder per kernel process, readable by its user only. */
export function cellFolder(pid = process.pid): string {
  return path.join(os.tmpdir(), `concurrence_debug_${pid}`);
}

export function filePrefix(): string {
  return cellFolder() + path.sep;
}

/** The file name that JupyterLab expects for a cell holding `code`. */
export function cellPath(code: string): string {
  return `${filePrefix()}${murmur2(code, HASH_SEED)}${FILE_SUFFIX}`;
}
