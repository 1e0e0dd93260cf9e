import assert from "node:assert/strict";
import { test } from "node:test";
import { acquire, explore, model, release, replay, sample, stepper, waitUntil } from "../../src/index.js";
import { greedy, retryNoBackoff } from "./models.js";

test("a semaphore of 2 places lets two threads in at once, never three", () => {
  const inside = function* (s: { dedans: number; max: number }) {
    yield acquire("places");
    s.dedans++;
    s.max = Math.max(s.max, s.dedans);
    yield "entrer";
    s.dedans--;
    yield release("places");
  };
  const r = explore(model({ shared: { dedans: 0, max: 0 }, locks: { places: { places: 2 } }, threads: { A: inside, B: inside, C: inside } }));
  assert.deepEqual([...new Set(r.outcomes.map((o) => o.final.max))].sort(), [1, 2]);
  assert.deepEqual(r.deadlocks, []);
  assert.throws(() => model({ shared: {}, locks: { v: { places: 0 } }, threads: { A: function* () {} } }), RangeError);
});

test("a condition wait that no one satisfies is a deadlock that names what it waits for", () => {
  const m = model({
    shared: { pret: false, lu: 0 },
    threads: {
      lecteur: function* (s) {
        yield waitUntil((t) => t.pret, "attendre prêt");
        s.lu = 1;
        yield "lire";
      },
      oublieux: function* (s) {
        s.lu = 0;
        yield "travailler";
      },
    },
  });
  const r = explore(m);
  assert.equal(r.deadlocks.length, 1);
  assert.deepEqual(r.deadlocks[0].blocked, [{ thread: "lecteur", waitsFor: "attendre prêt" }]);
  assert.deepEqual(r.deadlocks[0].schedule, ["oublieux"]);
  assert.deepEqual(r.outcomes, []);
});

test("a fair lock: a thread that finds it taken queues (a step of its own), then gets it when it is released", () => {
  const rows = replay(greedy(true), ["A", "B", "A", "A"]);
  assert.deepEqual(rows.map((r) => [r.thread, r.label]), [
    ["A", "acquire(verrou)"],
    ["B", "attend verrou"],
    ["A", "section"],
    ["A", "release(verrou)"],
  ]);
  const s = stepper(greedy(true));
  for (const t of ["A", "B", "A", "A"]) s.step(t);
  assert.deepEqual(s.state.locks.verrou, { holders: ["B"], queue: [] }, "handed to B on release");
  assert.deepEqual(s.blocked().map((b) => b.thread), [], "A may queue in turn: it is not blocked");
  s.step("A");
  assert.deepEqual(s.state.locks.verrou, { holders: ["B"], queue: ["A"] });
  assert.deepEqual(s.blocked(), [{ thread: "A", waitsFor: "attend verrou" }]);
});

test("sample stops a run that goes on past maxSteps and counts it unfinished (the livelock, drawn at random)", () => {
  const s = sample(retryNoBackoff(), { runs: 50, seed: 3, strategy: "pct", maxSteps: 40, print: false });
  const finished = s.outcomes.reduce((n, o) => n + o.count, 0);
  assert.equal(finished + (s.unfinished?.count ?? 0), 50);
  const loops = sample(greedy(false), { runs: 5, seed: 3, maxSteps: 30, print: false });
  assert.equal(loops.unfinished?.count, 5, "A loops forever: no run finishes");
  assert.equal(loops.unfinished?.example.length, 30);
});
