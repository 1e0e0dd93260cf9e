import { cpuCount } from "../cpu.js";
import { plainObject, positiveInteger } from "../options.js";

export interface PoolOptions {
  /** How many workers run tasks at once. @default cpuCount() */
  workers?: number;
}

export interface MapOptions {
  /** Items sent to a worker in one message; larger chunks cost fewer round trips. @default 1 */
  chunksize?: number;
}

export function poolWorkers(options: unknown): number {
  const opts = plainObject("options", options);
  return positiveInteger("options.workers", opts.workers ?? cpuCount());
}

export function mapChunksize(options: unknown): number {
  const opts = plainObject("options", options);
  return positiveInteger("options.chunksize", opts.chunksize ?? 1);
}
