// The bytes of a Queue: length-prefixed records in a circular buffer of shared memory.
// Callers hold the queue's mutex; these functions only move bytes.

/** Copies `source` into the ring from `at`, wrapping around the end; gives the position after it. */
export function writeRing(ring: Uint8Array, at: number, source: Uint8Array): number {
  const first = Math.min(source.length, ring.length - at);
  ring.set(source.subarray(0, first), at);
  if (first < source.length) ring.set(source.subarray(first), 0);
  return (at + source.length) % ring.length;
}

/** Copies `length` bytes out of the ring from `at` into ordinary (unshared) memory. */
export function readRing(ring: Uint8Array, at: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const first = Math.min(length, ring.length - at);
  out.set(ring.subarray(at, at + first));
  if (first < length) out.set(ring.subarray(0, length - first), first);
  return out;
}

export const PREFIX = 4;

export function lengthPrefix(length: number): Uint8Array {
  return new Uint8Array([length & 0xff, (length >>> 8) & 0xff, (length >>> 16) & 0xff, (length >>> 24) & 0xff]);
}

export function readLength(ring: Uint8Array, at: number): number {
  const b = readRing(ring, at, PREFIX);
  return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
}
