// Checkers of notebook 09: a pool used for real, counted by its own statistics.
import { ThreadPool } from "../threads/index.js";
import { draw, expect, say, verdict } from "./check.js";

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

const numbersToFactor = (count: number) => Array.from({ length: count }, () => draw(10_000, 5_000_000));

/** Exercise: `fn(pool, numbers, chunksizes)` times `pool.map` over the numbers once per chunksize. */
export function chunksizeSweep(
  fn: (pool: ThreadPool, numbers: number[], chunksizes: number[]) => Promise<Array<{ chunksize: number; seconds: number }>>,
): Promise<void> {
  const pool = new ThreadPool({ workers: 2 });
  return verdict(
    async () => {
      const numbers = numbersToFactor(draw(300, 600));
      const chunksizes = [1, draw(5, 20), draw(50, 150)];
      const rows = await fn(pool, numbers, chunksizes);
      const stats = pool.stats();
      expect(Array.isArray(rows) && rows.length === chunksizes.length, say(
        `pour les chunksize ${chunksizes.join(", ")}, la fonction a rendu ${Array.isArray(rows) ? rows.length : JSON.stringify(rows)} lignes : une ligne { chunksize, seconds } par taille.`,
        `for chunksizes ${chunksizes.join(", ")}, the function returned ${Array.isArray(rows) ? rows.length : JSON.stringify(rows)} rows: one row { chunksize, seconds } per size.`));
      expect(rows.every((r, i) => r?.chunksize === chunksizes[i] && Number.isFinite(r.seconds) && r.seconds > 0), say(
        `${JSON.stringify(rows)} : chaque ligne donne sa chunksize, dans l'ordre, et une durée en secondes (performance.now() avant et après, divisé par 1000).`,
        `${JSON.stringify(rows)}: each row gives its chunksize, in order, and a duration in seconds (performance.now() before and after, divided by 1000).`));
      const chunks = chunksizes.reduce((s, c) => s + Math.ceil(numbers.length / c), 0);
      expect(stats.submitted === chunks, say(
        `le pool a reçu ${stats.submitted} tâches ; pool.map(f, numbers, { chunksize }) en fait ${chunks} pour ces tailles : passez chaque chunksize à pool.map.`,
        `the pool received ${stats.submitted} tasks; pool.map(f, numbers, { chunksize }) makes ${chunks} for these sizes: pass each chunksize to pool.map.`));
      const fastest = rows.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      return say(
        `${chunks} paquets envoyés au pool pour ${numbers.length} nombres ; le plus rapide ici : chunksize ${fastest.chunksize} (${fastest.seconds.toFixed(3)} s).`,
        `${chunks} chunks sent to the pool for ${numbers.length} numbers; the fastest here: chunksize ${fastest.chunksize} (${fastest.seconds.toFixed(3)} s).`);
    },
    { cleanup: () => pool.terminate(), timeoutMs: 30_000 },
  );
}

/** Exercise: `fn(pool, numbers)` factorises the numbers on the pool, in order. */
export function poolFactorise(fn: (pool: ThreadPool, numbers: number[]) => Promise<number[][]>): Promise<void> {
  const pool = new ThreadPool({ workers: 2 });
  return verdict(
    async () => {
      const numbers = numbersToFactor(draw(200, 400));
      const factors = await fn(pool, numbers);
      const ran = pool.stats().completed;
      expect(Array.isArray(factors) && factors.length === numbers.length, say(
        `pour ${numbers.length} nombres, la fonction a rendu ${Array.isArray(factors) ? factors.length : JSON.stringify(factors)} résultats : un tableau de facteurs par nombre.`,
        `for ${numbers.length} numbers, the function returned ${Array.isArray(factors) ? factors.length : JSON.stringify(factors)} results: one array of factors per number.`));
      const wrong = numbers.findIndex((n, i) => JSON.stringify(factors[i]) !== JSON.stringify(primeFactors(n)));
      expect(wrong < 0, say(
        `${numbers[wrong]} a pour facteurs ${JSON.stringify(primeFactors(numbers[wrong]))}, vous donnez ${JSON.stringify(factors[wrong])} (position ${wrong}) : gardez l'ordre des nombres.`,
        `${numbers[wrong]} has factors ${JSON.stringify(primeFactors(numbers[wrong]))}, you give ${JSON.stringify(factors[wrong])} (position ${wrong}): keep the numbers' order.`));
      expect(ran > 0, say("les facteurs sont justes, mais le pool n'a rien calculé : faites le calcul avec pool.map.", "the factors are right, but the pool computed nothing: do the work with pool.map."));
      const workers = pool.stats().perWorker.filter((w) => w.tasks > 0).length;
      return say(`${numbers.length} nombres factorisés justes, en ${ran} tâche(s) sur ${workers} worker(s) du pool.`, `${numbers.length} numbers rightly factorised, in ${ran} task(s) on ${workers} worker(s) of the pool.`);
    },
    { cleanup: () => pool.terminate(), timeoutMs: 30_000 },
  );
}
