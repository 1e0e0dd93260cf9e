// Lesson 01 (threads and processes): what the CPU and I/O sweeps say, chosen from the measured rows.
import type { TimingRow } from "../plot/builders.js";
import { messages } from "../messages/index.js";

const text = () => messages().lessons0103;

/** The time of `mode` at `workers` (for `task`, when rows carry one); throws if it was not measured. */
export function secondsAt(rows: readonly TimingRow[], mode: string, workers: number, task?: string): number {
  const row = rows.find((r) => r.mode === mode && r.workers === workers && (task === undefined || r.task === task));
  if (!row) throw new RangeError(`no row for mode ${JSON.stringify(mode)}, ${workers} workers${task ? `, task ${JSON.stringify(task)}` : ""}`);
  return row.seconds;
}

/** CPU work on the event loop: n tasks add up, one after the other. */
export function cpuOnEventLoop(rows: readonly TimingRow[], n: number, mode = "boucle d'événements", task = "CPU"): string {
  return text().cpuLoop(n, secondsAt(rows, mode, n, task) / secondsAt(rows, mode, 1, task));
}

/** CPU work in n threads, n the usable cores: parallel, shared cores, or one core only. */
export function cpuInThreads(rows: readonly TimingRow[], n: number, mode = "threads", task = "CPU"): string {
  const ratio = secondsAt(rows, mode, n, task) / secondsAt(rows, mode, 1, task);
  if (n === 1) return text().cpuThreadsOneCore(ratio);
  return ratio < (1 + n) / 2 ? text().cpuThreadsParallel(n, ratio) : text().cpuThreadsShared(n, ratio);
}

/** n waits of `wait` seconds in one mode: overlapping (under twice one wait) or not. */
export function ioWaits(rows: readonly TimingRow[], mode: string, n: number, wait: number, task = "E/S"): string {
  const seconds = secondsAt(rows, mode, n, task);
  return seconds < 2 * wait ? text().ioOverlap(mode, n, seconds, wait) : text().ioSerial(mode, n, seconds, wait);
}

/** The start-up price of processes over threads for the same waits: visible past 20 %, or not. */
export function processStartGap(rows: readonly TimingRow[], n: number, task = "E/S"): string {
  const processes = secondsAt(rows, "processus", n, task);
  const threads = secondsAt(rows, "threads", n, task);
  return processes > 1.2 * threads ? text().startGap(processes, threads) : text().startNoGap(processes, threads);
}

/** CPU time in one mode from 1 to `cores` workers (flat within 35 %?), then beyond up to `max`. */
export function cpuPlateau(rows: readonly TimingRow[], mode: string, cores: number, max: number, task = "CPU"): string {
  if (cores === 1) return text().plateauOneCore(mode);
  const flat = secondsAt(rows, mode, cores, task) / secondsAt(rows, mode, 1, task);
  if (flat > 1.35) return text().noPlateau(mode, cores, flat);
  const after = max > cores ? secondsAt(rows, mode, max, task) / secondsAt(rows, mode, cores, task) : null;
  return text().plateau(mode, cores, flat, after);
}
