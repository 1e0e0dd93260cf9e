// Checkers of notebook 09: a pool used for real, judged by what its workers gave back, its own
// statistics and a trace of when its tasks ran.
import { trace } from "../trace/index.js";
import type { TraceEvent } from "../trace/event.js";
import { ThreadPool } from "../threads/index.js";
import { draw, expect, say, sleep, verdict } from "./check.js";
import { EvidencePool } from "./evidence-pool.js";

function primeFactors(n: number): number[] {
  const factors: number[] = [];
  for (let d = 2; d * d <= n; d++) {
    while (n % d === 0) {
      factors.push(d);
      n /= d;
    }
  }
  if (n > 1) factors.push(n);
  return factors;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const numbersToFactor = (count: number, min: number, max: number) => Array.from({ length: count }, () => draw(min, max));

/** Waits until the pool has nothing running or queued (a map that was not awaited goes on), at most `ms`. */
async function drained(pool: ThreadPool, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const s = pool.stats();
    if (s.running + s.queued === 0 && s.completed + s.failed + s.cancelled === s.submitted) return;
    await sleep(5);
  }
}

/** Per group of consecutive tasks (one map each): when its first task was submitted and its last one ended, in seconds. */
function spans(events: readonly TraceEvent[], groups: number[]): Array<{ from: number; to: number }> {
  const queued = new Map<number, number>();
  const ended = new Map<number, number>();
  for (const e of events) {
    if (e.id === undefined) continue;
    if (e.kind === "queued") queued.set(e.id, e.start);
    if (e.kind === "task") ended.set(e.id, e.end);
  }
  const ids = [...queued.keys()].sort((a, b) => a - b);
  const out = [];
  let at = 0;
  for (const size of groups) {
    const mine = ids.slice(at, at + size);
    at += size;
    out.push({ from: Math.min(...mine.map((id) => queued.get(id)!)) / 1000, to: Math.max(...mine.map((id) => ended.get(id) ?? queued.get(id)!)) / 1000 });
  }
  return out;
}

