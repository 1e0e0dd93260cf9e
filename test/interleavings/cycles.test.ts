import assert from "node:assert/strict";
import { test } from "node:test";
import { acquire, explore, model, release, type Model } from "../../src/index.js";
import { indexesOf } from "../../src/interleavings/replay.js";
import { Execution } from "../../src/interleavings/run.js";
import { greedy, retryNoBackoff, retryOrdered } from "./models.js";

/** The state a schedule leads to. */
const stateAfter = (m: Model, schedule: string[]) => Execution.replay(m, indexesOf(m, schedule)).key();

/** A reported cycle really comes back: prefix then cycle ends where the prefix ended. */
function assertLoops(m: Model, prefix: string[], cycle: string[]): void {
  assert.ok(cycle.length > 0);
  assert.equal(stateAfter(m, [...prefix, ...cycle]), stateAfter(m, prefix));
  assert.equal(stateAfter(m, [...prefix, ...cycle, ...cycle]), stateAfter(m, prefix));
}

test("retrying at once without back-off livelocks: a cycle where both threads move and none gets both locks", () => {
  const m = retryNoBackoff();
  const r = explore(m);
  assert.ok(r.livelocks.length >= 1, "a livelock is found");
  const [l] = r.livelocks;
  assert.deepEqual([...l.threads].sort(), ["A", "B"]);
  assert.ok(l.cycle.includes("A") && l.cycle.includes("B"));
  assertLoops(m, l.prefix, l.cycle);
  assert.equal(r.interleavings, Infinity, "a model that can loop has infinitely many interleavings");
  assert.deepEqual(r.outcomes.map((o) => o.final), [{ n: 2 }], "and yet it can finish");
  assert.deepEqual(r.deadlocks, [], "tryAcquire never blocks: no deadlock, a livelock instead");
});

test("retrying with the locks in one order: no livelock, no cycle", () => {
  const r = explore(retryOrdered());
  assert.deepEqual([r.livelocks, r.starvation, r.deadlocks], [[], [], []]);
  assert.ok(Number.isFinite(r.interleavings));
});

test("an unfair lock starves B: a cycle where A takes it again and again while B waits", () => {
  const m = greedy(false);
  const r = explore(m);
  const s = r.starvation.find((x) => x.starved === "B");
  assert.ok(s, "B's starvation is found");
  assert.deepEqual(s.threads, ["A"]);
  assert.ok(!s.cycle.includes("B"));
  assertLoops(m, s.prefix, s.cycle);
  assert.deepEqual(r.livelocks, [], "B can finish only if A stops, and A never does: that is starvation, not livelock");
});

test("a fair lock serves B in turn: no starvation", () => {
  const r = explore(greedy(true));
  assert.deepEqual(r.starvation, []);
  assert.deepEqual(r.deadlocks, []);
});

test("two threads that both loop on an unfair lock: each can starve, one report per thread; a fair lock: none", () => {
  const loop = function* () {
    for (;;) {
      yield acquire("verrou");
      yield "section critique";
      yield release("verrou");
    }
  };
  const both = (fair: boolean) => model({ shared: {}, locks: { verrou: { fair } }, threads: { A: loop, B: loop } });
  const r = explore(both(false));
  assert.deepEqual(r.starvation.map((s) => s.starved).sort(), ["A", "B"]);
  for (const s of r.starvation) assertLoops(both(false), s.prefix, s.cycle);
  assert.deepEqual(r.livelocks, [], "both loop forever by design: no final state, so no livelock");
  assert.deepEqual(explore(both(true)).starvation, []);
});
