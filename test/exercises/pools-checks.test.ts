// Notebook 09's checks against wrong answers of every kind: each gets ❌ with a hint naming its
// real fault; the teacher's solution gets ✅.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checks, type ThreadPool } from "../../src/index.js";
import { SLOW_PRIMES } from "../../src/exercises/pools.js";
import { captureStdout } from "../helpers/capture.js";
// The teacher's solutions, as the notebook holds them (shared with bench/checks-under-load.ts).
import { balayage as sweep, calculatePrimeFactors, premierFini as first } from "./solutions.js";

const said = (run: () => Promise<void>) => captureStdout(run);

test("chunksizeSweep: awaited timings in seconds pass; ms, not awaited, hard-coded, overlapping, padded, no chunksize fail", { timeout: 300_000 }, async () => {
  assert.match(await said(() => checks.chunksizeSweep(sweep)), /^✅ .*conforme à la trace du pool/);
  const inMs = async (pool: ThreadPool, numbers: number[], sizes: number[]) => (await sweep(pool, numbers, sizes)).map((r) => ({ ...r, seconds: r.seconds * 1000 }));
  assert.match(await said(() => checks.chunksizeSweep(inMs)), /^❌ chunksize 1 : .*c'est un temps en millisecondes/);
  const notAwaited = async (pool: ThreadPool, numbers: number[], sizes: number[]) => {
    const rows = [];
    for (const chunksize of sizes) {
      const t0 = performance.now();
      void pool.map(calculatePrimeFactors, numbers, { chunksize });
      rows.push({ chunksize, seconds: (performance.now() - t0) / 1000 });
    }
    return rows;
  };
  assert.match(await said(() => checks.chunksizeSweep(notAwaited)), /^❌ le pool.map de chunksize \d+ a commencé avant la fin de celui de chunksize 1 : .*Attendez \(await\)/);
  const notAwaitedThenWaited = async (pool: ThreadPool, numbers: number[], sizes: number[]) => {
    const rows = [];
    for (const chunksize of sizes) {
      const t0 = performance.now();
      const done = pool.map(calculatePrimeFactors, numbers, { chunksize });
      rows.push({ chunksize, seconds: (performance.now() - t0) / 1000 });
      await done; // awaited, but after the end time was taken
    }
    return rows;
  };
  assert.match(await said(() => checks.chunksizeSweep(notAwaitedThenWaited)), /^❌ chunksize 1 : vous mesurez .* prenez le temps de fin après avoir attendu/);
  const hardCoded = async (pool: ThreadPool, numbers: number[], sizes: number[]) => {
    for (const chunksize of sizes) await pool.map(calculatePrimeFactors, numbers, { chunksize });
    return sizes.map((chunksize) => ({ chunksize, seconds: 0.5 }));
  };
  assert.match(await said(() => checks.chunksizeSweep(hardCoded)), /^❌ chunksize \d+ : vous (donnez|mesurez) 0\.5/);
  const padded = async (pool: ThreadPool, numbers: number[], sizes: number[]) => {
    const rows = [];
    for (const chunksize of sizes) {
      const t0 = performance.now();
      await pool.map(calculatePrimeFactors, numbers, { chunksize });
      numbers.map(calculatePrimeFactors); // the sequential version inside the timing
      rows.push({ chunksize, seconds: (performance.now() - t0) / 1000 });
    }
    return rows;
  };
  assert.match(await said(() => checks.chunksizeSweep(padded)), /^❌ chunksize 1 : vous donnez .* mesurez ce pool.map lui-même/);
  const overlapping = async (pool: ThreadPool, numbers: number[], sizes: number[]) =>
    Promise.all(sizes.map(async (chunksize) => {
      const t0 = performance.now();
      await pool.map(calculatePrimeFactors, numbers, { chunksize });
      return { chunksize, seconds: (performance.now() - t0) / 1000 };
    }));
  assert.match(await said(() => checks.chunksizeSweep(overlapping)), /^❌ le pool.map de chunksize \d+ a commencé avant la fin/);
  const noChunksize = async (pool: ThreadPool, numbers: number[], sizes: number[]) => {
    const rows = [];
    for (const chunksize of sizes) {
      const t0 = performance.now();
      await pool.map(calculatePrimeFactors, numbers);
      rows.push({ chunksize, seconds: (performance.now() - t0) / 1000 });
    }
    return rows;
  };
  assert.match(await said(() => checks.chunksizeSweep(noChunksize)), /^❌ le pool a reçu \d+ tâches/);
  assert.match(await said(() => checks.chunksizeSweep(async () => [])), /^❌ pour les chunksize .* 0 ligne/);
});

test("poolFactorise: results must come from the pool's workers", { timeout: 120_000 }, async () => {
  assert.match(await said(() => checks.poolFactorise((pool, numbers) => pool.map(calculatePrimeFactors, numbers, { chunksize: 50 }))), /^✅ .*tous par le pool/);
  const oneInPool = async (pool: ThreadPool, numbers: number[]) => [...(await pool.map(calculatePrimeFactors, numbers.slice(0, 1))), ...numbers.slice(1).map(calculatePrimeFactors)];
  assert.match(await said(() => checks.poolFactorise(oneInPool)), /^❌ les facteurs sont justes, mais \d+ des \d+ résultats ne viennent pas du pool/);
  const dummyPool = async (pool: ThreadPool, numbers: number[]) => {
    await pool.map((n: number) => n, numbers);
    return numbers.map(calculatePrimeFactors);
  };
  assert.match(await said(() => checks.poolFactorise(dummyPool)), /^❌ les facteurs sont justes, mais \d+ des/);
  const reversed = async (pool: ThreadPool, numbers: number[]) => (await pool.map(calculatePrimeFactors, numbers)).reverse();
  assert.match(await said(() => checks.poolFactorise(reversed)), /^❌ \d+ a pour facteurs .*gardez l'ordre/);
});

test("firstResult: the first finished, the others cancelled; kernel, map, first submitted, orphans, wait-all, mismatched fail", { timeout: 300_000 }, async () => {
  assert.match(await said(() => checks.firstResult(first)), /^✅ \d+ est premier, et sa tâche a fini la première .*aucune orpheline/);
  assert.match(await said(() => checks.firstResult(async (_pool, nombres) => ({ nombre: nombres[1], facteurs: calculatePrimeFactors(nombres[1]) }))), /^❌ le pool n'a reçu aucune tâche/);
  assert.match(await said(() => checks.firstResult(async (pool, nombres) => ({ nombre: nombres[0], facteurs: (await pool.map(calculatePrimeFactors, nombres))[0] }))), /^❌ le pool a reçu \d+ tâche\(s\), mais par pool.map/);
  const firstSubmitted = async (pool: ThreadPool, nombres: number[]) => {
    const annulation = new AbortController();
    const taches = nombres.map((n) => pool.apply(calculatePrimeFactors, [n], { signal: annulation.signal }));
    for (const t of taches) t.catch(() => {});
    const facteurs = await taches[0];
    annulation.abort();
    return { nombre: nombres[0], facteurs };
  };
  assert.match(await said(() => checks.firstResult(firstSubmitted)), /^❌ \d+ n'est pas la première tâche finie .*Promise.race/);
  // Every draw: the first submitted needs twice the divisions (√p) of any prime that can run beside it...
  for (const p of SLOW_PRIMES.slice(1)) assert.ok(Math.sqrt(p) <= 0.5 * Math.sqrt(SLOW_PRIMES[0]), `${p} would nearly tie with ${SLOW_PRIMES[0]}`);
  // ...and with the slowest of them beside it (no shuffle: a constant Math.random), awaiting the first submitted still fails.
  const random = Math.random;
  Math.random = () => 0.5;
  try {
    assert.match(await said(() => checks.firstResult(firstSubmitted)), /^❌ \d+ n'est pas la première tâche finie/);
  } finally {
    Math.random = random;
  }
  const orphaning = async (pool: ThreadPool, nombres: number[]) => {
    const taches = nombres.map((n) => pool.submit(calculatePrimeFactors, n));
    for (const t of taches) t.catch(() => {});
    // asCompleted gives the tasks themselves (TypeScript types them as their results)
    for await (const tache of pool.asCompleted(taches)) return { nombre: nombres[taches.indexOf(tache as unknown as (typeof taches)[number])], facteurs: await tache };
    throw new Error("aucune tâche");
  };
  assert.match(await said(() => checks.firstResult(orphaning)), /^❌ votre fonction a rendu la main, mais \d tâche\(s\) tournent encore et \d attendent.*orphelines/);
  const waitAll = async (pool: ThreadPool, nombres: number[]) => {
    const taches = nombres.map((n) => pool.submit(calculatePrimeFactors, n));
    const order: number[] = [];
    taches.forEach((t, i) => t.then(() => order.push(i)));
    await Promise.all(taches);
    return { nombre: nombres[order[0]], facteurs: await taches[order[0]] };
  };
  assert.match(await said(() => checks.firstResult(waitAll)), /^❌ les \d tâches sont toutes allées au bout/);
  const mismatched = async (pool: ThreadPool, nombres: number[]) => ({ ...(await first(pool, nombres)), nombre: nombres[0] });
  assert.match(await said(() => checks.firstResult(mismatched)), /^❌ \d+ n'a pas pour facteurs/);
  const copied = async (pool: ThreadPool, nombres: number[]) => {
    const r = await first(pool, nombres);
    return { ...r, facteurs: calculatePrimeFactors(r.nombre) };
  };
  assert.match(await said(() => checks.firstResult(copied)), /^❌ les facteurs de \d+ ne viennent pas du pool/);
});