/** Exercise: `fn(pool, numbers, chunksizes)` times `pool.map` over the numbers once per chunksize, in seconds. */
export function chunksizeSweep(
  fn: (pool: ThreadPool, numbers: number[], chunksizes: number[]) => Promise<Array<{ chunksize: number; seconds: number }>>,
): Promise<void> {
  const pool = new ThreadPool({ workers: 2 });
  return verdict(
    async () => {
      await pool.map((x: number) => x, [1, 2], { chunksize: 1 }); // the workers start before the timings
      const before = pool.stats().submitted;
      const numbers = numbersToFactor(draw(300, 450), 1e11, 1e12);
      const chunksizes = [1, draw(5, 20), draw(60, 150)];
      const recording = trace();
      let rows: Array<{ chunksize: number; seconds: number }>;
      try {
        rows = await fn(pool, numbers, chunksizes);
        await drained(pool, 20_000);
      } finally {
        recording.stop();
      }
      const submitted = pool.stats().submitted - before;
      expect(Array.isArray(rows) && rows.length === chunksizes.length, say(
        `pour les chunksize ${chunksizes.join(", ")}, la fonction a renvoyé ${Array.isArray(rows) ? `${rows.length} ligne(s)` : JSON.stringify(rows)} : une ligne { chunksize, seconds } par taille.`,
        `for chunksizes ${chunksizes.join(", ")}, the function returned ${Array.isArray(rows) ? `${rows.length} row(s)` : JSON.stringify(rows)}: one row { chunksize, seconds } per size.`));
      expect(rows.every((r, i) => r?.chunksize === chunksizes[i] && typeof r.seconds === "number" && Number.isFinite(r.seconds) && r.seconds > 0), say(
        `${JSON.stringify(rows)} : chaque ligne donne sa chunksize, dans l'ordre, et une durée positive en secondes.`,
        `${JSON.stringify(rows)}: each row gives its chunksize, in order, and a positive duration in seconds.`));
      const groups = chunksizes.map((c) => Math.ceil(numbers.length / c));
      const chunks = groups.reduce((s, n) => s + n, 0);
      expect(submitted === chunks, say(
        `le pool a reçu ${submitted} tâches ; pool.map(f, nombres, { chunksize }) en fait ${chunks} pour ces tailles : un pool.map par taille, avec cette chunksize.`,
        `the pool received ${submitted} tasks; pool.map(f, numbers, { chunksize }) makes ${chunks} for these sizes: one pool.map per size, with that chunksize.`));
      const ran = spans(recording.events, groups);
      const overlap = ran.findIndex((r, i) => i > 0 && r.from < ran[i - 1].to - 0.001);
      expect(overlap < 0, say(
        `le pool.map de chunksize ${chunksizes[overlap]} a commencé avant la fin de celui de chunksize ${chunksizes[overlap - 1]} : les mesures se chevauchent. Attendez (await) chaque pool.map avant de lancer le suivant.`,
        `the pool.map with chunksize ${chunksizes[overlap]} began before the one with chunksize ${chunksizes[overlap - 1]} ended: the timings overlap. Await each pool.map before starting the next.`));
      for (const [i, r] of rows.entries()) {
        const span = ran[i].to - ran[i].from;
        const ratio = r.seconds / span;
        expect(!(ratio > 200 && ratio < 5000), say(
          `chunksize ${r.chunksize} : vous donnez ${r.seconds}, le pool a travaillé ${span.toFixed(3)} s : c'est un temps en millisecondes. performance.now() compte en millisecondes : divisez par 1000.`,
          `chunksize ${r.chunksize}: you give ${r.seconds}, the pool worked ${span.toFixed(3)} s: that is a time in milliseconds. performance.now() counts milliseconds: divide by 1000.`));
        expect(r.seconds >= 0.97 * span - 0.002, say(
          `chunksize ${r.chunksize} : vous mesurez ${r.seconds.toFixed(4)} s, mais les tâches du pool ont duré ${span.toFixed(3)} s : prenez le temps de fin après avoir attendu (await) pool.map, pas avant.`,
          `chunksize ${r.chunksize}: you measure ${r.seconds.toFixed(4)} s, but the pool's tasks took ${span.toFixed(3)} s: take the end time after awaiting pool.map, not before.`));
        expect(r.seconds <= 1.2 * span + 0.06, say(
          `chunksize ${r.chunksize} : vous donnez ${r.seconds.toFixed(3)} s, mais les tâches du pool ont duré ${span.toFixed(3)} s : mesurez ce pool.map lui-même, performance.now() juste avant et juste après, sans temps écrit d'avance ni autre travail dans la mesure.`,
          `chunksize ${r.chunksize}: you give ${r.seconds.toFixed(3)} s, but the pool's tasks took ${span.toFixed(3)} s: time this pool.map itself, performance.now() just before and just after, with no time written in advance and no other work inside.`));
      }
      const fastest = rows.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      return say(
        `${chunks} paquets envoyés au pool pour ${numbers.length} nombres, chaque mesure conforme à la trace du pool ; le plus rapide ici : chunksize ${fastest.chunksize} (${fastest.seconds.toFixed(3)} s).`,
        `${chunks} chunks sent to the pool for ${numbers.length} numbers, each timing in line with the pool's trace; the fastest here: chunksize ${fastest.chunksize} (${fastest.seconds.toFixed(3)} s).`);
    },
    { cleanup: () => pool.terminate(), timeoutMs: 40_000 },
  );
}

