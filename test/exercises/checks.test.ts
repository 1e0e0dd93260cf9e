// The other checkers: a right answer gets ✅, a wrong or unfinished one ❌ and a hint; none throws.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checks } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

const said = (run: () => Promise<void>) => captureStdout(run);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("downloads: the server counts the requests in flight and the retries", { timeout: 60_000 }, async () => {
  const size = async (url: string) => (await (await fetch(url)).arrayBuffer()).byteLength;
  const limited = async (urls: string[], limit: number) => {
    const sizes: number[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: limit }, async () => {
      while (next < urls.length) {
        const i = next++;
        sizes[i] = await size(urls[i]);
      }
    }));
    return sizes;
  };
  assert.match(await said(() => checks.limitedDownloads(limited)), /^✅ /);
  assert.match(await said(() => checks.limitedDownloads((urls) => Promise.all(urls.map(size)))), /^❌ le serveur a reçu jusqu'à \d+ requêtes en même temps/);
  const retrying = async (url: string, attempts: number) => {
    for (let i = 1; ; i++) {
      const r = await fetch(url);
      const body = await r.arrayBuffer();
      if (r.ok) return body.byteLength;
      if (i === attempts) throw new Error(`${r.status}`);
    }
  };
  assert.match(await said(() => checks.retries(retrying)), /^✅ /);
});

test("coresUsed: CPU time over wall time; a wrong formula is caught", { timeout: 60_000 }, async () => {
  const right = async (work: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await work();
    const { user, system } = process.cpuUsage(cpu);
    return (user + system) / 1000 / (performance.now() - t0);
  };
  assert.match(await said(() => checks.coresUsed(right)), /^✅ /);
  assert.match(await said(() => checks.coresUsed(async (work) => (await work(), 1))), /^❌ pendant une attente/);
});

test("a check that never ends is a ❌ after its timeout, not a hang", { timeout: 60_000 }, async () => {
  const began = Date.now();
  const out = await said(() => checks.allAtOnce(() => new Promise(() => {})));
  assert.match(out, /^❌ la vérification n'a pas fini en 15 s/);
  assert.ok(Date.now() - began < 20_000);
  await sleep(0);
});

test("threads, processes and pools: the evidence is checked, not only the numbers", { timeout: 120_000 }, async () => {
  const { Thread, ProcessPool } = await import("../../src/index.js");
  assert.match(await said(() => checks.threadIds(async (n) => Array.from({ length: n }, () => 0))), /^❌ .*threadId du noyau/);
  assert.match(await said(() => checks.threadIds(async (n) => {
    const threads = Array.from({ length: n }, () => new Thread(() => require("node:worker_threads").threadId as number).start());
    return Promise.all(threads.map((t) => t.join()));
  })), /^✅ /);
  const squares = (x: number) => ({ x, square: x * x, pid: process.pid });
  assert.match(await said(() => checks.poolSquares(async (xs) => xs.map(squares))), /^❌ la ligne 0 .*n'a pas été calculée par le pool/);
  let left: InstanceType<typeof ProcessPool> | undefined;
  try {
    assert.match(await said(() => checks.poolSquares(async (xs) => {
      left = new ProcessPool({ workers: 2 });
      return left.map(squares, xs); // the pool is never closed
    })), /^❌ les processus .* tournent encore/);
  } finally {
    await left?.terminate();
  }
  assert.match(await said(() => checks.chunksizeSweep(async (pool, numbers, sizes) => {
    const rows = [];
    for (const chunksize of sizes) {
      const t0 = performance.now();
      await pool.map((n: number) => n % 7, numbers); // forgets the chunksize
      rows.push({ chunksize, seconds: (performance.now() - t0) / 1000 });
    }
    return rows;
  })), /^❌ le pool a reçu \d+ tâches/);
});
