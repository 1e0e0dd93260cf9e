// Every branch of lesson 03's conclusions, with made-up holds and timings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { conclusions } from "../../src/index.js";

test("lockHolds: holds of different threads apart, or overlapping", () => {
  const apart = [{ worker: 1, start: 0, end: 10 }, { worker: 2, start: 10, end: 20 }, { worker: 1, start: 20, end: 30 }];
  assert.match(conclusions.lockHolds(apart), /Les 3 barres pleines ne se chevauchent jamais/);
  const overlapping = [{ worker: 1, start: 0, end: 10 }, { worker: 2, start: 5, end: 20 }];
  assert.match(conclusions.lockHolds(overlapping), /1 paire de barres pleines se chevauche : deux threads ont tenu le verrou en même temps/);
});

test("lockCost: a visible price, or almost none", () => {
  assert.match(conclusions.lockCost(1, 8), /8,0 fois plus de temps/);
  assert.match(conclusions.lockCost(1, 1.05), /n'a pris que 1,1 fois le temps sans verrou|n'a pris que 1,0 fois/);
});