/** Exercise: `fn(pool, numbers)` factorises the numbers on the pool, in order. */
export function poolFactorise(fn: (pool: ThreadPool, numbers: number[]) => Promise<number[][]>): Promise<void> {
  const pool = new EvidencePool({ workers: 2 });
  return verdict(
    async () => {
      const numbers = numbersToFactor(draw(200, 400), 10_000, 5_000_000);
      const factors = await fn(pool, numbers);
      expect(Array.isArray(factors) && factors.length === numbers.length, say(
        `pour ${numbers.length} nombres, la fonction a renvoyé ${Array.isArray(factors) ? factors.length : JSON.stringify(factors)} résultats : un tableau de facteurs par nombre.`,
        `for ${numbers.length} numbers, the function returned ${Array.isArray(factors) ? factors.length : JSON.stringify(factors)} results: one array of factors per number.`));
      const wrong = numbers.findIndex((n, i) => !same(factors[i], primeFactors(n)));
      expect(wrong < 0, say(
        `${numbers[wrong]} a pour facteurs ${JSON.stringify(primeFactors(numbers[wrong]))}, vous donnez ${JSON.stringify(factors[wrong])} (position ${wrong}) : gardez l'ordre des nombres.`,
        `${numbers[wrong]} has factors ${JSON.stringify(primeFactors(numbers[wrong]))}, you give ${JSON.stringify(factors[wrong])} (position ${wrong}): keep the numbers' order.`));
      const inKernel = factors.filter((f) => !pool.fromWorkers.has(f)).length;
      expect(inKernel === 0, say(
        `les facteurs sont justes, mais ${inKernel} des ${numbers.length} résultats ne viennent pas du pool : ils ont été calculés dans le noyau. Donnez tous les nombres au pool, et renvoyez ce qu'il renvoie.`,
        `the factors are right, but ${inKernel} of the ${numbers.length} results did not come from the pool: they were computed in the kernel. Give every number to the pool, and return what it returns.`));
      const stats = pool.stats();
      const workers = stats.perWorker.filter((w) => w.tasks > 0).length;
      return say(`${numbers.length} nombres factorisés justes, tous par le pool : ${stats.completed} tâche(s) sur ${workers} worker(s).`, `${numbers.length} numbers rightly factorised, all by the pool: ${stats.completed} task(s) on ${workers} worker(s).`);
    },
    { cleanup: () => pool.terminate(), timeoutMs: 30_000 },
  );
}

/**
 * Primes whose factorisation by trial division takes a while (√p divisions: about 1.7·10⁷ to 6.3·10⁷).
 * The first, submitted first, needs twice the divisions of any other: a task beside it always ends
 * first (two primes near 4·10¹⁵ would tie, and awaiting the first submitted would then pass half the time).
 */
export const SLOW_PRIMES = [3999999999999989, 999999999999989, 999999999999947, 999999999999883, 299999999999989, 299999999999983];

/** The first of a set of tasks to finish: `{ nombre, facteurs }`, as the student's function gives it. */
export interface FirstResult {
  nombre: number;
  facteurs: number[];
}

/**
 * Exercise: `fn(pool, numbers)` submits one task per number, gives back the first one to finish
 * (`{ nombre, facteurs }`) and cancels the others before it returns: no orphaned task.
 */
