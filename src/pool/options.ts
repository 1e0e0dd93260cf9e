import { cpuCount } from "../cpu.js";
import { nonNegativeNumber, optionalSignal, plainObject, positiveInteger, taskTimeout } from "../options.js";
import { DEFAULT_IDLE_TIMEOUT_MS } from "./idle.js";

export interface PoolOptions {
  /** How many workers run tasks at once. @default cpuCount() */
  workers?: number;
  /**
   * The most memory (MB of JavaScript heap) a worker may use; beyond it the worker is stopped
   * and its task fails with a WorkerCrashedError. @default Node's own limit
   * @example new ProcessPool({ workers: 2, maxMemoryMb: 256 })
   */
  maxMemoryMb?: number;
  /**
   * Milliseconds without any task after which the pool's workers exit, giving their threads or
   * processes back; the next task starts them again. `Infinity` keeps them.
   * @default 30000
   * @example new ThreadPool({ workers: 2, idleTimeoutMs: 5000 })
   */
  idleTimeoutMs?: number;
}

export interface TaskOptions {
  /** Milliseconds the task may run; past them it is stopped and rejects with a TaskTimeoutError. @default no limit */
  timeout?: number;
  /** Aborting this signal cancels the task (its promise rejects with a TaskCancelledError). */
  signal?: AbortSignal;
}

export interface MapOptions extends TaskOptions {
  /**
   * Items sent to a worker in one task; larger chunks cost fewer round trips.
   * `timeout` then applies to each chunk. @default 1
   */
  chunksize?: number;
}

export function poolWorkers(options: unknown): number {
  const opts = plainObject("options", options);
  return positiveInteger("options.workers", opts.workers ?? cpuCount());
}

export function poolIdleTimeout(options: unknown): number {
  const value = plainObject("options", options).idleTimeoutMs;
  if (value === undefined) return DEFAULT_IDLE_TIMEOUT_MS;
  return value === Infinity ? Infinity : nonNegativeNumber("options.idleTimeoutMs", value);
}

export function poolMemory(options: unknown): number | undefined {
  const opts = plainObject("options", options);
  return opts.maxMemoryMb === undefined ? undefined : positiveInteger("options.maxMemoryMb", opts.maxMemoryMb);
}

export function taskOptions(options: unknown): { timeout: number; signal: AbortSignal | undefined } {
  const opts = plainObject("options", options);
  return { timeout: taskTimeout("options.timeout", opts.timeout), signal: optionalSignal("options.signal", opts.signal) };
}

export function mapChunksize(options: unknown): number {
  const opts = plainObject("options", options);
  return positiveInteger("options.chunksize", opts.chunksize ?? 1);
}
