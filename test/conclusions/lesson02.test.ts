// Every branch of lesson 02's conclusions, with made-up timings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { conclusions } from "../../src/index.js";

test("twoThreads: parallel, busy machine, or a single core", () => {
  assert.match(conclusions.twoThreads(1, 1.1, 2, 0.5), /1,10 fois le temps d'un seul : ils calculent en parallèle/);
  assert.match(conclusions.twoThreads(1, 1.9, 2, 3.2), /la charge de la machine \(3,2 pour 2 cœurs\)/);
  assert.match(conclusions.twoThreads(1, 2, 1, 0.2), /avec un seul cœur, ils ne peuvent que se le partager/);
});

test("startCosts: a process costs more, a thread's memory too small to measure, or a disturbed measurement", () => {
  assert.match(conclusions.startCosts(10, 50, 4 * 2 ** 20, 40 * 2 ** 20), /5,0 fois le temps de démarrage d'un thread, et 10,0 fois la mémoire/);
  assert.match(conclusions.startCosts(10, 50, 1000, 40 * 2 ** 20), /trop petite pour être mesurée/);
  assert.match(conclusions.startCosts(10, 8, 4 * 2 ** 20, 40 * 2 ** 20), /la mesure a été perturbée/);
});
