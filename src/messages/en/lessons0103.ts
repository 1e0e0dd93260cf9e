// The conclusions that lessons 01 to 03 print after a measurement (src/conclusions/lesson01..03.ts), in English.
import type { lessons0103 as fr } from "../fr/lessons0103.js";

const fmt = (x: number, digits = 2) => Number(x).toFixed(digits);

export const lessons0103: typeof fr = {
  cpuLoop: (n, ratio) =>
    n === 1
      ? `On the event loop, with 1 worker, there is nothing to add up: a single CPU task.`
      : ratio >= 0.75 * n
        ? `On the event loop, the ${n} CPU tasks add up: ${fmt(ratio)} times the time of one, since only one runs at a time.`
        : `On the event loop, ${n} CPU tasks took ${fmt(ratio)} times the time of one, less than ${n}: the single task's measurement must have been slowed down (busy machine?). Measure again.`,
  cpuThreadsOneCore: (ratio) =>
    `With a single usable core, only 1 thread worker is measured (${fmt(ratio)} times the time of one): nothing can compute in parallel here. Run the notebook on a machine with several cores to see threads work at the same time.`,
  cpuThreadsParallel: (n, ratio) => `With threads, ${n} workers take ${fmt(ratio)} times the time of one: they work in parallel.`,
  cpuThreadsShared: (n, ratio) =>
    `With threads, ${n} workers take ${fmt(ratio)} times the time of one, almost as long as one after the other: they shared the cores (other programs busy on the machine?). Measure again when the machine is quiet.`,
  ioOverlap: (mode, n, seconds, wait) => `${mode}: ${n} waits of ${fmt(wait)} s took ${fmt(seconds)} s in all, barely more than one: they overlap.`,
  ioSerial: (mode, n, seconds, wait) =>
    `${mode}: ${n} waits of ${fmt(wait)} s took ${fmt(seconds)} s in all, much more than one: they overlapped only in part (costly start-ups or a busy machine).`,
  startGap: (processes, threads) => `For these waits, processes took ${fmt(processes)} s and threads ${fmt(threads)} s: the gap is the price of starting a process.`,
  startNoGap: (processes, threads) => `For these waits, processes (${fmt(processes)} s) and threads (${fmt(threads)} s) took about the same time: the start-up gap does not show here.`,
  plateauOneCore: (mode) => `${mode}: with a single core, the time grows from 2 workers on, as they share that core.`,
  plateau: (mode, cores, flat, after) =>
    `${mode}: from 1 to ${cores} workers, the time stays almost constant (${fmt(flat)} times that of one), since each has its core` +
    (after === null ? "." : after > 1.3 ? `; beyond, it grows (${fmt(after)} times more), as the workers share the cores.` : `; beyond, it barely grew (${fmt(after)} times): the machine may have had more free cores than announced.`),
  noPlateau: (mode, cores, flat) => `${mode}: from 1 to ${cores} workers, the time already grew ${fmt(flat)} times: the workers did not each get a core (busy machine?).`,
  twoThreadsParallel: (ratio) => `Two threads do twice the work in ${fmt(ratio)} times the time of one: they compute in parallel, there is no global lock.`,
  twoThreadsBusy: (ratio, load, cores) =>
    `Two threads do twice the work in ${fmt(ratio)} times the time of one, almost as if one after the other: the machine's load (${fmt(load, 1)} for ${cores} cores) says other programs were busy on the cores. Measure again when the machine is quiet.`,
  twoThreadsOneCore: (ratio) => `Two threads do twice the work in ${fmt(ratio)} times the time of one: with a single core, they can only share it.`,
  startCost: (timeRatio, memoryRatio) =>
    `A process cost ${fmt(timeRatio, 1)} times a thread's start-up time` +
    (memoryRatio === null ? "; the memory the kernel gained during the thread was too small to measure." : `, and ${fmt(memoryRatio, 1)} times the memory it adds.`),
  startCostInverted: (timeRatio) => `Here a process started in ${fmt(timeRatio, 1)} times a thread's time, no more: the measurement was disturbed (busy machine?). Run the cell again.`,
  holdsApart: (holds) => `The ${holds} solid bars never overlap: one thread at a time holds the lock.`,
  holdsOverlap: (pairs) => `${pairs} pairs of solid bars overlap: two threads held the lock at once. That would not be a lock!`,
  lockCost: (ratio) =>
    ratio >= 1.1
      ? `With the lock the count is exact, but the work takes ${fmt(ratio, 1)} times longer: at each increment a thread takes and releases the lock, and the threads wait for each other.`
      : `With the lock the count is exact, and the work took only ${fmt(ratio, 1)} times the time without it: here the threads hardly waited for each other.`,
};
