// Lesson 11's conclusion on the real threads' race, one test per branch, on made-up rows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { randomRetries, realRace } from "../../src/conclusions/lesson11.js";

const run = (mode: string, attendu: number, obtenu: number) => ({ mode, attendu, obtenu });

test("plain runs that lost updates, protected runs that lost none: counted, with the worst", () => {
  const text = realRace([run("simple", 200, 150), run("simple", 200, 200), run("simple", 200, 120), run("atomique", 200, 200), run("verrou", 200, 200)]);
  assert.match(text, /^Sans Atomics, 2 essai\(s\) sur 3 ont perdu/);
  assert.match(text, /au pire 80 sur 200/);
  assert.match(text, /avec Atomics\.add et le verrou, aucune/);
});

test("no plain run lost an update: says so, and that it proves nothing", () => {
  const text = realRace([run("simple", 200, 200), run("simple", 200, 200), run("atomique", 200, 200)]);
  assert.match(text, /^Sur ces 2 essais, vue\[0\]\+\+ n'a perdu aucune mise à jour/);
  assert.match(text, /pas une preuve/);
  assert.doesNotMatch(text, /Sans Atomics/);
});

test("a protected run with a wrong total is called out, whatever the plain runs did", () => {
  const text = realRace([run("simple", 200, 150), run("verrou", 200, 199)]);
  assert.match(text, /^Attention : 1 essai\(s\) protégé\(s\) \(verrou\)/);
});

test("only the lock protected: named alone", () => {
  assert.match(realRace([run("simple", 10, 9), run("verrou", 10, 10)]), /avec le verrou, aucune/);
});

test("rows without both kinds of runs are refused", () => {
  assert.throws(() => realRace([run("simple", 10, 9)]), RangeError);
  assert.throws(() => realRace([run("atomique", 10, 10)]), RangeError);
});

test("in English with CONCURRENCE_LANG=en", () => {
  const before = process.env.CONCURRENCE_LANG;
  process.env.CONCURRENCE_LANG = "en";
  try {
    assert.match(realRace([run("simple", 10, 9), run("atomique", 10, 10)]), /^Without Atomics, 1 run\(s\) out of 1 lost updates/);
  } finally {
    if (before === undefined) delete process.env.CONCURRENCE_LANG;
    else process.env.CONCURRENCE_LANG = before;
  }
});

test("randomRetries: every run finished, some after going round the cycle", () => {
  assert.match(randomRetries({ runs: 200, unfinished: 0, shortest: 10, longest: 46 }), /^Les 200 exécutions tirées au hasard ont toutes fini, mais certaines ont tourné dans le cycle : de 10 à 46 étapes/);
});

test("randomRetries: every run finished, all as short as can be", () => {
  assert.match(randomRetries({ runs: 5, unfinished: 0, shortest: 10, longest: 10 }), /^Les 5 exécutions .* toutes fini, toutes en 10 étapes/);
});

test("randomRetries: some runs stopped while still looping", () => {
  assert.match(randomRetries({ runs: 200, unfinished: 3, shortest: 10, longest: 1000 }), /^3 exécution\(s\) sur 200 tournaient encore/);
});

test("randomRetries: no run finished", () => {
  assert.match(randomRetries({ runs: 20, unfinished: 20, shortest: 1000, longest: 1000 }), /^Aucune des 20 exécutions/);
});

test("randomRetries: no run is refused", () => {
  assert.throws(() => randomRetries({ runs: 0, unfinished: 0, shortest: 0, longest: 0 }), RangeError);
});
