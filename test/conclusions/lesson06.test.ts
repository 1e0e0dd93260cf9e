// Lesson 06's conclusions: where the pixels differ, and what divergence cost, on made-up rows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { divergenceCost, mismatches, mismatchPlaces, type Mismatch } from "../../src/conclusions/lesson06.js";

const row = (nearEdge: boolean, reference = 250): Mismatch => ({ x: 0, y: 0, reference, nearEdge });

test("mismatches places each differing pixel against the set's edge", () => {
  // 10×1: the set (count 9) on the left half, escaping points on the right.
  const reference = { width: 10, height: 1, maxIterations: 9, counts: [9, 9, 9, 9, 9, 8, 5, 3, 2, 1] };
  const image = { ...reference, counts: [9, 9, 9, 9, 9, 7, 5, 3, 2, 2] };
  const rows = mismatches(image, reference, 2);
  assert.deepEqual(rows.map((r) => [r.x, r.nearEdge]), [[5, true], [9, false]]);
});

test("no differing pixel", () => assert.match(mismatchPlaces([], 1000), /^Aucun pixel ne diffère sur 1000/));
test("nearly all near the edge: the float32 rounding of slow escapes", () => {
  const text = mismatchPlaces([...Array(19).fill(row(true, 280)), row(false, 100)], 1000);
  assert.match(text, /^19 des 20 pixels qui diffèrent \(95 %\) sont à moins de 3 pixels du bord/);
  assert.match(text, /Ailleurs, l'image est identique/);
});
test("most near the edge, not all", () => {
  assert.match(mismatchPlaces([...Array(6).fill(row(true, 280)), ...Array(4).fill(row(false, 90))], 1000), /: la plupart, mais pas tous\..*\(médiane : 90 itérations\)/);
});
test("mostly elsewhere: not only roundings", () => {
  assert.match(mismatchPlaces([row(true), row(false), row(false)], 1000), /la plupart sont ailleurs/);
});

test("divergence: slower, faster (a disturbed measurement), and no difference on each kind of backend", () => {
  assert.match(divergenceCost([{ mode: "headlessgl", uniform: 0.02, divergent: 0.04 }]), /^headlessgl : le noyau divergent est 2\.0 fois plus lent/);
  assert.match(divergenceCost([{ mode: "cpu", uniform: 0.04, divergent: 0.02 }]), /plus rapide .*relancez/);
  assert.match(divergenceCost([{ mode: "gpu.js webasm", uniform: 0.02, divergent: 0.021 }]), /pas d'écart net.*ce backend n'a pas payé/);
  const two = divergenceCost([{ mode: "headlessgl", uniform: 0.02, divergent: 0.05 }, { mode: "gpu.js cpu", uniform: 0.1, divergent: 0.1 }]).split("\n");
  assert.equal(two.length, 2);
  assert.match(two[1], /dans ce mode, du JavaScript ordinaire, chaque thread s'exécute seul/);
  assert.throws(() => divergenceCost([]), RangeError);
});
