// Lesson 10's conclusions, every branch, from made-up rows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { conclusions } from "../../src/index.js";

test("barrierCost: the barrier wasted time, or it cost little", () => {
  assert.match(conclusions.barrierCost({ levelSeconds: 1.2, queueSeconds: 0.8 }), /^Sans barrière.*0\.800 s au lieu de 1\.200 s \(1\.50 fois/);
  assert.match(conclusions.barrierCost({ levelSeconds: 1.0, queueSeconds: 0.95 }), /pas été nettement plus rapide/);
});

test("amdahlVerdict: tiny or limiting fraction, then matching, larger or smaller than measured", () => {
  const tiny = conclusions.amdahlVerdict({ serial: 0.01, limit: 100 }, 0.005);
  assert.match(tiny, /1\.0 % : presque tout le calcul se répartit/);
  assert.match(tiny, /\nElle est proche de la part séquentielle mesurée directement \(0\.5 %/);
  const limiting = conclusions.amdahlVerdict({ serial: 0.25, limit: 4 }, 0.05);
  assert.match(limiting, /25\.0 % : même avec une infinité de cœurs.*1\/f = 4\.00/);
  assert.match(limiting, /\nElle dépasse la part séquentielle mesurée directement \(5\.0 %.*démarrage des workers/);
  assert.match(conclusions.amdahlVerdict({ serial: 0.05, limit: 20 }, 0.3), /plus petite que la part séquentielle mesurée/);
});
