import { positiveInteger } from "../options.js";

/** Splits `items` in chunks of `size` (the last one may be shorter). */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  positiveInteger("options.chunksize", size);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
