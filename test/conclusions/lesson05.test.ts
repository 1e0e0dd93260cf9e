// Lesson 05's conclusion on the overheating zone, one test per branch, on made-up readings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { backpressure, coolingOutcome } from "../../src/conclusions/lesson05.js";

const zone = (temperatures: number[], alerts: number, cooling = 1 + alerts) => ({ zone: "C", threshold: 32, temperatures, alerts, cooling });

test("no alert: the cooling never had to react", () => {
  assert.match(coolingOutcome(zone([25, 28, 30.5], 0)), /^La zone C n'a déclenché aucune alerte \(au plus 30,5 °C/);
});
test("alerts, then back below the threshold: came back down", () => {
  const text = coolingOutcome(zone([30, 33, 35, 31], 2));
  assert.match(text, /^2 alerte\(s\) ont porté le refroidissement de la zone C de 1 à 3, et sa température est redescendue : de 35,0 °C au plus haut à 31,0 °C/);
});
test("alerts, lower but still above the threshold: says so", () => {
  assert.match(coolingOutcome(zone([30, 33, 38, 34], 1)), /a baissé \(38,0 °C au plus haut, 34,0 °C à la fin\) mais reste au-dessus du seuil/);
});
test("alerts, and not down at all: the cooling does not make up for the load", () => {
  assert.match(coolingOutcome(zone([30, 33, 36, 37.8], 3)), /n'est pas redescendue \(37,8 °C à la fin/);
});
test("no reading is an error, in English too", () => {
  assert.throws(() => coolingOutcome(zone([], 0)), RangeError);
  process.env.CONCURRENCE_LANG = "en";
  try {
    assert.match(coolingOutcome(zone([30, 33, 35, 31], 2)), /came back down/);
  } finally {
    delete process.env.CONCURRENCE_LANG;
  }
});

test("backpressure: RxJS piles up, the stream holds the producer back", () => {
  const text = backpressure({ total: 200, rxjsWaiting: 200, streamWaiting: 17, highWaterMark: 8 });
  assert.match(text, /^Avec RxJS, jusqu'à 200 relevés sur 200 ont attendu le consommateur : le producteur ne ralentit jamais/);
  assert.match(text, /Avec pipeline, jamais plus de 17 : .*contre-pression/);
});
test("backpressure: a partial pile-up, and a stream that does not hold", () => {
  const text = backpressure({ total: 200, rxjsWaiting: 50, streamWaiting: 120, highWaterMark: 8 });
  assert.match(text, /^Avec RxJS, jusqu'à 50 relevés sur 200 ont attendu le consommateur\. /);
  assert.match(text, /Avec pipeline, jusqu'à 120, plus que les tampons/);
});
