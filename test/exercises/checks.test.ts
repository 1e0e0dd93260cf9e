// The other checkers: a right answer gets ✅, a wrong or unfinished one ❌ and a hint; none throws.
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { pbkdf2, pbkdf2Sync } from "node:crypto";
import { test } from "node:test";
import { bufferCount, filter, map, scan, type Observable } from "rxjs";
import { checks, Lock } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

const said = (run: () => Promise<void>) => captureStdout(run);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("clickCounter and allAtOnce", async () => {
  assert.match(await said(() => checks.clickCounter((screen: EventEmitter) => {
    let n = 0;
    screen.on("clic", () => n++);
    return () => n;
  })), /^✅ /);
  assert.match(await said(() => checks.clickCounter(() => () => 0)), /^❌ \d+ clics émis, votre compteur en donne 0/);
  assert.match(await said(() => checks.allAtOnce((tasks) => Promise.all(tasks.map((t) => t())))), /^✅ /);
  assert.match(await said(() => checks.allAtOnce(async (tasks) => {
    const out = [];
    for (const t of tasks) out.push(await t());
    return out;
  })), /^❌ .*l'une après l'autre/);
});

test("noOverdraft: the check-then-act race on one thread is caught, a lock fixes it", async () => {
  const naive = async (account: checks.Compte, amount: number, askBank: () => Promise<void>) => {
    if (account.solde < amount) return false;
    await askBank();
    account.solde -= amount;
    return true;
  };
  assert.match(await said(() => checks.noOverdraft(naive)), /^❌ le solde est passé à -/);
  const lock = new Lock();
  const locked = async (account: checks.Compte, amount: number, askBank: () => Promise<void>) => {
    await lock.acquire();
    try {
      return await naive(account, amount, askBank);
    } finally {
      lock.release();
    }
  };
  assert.match(await said(() => checks.noOverdraft(locked)), /^✅ /);
  assert.match(await said(() => checks.noOverdraft(async () => false)), /^❌ 0 retraits accordés/);
});

test("offTheLoop: pbkdf2Sync blocks the loop, pbkdf2 does not", { timeout: 60_000 }, async () => {
  assert.match(await said(() => checks.offTheLoop(async (p, s, i) => pbkdf2Sync(p, s, i, 32, "sha256"))), /^❌ la boucle d'événements a été bloquée/);
  const right = (p: string, s: string, i: number) => new Promise<Buffer>((ok, ko) => pbkdf2(p, s, i, 32, "sha256", (e, k) => (e ? ko(e) : ok(k))));
  assert.match(await said(() => checks.offTheLoop(right)), /^✅ /);
});

test("RxJS checkers compare with a direct computation", async () => {
  const average = (t$: Observable<number>, n: number) => t$.pipe(bufferCount(n, 1), filter((w) => w.length === n), map((w) => w.reduce((a, b) => a + b, 0) / n));
  assert.match(await said(() => checks.movingAverage(average)), /^✅ /);
  assert.match(await said(() => checks.movingAverage((t$) => t$)), /^❌ /);
  const sustained = (t$: Observable<number>, threshold: number, k: number) =>
    t$.pipe(scan((s, t) => ({ t, run: t > threshold ? s.run + 1 : 0 }), { t: 0, run: 0 }), filter((s) => s.run === k), map((s) => s.t));
  assert.match(await said(() => checks.sustainedAlerts(sustained)), /^✅ /);
  assert.match(await said(() => checks.sustainedAlerts((() => 42) as never)), /^❌ la fonction doit rendre un Observable/);
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
  assert.match(await said(() => checks.poolSquares(async (xs) => xs.map(squares))), /^❌ un carré a été calculé dans le noyau/);
  let left: InstanceType<typeof ProcessPool> | undefined;
  try {
    assert.match(await said(() => checks.poolSquares(async (xs) => {
      left = new ProcessPool({ workers: 2 });
      return left.map(squares, xs); // the pool is never closed
    })), /^❌ les processus .* tournent encore/);
  } finally {
    await left?.terminate();
  }
});
