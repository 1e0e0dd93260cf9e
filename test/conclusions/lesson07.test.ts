// Lesson 07's conclusions: the timer's lag, libuv's waves, and the shared counter, on made-up rows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { lostUpdates, poolSizes, poolWaves, timerLag, waves } from "../../src/conclusions/lesson07.js";

test("timerLag: blocked, held at times, or free", () => {
  assert.match(timerLag({ scenario: "thread principal", computeMs: 1000, ticksDuring: 0, maxLagMs: 995, tickMs: 10 }), /^thread principal : aucun tick pendant les 1000 ms du calcul, puis un tick en retard de 995 ms/);
  assert.match(timerLag({ scenario: "en tranches", computeMs: 1100, ticksDuring: 80, maxLagMs: 45, tickMs: 10 }), /80 ticks pendant le calcul, mais un retard allant jusqu'à 45 ms/);
  assert.match(timerLag({ scenario: "worker", computeMs: 1000, ticksDuring: 95, maxLagMs: 2.5, tickMs: 10 }), /retard max 2\.5 ms.*la boucle est restée libre/);
});

test("waves groups finishing times separated by gaps", () => {
  assert.deepEqual(waves([100, 102, 101, 103, 200, 201, 199, 202, 300]), [4, 4, 1]);
  assert.deepEqual(waves([100, 101, 102]), [3]);
  assert.deepEqual(waves([]), []);
  // Measured on this 2-core machine under load: 4 threads time-sliced on 2 cores, then the next 4.
  assert.deepEqual(waves([478, 621, 674, 710, 1099, 1211, 1266, 1370]), [4, 4]);
  assert.deepEqual(waves([1300, 1320, 1350, 1360, 1370, 1385, 1390, 1400]), [8]);
});

test("poolWaves: waves of the pool's size, one wave, or no clear pattern", () => {
  assert.match(poolWaves({ poolSize: 4, endsMs: [100, 101, 102, 103, 200, 201, 202, 203] }), /^UV_THREADPOOL_SIZE = 4 : les 8 hachages, lancés ensemble, finissent par vagues \(4 \+ 4\)/);
  assert.match(poolWaves({ poolSize: 8, endsMs: [200, 201, 202, 203, 204, 205, 206, 207] }), /finissent ensemble, en une seule vague/);
  assert.match(poolWaves({ poolSize: 4, endsMs: [100, 150, 200, 250, 300, 350, 400, 450] }), /ne forment pas de vagues nettes de 4/);
  assert.match(poolWaves({ poolSize: 4, endsMs: [100, 101, 102, 103, 104, 105, 106, 107] }), /ne forment pas de vagues nettes/);
});

test("lostUpdates: lost, none lost this time, and an impossible atomic total", () => {
  const base = { expected: 2_000_000, atomic: 2_000_000, plainSeconds: 0.01, atomicSeconds: 0.05 };
  assert.match(lostUpdates({ ...base, plain: 1_500_000 }), /^Avec vue\[0\]\+\+, 500000 mises à jour sur 2000000 ont été perdues \(25\.0 %\).*Atomics\.add a coûté 5\.0 fois plus/);
  assert.match(lostUpdates({ ...base, plain: 2_000_000, atomicSeconds: 0.011 }), /^Cette fois, vue\[0\]\+\+ n'a perdu aucune.*n'a pas coûté plus cher/);
  assert.match(lostUpdates({ ...base, plain: 1_000, atomic: 1_999_999 }), /^Attention : avec Atomics\.add, le total est 1999999/);
});

test("poolSizes: a larger pool helps only with free cores", () => {
  const small = { poolSize: 4, endsMs: [478, 621, 674, 710, 1099, 1211, 1266, 1370] };
  assert.match(poolSizes(small, { poolSize: 8, endsMs: [1300, 1320, 1350, 1400] }, 2), /^Avec 8 threads au lieu de 4, le dernier hachage n'a pas fini plus tôt \(1400 ms contre 1370 ms\) : 2 cœurs calculent.*premier hachage a fini à 478 ms avec 4 threads, à 1300 ms avec 8/);
  assert.match(poolSizes(small, { poolSize: 8, endsMs: [600, 650] }, 8), /^Avec 8 threads au lieu de 4, le dernier hachage a fini 2\.1 fois plus tôt : des cœurs restaient libres \(8 ici\)/);
});
