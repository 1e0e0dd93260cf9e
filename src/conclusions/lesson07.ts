// Lesson 07: what the event loop's measurements show, each sentence chosen from the measured rows.
import { say } from "../exercises/check.js";

/** One scenario of the timer's lag: a computation of `computeMs`, the ticks that ran during it, the worst lag. */
export interface LagRun {
  scenario: string;
  computeMs: number;
  ticksDuring: number;
  maxLagMs: number;
  /** The timer's period, in ms. */
  tickMs: number;
}

/**
 * Whether the timer was frozen by a computation (no tick during it), slowed (late ticks), or
 * left alone (lags of about a period or less).
 * @example conclusions.timerLag({ scenario: "thread principal", computeMs: 1000, ticksDuring: 0, maxLagMs: 990, tickMs: 10 })
 */
export function timerLag(run: LagRun): string {
  const { scenario, computeMs, ticksDuring, maxLagMs, tickMs } = run;
  const ms = (v: number) => v.toFixed(v < 10 ? 1 : 0);
  if (ticksDuring === 0 && computeMs > 2 * tickMs) {
    return say(
      `${scenario} : aucun tick pendant les ${ms(computeMs)} ms du calcul, puis un tick en retard de ${ms(maxLagMs)} ms : la boucle était bloquée.`,
      `${scenario}: no tick during the ${ms(computeMs)} ms of the computation, then a tick ${ms(maxLagMs)} ms late: the loop was blocked.`);
  }
  if (maxLagMs > 3 * tickMs) {
    return say(
      `${scenario} : ${ticksDuring} ticks pendant le calcul, mais un retard allant jusqu'à ${ms(maxLagMs)} ms : la boucle a été retenue par moments.`,
      `${scenario}: ${ticksDuring} ticks during the computation, but lags of up to ${ms(maxLagMs)} ms: the loop was held at times.`);
  }
  return say(
    `${scenario} : ${ticksDuring} ticks pendant le calcul, retard max ${ms(maxLagMs)} ms, de l'ordre d'une période (${tickMs} ms) : la boucle est restée libre.`,
    `${scenario}: ${ticksDuring} ticks during the computation, worst lag ${ms(maxLagMs)} ms, about one period (${tickMs} ms): the loop stayed free.`);
}

/** The finishing times, in ms from the start, of hashes all started at once on libuv's pool. */
export interface PoolRun {
  /** UV_THREADPOOL_SIZE of the process that ran them. */
  poolSize: number;
  endsMs: readonly number[];
}

/**
 * Groups finishing times into waves: a new wave starts after a gap that is at least half the
 * largest gap and at least `share` of the last finishing time (so that the jitter of a busy
 * machine does not split a wave).
 */
export function waves(endsMs: readonly number[], share = 0.1): number[] {
  const sorted = [...endsMs].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const gaps = sorted.slice(1).map((t, i) => t - sorted[i]);
  const cut = Math.max(0.5 * Math.max(0, ...gaps), share * sorted[sorted.length - 1], 1e-9);
  const sizes = [1];
  for (const gap of gaps) {
    if (gap >= cut) sizes.push(1);
    else sizes[sizes.length - 1]++;
  }
  return sizes;
}

/**
 * Whether N hashes started at once finished in waves of the pool's size, all together, or in no
 * clear pattern.
 * @example conclusions.poolWaves({ poolSize: 4, endsMs: [100, 101, 102, 103, 200, 201, 202, 203] })
 */
export function poolWaves(run: PoolRun): string {
  const { poolSize, endsMs } = run;
  const sizes = waves(endsMs);
  const n = endsMs.length;
  const shown = sizes.join(" + ");
  const full = sizes.slice(0, -1).every((s) => s === poolSize) && sizes[sizes.length - 1] <= poolSize;
  if (sizes.length > 1 && full) {
    return say(
      `UV_THREADPOOL_SIZE = ${poolSize} : les ${n} hachages, lancés ensemble, finissent par vagues (${shown}) : ${poolSize} threads de libuv calculent, les autres hachages attendent dans sa file.`,
      `UV_THREADPOOL_SIZE = ${poolSize}: the ${n} hashes, started together, finish in waves (${shown}): ${poolSize} libuv threads compute, the other hashes wait in its queue.`);
  }
  if (sizes.length === 1 && n <= poolSize) {
    return say(
      `UV_THREADPOOL_SIZE = ${poolSize} : les ${n} hachages finissent ensemble, en une seule vague : chacun a eu son thread de libuv.`,
      `UV_THREADPOOL_SIZE = ${poolSize}: the ${n} hashes finish together, in one wave: each had its own libuv thread.`);
  }
  return say(
    `UV_THREADPOOL_SIZE = ${poolSize} : les ${n} hachages ne forment pas de vagues nettes de ${poolSize} (${shown}) ; la machine, occupée par d'autres programmes, a sans doute brouillé les temps : relancez la cellule.`,
    `UV_THREADPOOL_SIZE = ${poolSize}: the ${n} hashes do not form clear waves of ${poolSize} (${shown}); the machine, busy with other programs, probably blurred the times: run the cell again.`);
}

