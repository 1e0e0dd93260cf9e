// Conclusions of lessons 08, 09 and 10 (src/conclusions/lesson08.ts …), in English.
import type { lesson08 as fr08, lesson09 as fr09, lesson10 as fr10 } from "../fr/lessons-io-pools.js";

const f2 = (x: number) => Number(x).toFixed(2);
const f3 = (x: number) => Number(x).toFixed(3);
const pc = (x: number) => `${(100 * Number(x)).toFixed(1)} %`;

export const lesson08: typeof fr08 = {
  threadsNear: (threads, speedup) =>
    `With ${threads} threads, the downloads run ${f2(speedup)} times faster than sequentially: nearly as many as threads, since the waits overlap and starting the threads costs little here.`,
  threadsFar: (threads, speedup, inFlight) =>
    `With ${threads} threads, the downloads run ${f2(speedup)} times faster than sequentially, far from ${threads}: the waits overlap (up to ${inFlight} requests at once), but each thread pays its start-up (a JavaScript engine, its modules) before its first request.`,
  threadsNone: (threads, speedup) =>
    `With ${threads} threads, the downloads are no faster than sequentially (speed-up ${f2(speedup)}): starting the threads cost as much as overlapping the waits saved.`,
  asyncProportional: (from, to, gain, ideal) =>
    `With async, time follows concurrency: from ${from} to ${to} simultaneous downloads it is divided by ${f2(gain)} (at best ${f2(ideal)}).`,
  asyncSublinear: (from, to, gain, ideal) =>
    `With async, from ${from} to ${to} simultaneous downloads, time is only divided by ${f2(gain)} (at best ${f2(ideal)}): each time, the slowest requests (the random part of the latency) hold up the end.`,
  asyncFlat: (from, to, gain) =>
    `With async, from ${from} to ${to} simultaneous downloads, time hardly drops (divided by ${f2(gain)}): something other than waiting for the network limits here (is the machine busy?).`,
  threadsSlower: (n, ratio) =>
    `With ${n} simultaneous downloads, threads take ${f2(ratio)} times the async time: each starts its JavaScript engine before its first request.`,
  threadsLikeAsync: (n, ratio) =>
    `With ${n} simultaneous downloads, threads do nearly as well as async (${f2(ratio)} times its time): here their start-up weighs little against the waits.`,
};

export const lesson09: typeof fr09 = {
  startupCostlier: (what, start, count, work) =>
    `Starting ${what} (${f3(start)} s) costs ${f2(start / work)} times the computation of ${count} numbers (${f3(work)} s): at this size, parallelism would slow the program down.`,
  workCostlier: (what, start, count, work) =>
    `Computing ${count} numbers (${f3(work)} s) takes ${f2(work / start)} times starting ${what} (${f3(start)} s): at this size, parallelism can win.`,
  bestParallel: (version, speedup) => `The fastest version: ${version}, ${f2(speedup)} times faster than the sequential one.`,
  noneFaster: (version, speedup) =>
    `No parallel version clearly beats the sequential one (the best: ${version}, speed-up ${f2(speedup)}): here start-up and copies ate the gain, or other programs held the cores.`,
  noOrphan: (cancelled) => `Leaving the block, no task runs or waits in the pool any more (${cancelled} cancelled): no orphaned task.`,
  orphans: (running, queued) => `After the block, ${running} task(s) still run and ${queued} wait: orphaned tasks that nobody awaits any more.`,
};

export const lesson10: typeof fr10 = {
  barrierWastes: (level, queue) =>
    `Without the barrier, the crawler ends in ${f3(queue)} s instead of ${f3(level)} s (${f2(level / queue)} times faster): it no longer leaves its request slots idle while waiting for a level's slowest page.`,
  barrierCheap: (level, queue) =>
    `Here the crawler without a barrier was not clearly faster (${f3(queue)} s against ${f3(level)} s): when a level's pages arrive at about the same time, the barrier costs little.`,
  amdahlTiny: (serial) => `The fitted serial fraction is ${pc(serial)}: nearly all the computation is shared out, and Amdahl's law hardly limits the speed-up on so few cores.`,
  amdahlLimit: (serial, limit) => `The fitted serial fraction is ${pc(serial)}: even with infinitely many cores, the speed-up would not exceed 1/f = ${f2(limit)}.`,
  serialMatches: (measured) => `It is close to the serial fraction measured directly (${pc(measured)}, the time spent outside the pool): Amdahl's law explains these measurements.`,
  serialLarger: (measured) =>
    `It exceeds the serial fraction measured directly (${pc(measured)}, the time spent outside the pool): the rest comes from starting workers, copies and the machine's other programs, which Amdahl's law counts as serial.`,
  serialSmaller: (measured) => `It is smaller than the serial fraction measured directly (${pc(measured)}): the measurements are noisy (is the machine busy?), run again to compare.`,
};