export function firstResult(fn: (pool: ThreadPool, numbers: number[]) => Promise<FirstResult>): Promise<void> {
  const pool = new EvidencePool({ workers: 2 });
  return verdict(
    async () => {
      await pool.map((x: number) => x, [1, 2]); // the workers start before the race
      const base = pool.stats();
      const finishedBefore = pool.finished.length;
      const shuffled = SLOW_PRIMES.slice(1).sort(() => Math.random() - 0.5).slice(0, draw(4, 5));
      const numbers = [SLOW_PRIMES[0], ...shuffled]; // the first submitted is the slowest
      const began = performance.now();
      const result = await fn(pool, numbers);
      const seconds = (performance.now() - began) / 1000;
      await sleep(60); // a cancelled task ends within milliseconds; one left running goes on for long
      const s = pool.stats();
      const delta = { submitted: s.submitted - base.submitted, completed: s.completed - base.completed, cancelled: s.cancelled - base.cancelled };
      // Neither finished nor cancelled: still running or waiting (the engine's queue count may lag a cancel).
      const unsettled = s.submitted - s.completed - s.failed - s.cancelled;
      const running = Math.min(s.running, unsettled);
      const finished = pool.finished.slice(finishedBefore);
      expect(delta.submitted > 0, say(
        `le pool n'a reçu aucune tâche : lancez une tâche par nombre, avec pool.submit(calculatePrimeFactors, n).`,
        `the pool received no task: start one task per number, with pool.submit(calculatePrimeFactors, n).`));
      expect(finished.length > 0 || unsettled > 0 || delta.cancelled > 0, say(
        `le pool a reçu ${delta.submitted} tâche(s), mais par pool.map, qui attend tous les nombres : lancez une tâche par nombre (pool.submit), pour avoir chaque résultat dès qu'il est prêt.`,
        `the pool received ${delta.submitted} task(s), but through pool.map, which waits for every number: start one task per number (pool.submit), to get each result as soon as it is ready.`));
      expect(result !== null && typeof result === "object" && typeof result.nombre === "number" && Array.isArray(result.facteurs), say(
        `la fonction a renvoyé ${JSON.stringify(result)} : renvoyez { nombre, facteurs }, le nombre de la première tâche finie et ses facteurs.`,
        `the function returned ${JSON.stringify(result)}: return { nombre, facteurs }, the number of the first finished task and its factors.`));
      expect(numbers.includes(result.nombre) && same(result.facteurs, primeFactors(result.nombre)), say(
        `${result.nombre} n'a pas pour facteurs ${JSON.stringify(result.facteurs)} : renvoyez le nombre de la tâche avec le résultat de cette même tâche.`,
        `${result.nombre} does not have factors ${JSON.stringify(result.facteurs)}: return the task's number with that same task's result.`));
      expect(pool.fromWorkers.has(result.facteurs), say(
        `les facteurs de ${result.nombre} ne viennent pas du pool : ils ont été calculés dans le noyau. Renvoyez le résultat de la tâche.`,
        `the factors of ${result.nombre} did not come from the pool: they were computed in the kernel. Return the task's result.`));
      expect(finished[0] === result.facteurs, say(
        `${result.nombre} n'est pas la première tâche finie${finished.length ? ` (la première : ${(finished[0] as number[]).join(" × ")})` : ""} : prenez la première qui finit (Promise.race sur les tâches, ou pool.asCompleted(taches)), au lieu de les attendre dans l'ordre où vous les avez lancées.`,
        `${result.nombre} is not the first task to finish${finished.length ? ` (the first: ${(finished[0] as number[]).join(" × ")})` : ""}: take the first one to finish (Promise.race over the tasks, or pool.asCompleted(tasks)), instead of awaiting them in the order you started them.`));
      expect(unsettled === 0, say(
        `votre fonction a rendu la main, mais ${running} tâche(s) tournent encore et ${unsettled - running} attendent dans le pool : des tâches orphelines, que plus personne n'attend. Annulez-les avant de renvoyer le résultat (un AbortController : { signal } pour chaque tâche, puis abort()).`,
        `your function returned, but ${running} task(s) still run and ${unsettled - running} wait in the pool: orphaned tasks nobody awaits. Cancel them before returning the result (an AbortController: { signal } for each task, then abort()).`));
      expect(delta.cancelled > 0, say(
        `les ${delta.completed} tâches sont toutes allées au bout (${seconds.toFixed(2)} s) : vous avez attendu toutes les tâches alors que la première suffisait. Dès le premier résultat, annulez les autres.`,
        `all ${delta.completed} tasks ran to the end (${seconds.toFixed(2)} s): you waited for every task when the first was enough. As soon as the first result comes, cancel the others.`));
      return say(
        `${result.nombre} est premier, et sa tâche a fini la première (en ${seconds.toFixed(2)} s) ; ${delta.cancelled} tâche(s) annulée(s), aucune orpheline selon les statistiques du pool.`,
        `${result.nombre} is prime, and its task finished first (in ${seconds.toFixed(2)} s); ${delta.cancelled} task(s) cancelled, none orphaned according to the pool's statistics.`);
    },
    { cleanup: () => pool.terminate(), timeoutMs: 30_000 },
  );
}