/** Threads adding 1 to one shared number: plain `vue[0]++` and `Atomics.add`, with their times. */
export interface SharedCounterRun {
  expected: number;
  plain: number;
  atomic: number;
  plainSeconds: number;
  atomicSeconds: number;
}

/**
 * Whether preempted threads lost updates with `vue[0]++`, what `Atomics.add` cost, and that it lost none.
 * @example conclusions.lostUpdates({ expected: 2e6, plain: 1.3e6, atomic: 2e6, plainSeconds: 0.01, atomicSeconds: 0.05 })
 */
export function lostUpdates(run: SharedCounterRun): string {
  const { expected, plain, atomic, plainSeconds, atomicSeconds } = run;
  const cost = atomicSeconds / plainSeconds;
  const price = cost > 1.2
    ? say(`Atomics.add a coûté ${cost.toFixed(1)} fois plus de temps`, `Atomics.add took ${cost.toFixed(1)} times longer`)
    : say(`Atomics.add n'a pas coûté plus cher ici (${atomicSeconds.toFixed(3)} s contre ${plainSeconds.toFixed(3)} s)`, `Atomics.add cost no more here (${atomicSeconds.toFixed(3)} s against ${plainSeconds.toFixed(3)} s)`);
  if (atomic !== expected) {
    return say(
      `Attention : avec Atomics.add, le total est ${atomic} au lieu de ${expected}, ce qui est impossible si chaque incrément est atomique : chaque thread a-t-il bien fait son compte ?`,
      `Beware: with Atomics.add the total is ${atomic} instead of ${expected}, which is impossible if each increment is atomic: did each thread do its count?`);
  }
  if (plain < expected) {
    const lost = expected - plain;
    return say(
      `Avec vue[0]++, ${lost} mises à jour sur ${expected} ont été perdues (${((100 * lost) / expected).toFixed(1)} %) : deux threads ont lu la même valeur, et l'une des deux écritures a écrasé l'autre. Avec Atomics.add, aucune ; ${price}.`,
      `With vue[0]++, ${lost} updates out of ${expected} were lost (${((100 * lost) / expected).toFixed(1)} %): two threads read the same value, and one write overwrote the other. With Atomics.add, none; ${price}.`);
  }
  return say(
    `Cette fois, vue[0]++ n'a perdu aucune mise à jour : les threads ne se sont sans doute pas chevauchés (un seul cœur libre ?). Ce n'est pas une preuve de sûreté : relancez, ou augmentez le nombre d'incréments. Avec Atomics.add, aucune non plus ; ${price}.`,
    `This time vue[0]++ lost no update: the threads probably did not overlap (a single free core?). That is no proof of safety: run again, or raise the number of increments. With Atomics.add, none either; ${price}.`);
}

/**
 * What a larger pool changed for the same hashes: the last one finished sooner (free cores), or
 * not (the cores were already busy), and when the first one finished.
 * @example conclusions.poolSizes({ poolSize: 4, endsMs: [500, 700, 1100, 1400] }, { poolSize: 8, endsMs: [1300, 1400] }, 2)
 */
export function poolSizes(small: PoolRun, large: PoolRun, cores: number): string {
  const last = (r: PoolRun) => Math.max(...r.endsMs);
  const first = (r: PoolRun) => Math.min(...r.endsMs);
  const ratio = last(small) / last(large);
  const s = `${small.poolSize}`;
  const l = `${large.poolSize}`;
  const firsts = say(
    `le premier hachage a fini à ${first(small).toFixed(0)} ms avec ${s} threads, à ${first(large).toFixed(0)} ms avec ${l}`,
    `the first hash finished at ${first(small).toFixed(0)} ms with ${s} threads, at ${first(large).toFixed(0)} ms with ${l}`);
  if (ratio > 1.25) {
    return say(
      `Avec ${l} threads au lieu de ${s}, le dernier hachage a fini ${ratio.toFixed(1)} fois plus tôt : des cœurs restaient libres (${cores} ici) ; ${firsts}.`,
      `With ${l} threads instead of ${s}, the last hash finished ${ratio.toFixed(1)} times sooner: cores were free (${cores} here); ${firsts}.`);
  }
  return say(
    `Avec ${l} threads au lieu de ${s}, le dernier hachage n'a pas fini plus tôt (${last(large).toFixed(0)} ms contre ${last(small).toFixed(0)} ms) : ${cores} cœurs calculent, quel que soit le nombre de threads qui se les partagent ; ${firsts}.`,
    `With ${l} threads instead of ${s}, the last hash did not finish sooner (${last(large).toFixed(0)} ms against ${last(small).toFixed(0)} ms): ${cores} cores compute, however many threads share them; ${firsts}.`);
}
