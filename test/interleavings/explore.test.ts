import assert from "node:assert/strict";
import { test } from "node:test";
import { ModelError, StateLimitError, explore, model, replay } from "../../src/index.js";
import { lostUpdate, noProtocol, opposite, ordered, petersonModel, philosophers, threeByFour, withLock } from "./models.js";

const last = <T>(rows: T[]) => rows[rows.length - 1];

test("the lost update: 20 interleavings, 2 end at 2 and 18 at 1, each with a schedule that replays to it", () => {
  const r = explore(lostUpdate());
  assert.equal(r.interleavings, 20);
  assert.deepEqual(
    r.outcomes.map((o) => [o.final, o.count]),
    [
      [{ x: 1 }, 18],
      [{ x: 2 }, 2],
    ],
  );
  for (const o of r.outcomes) {
    assert.equal(o.example.length, 6);
    assert.deepEqual(last(replay(lostUpdate(), o.example)).shared, o.final);
  }
  assert.deepEqual([r.deadlocks, r.failures, r.livelocks, r.starvation], [[], [], [], []]);
});

test("with a lock, every interleaving gives 2", () => {
  const r = explore(withLock());
  assert.deepEqual(r.outcomes.map((o) => o.final), [{ x: 2 }]);
  assert.equal(r.interleavings, 2, "the lock makes each increment one block: A then B, or B then A");
  assert.deepEqual(r.deadlocks, []);
});

test("two locks taken in opposite orders deadlock; the shortest schedule is reported and replays to the deadlock", () => {
  const r = explore(opposite());
  assert.equal(r.deadlocks.length, 1);
  const [d] = r.deadlocks;
  assert.deepEqual(d.schedule, ["A", "B"]);
  assert.deepEqual(d.blocked, [
    { thread: "A", waitsFor: "acquire(v2)" },
    { thread: "B", waitsFor: "acquire(v1)" },
  ]);
  assert.deepEqual(d.locks, { v1: { holders: ["A"], queue: [] }, v2: { holders: ["B"], queue: [] } });
  assert.ok(d.count >= 1);
  assert.deepEqual(r.outcomes.map((o) => o.final), [{ n: 2 }], "the other interleavings finish");
  assert.throws(() => replay(opposite(), [...d.schedule, "A"]), (e: Error) => e instanceof ModelError && /A ne peut pas avancer/.test(e.message) && /acquire\(v2\)/.test(e.message));
});

test("taking the locks in one global order: no interleaving deadlocks", () => {
  const r = explore(ordered());
  assert.deepEqual(r.deadlocks, []);
  assert.deepEqual(r.outcomes.map((o) => o.final), [{ n: 2 }]);
  assert.equal(r.interleavings, 2);
});

test("Peterson's algorithm is correct in every interleaving of the model; without the turn it deadlocks", () => {
  const r = explore(petersonModel());
  assert.deepEqual(r.failures, []);
  assert.deepEqual(r.deadlocks, []);
  assert.ok(r.outcomes.length > 0 && r.outcomes.every((o) => o.final.x === 2 && o.final.dedans === 0));
  assert.ok(Number.isFinite(r.interleavings) && r.interleavings > 2);
  const flags = explore(petersonModel(false));
  assert.deepEqual(flags.deadlocks[0].schedule, ["P0", "P1"]);
});

test("a step that throws (an assertion) is reported with its shortest schedule", () => {
  const r = explore(noProtocol());
  assert.equal(r.failures.length >= 1, true);
  const [f] = r.failures;
  assert.deepEqual(f.schedule.length, 3);
  assert.match(f.message, /deux threads en section critique/);
  assert.equal(last(replay(noProtocol(), f.schedule)).error, f.message);
});

test("three threads of four steps: 34,650 interleavings, with and without deduplication", () => {
  const deduped = explore(threeByFour());
  assert.equal(deduped.interleavings, 34_650);
  assert.equal(deduped.states, 125, "one state per (a, b, c) position, 5 × 5 × 5");
  const tree = explore(threeByFour(), { dedupe: false, maxStates: 200_000 });
  assert.equal(tree.interleavings, 34_650);
  assert.ok(tree.states > 34_650, `a tree has a node per prefix: ${tree.states}`);
  assert.deepEqual(tree.outcomes.map((o) => [o.final, o.count]), deduped.outcomes.map((o) => [o.final, o.count]));
});

test("past maxStates: a StateLimitError that says what to do, in French by default and in English", () => {
  const saved = process.env.CONCURRENCE_LANG;
  try {
    delete process.env.CONCURRENCE_LANG;
    assert.throws(
      () => explore(threeByFour(), { maxStates: 50 }),
      (e: Error) => e instanceof StateLimitError && e.limit === 50 && /dépasse 50 états/.test(e.message) && /maxStates: 500/.test(e.message) && /sample/.test(e.message),
    );
    process.env.CONCURRENCE_LANG = "en";
    assert.throws(() => explore(threeByFour(), { maxStates: 50 }), (e: Error) => e instanceof StateLimitError && /goes past 50 states/.test(e.message) && /raise the limit/.test(e.message));
  } finally {
    if (saved === undefined) delete process.env.CONCURRENCE_LANG;
    else process.env.CONCURRENCE_LANG = saved;
  }
});

test("bad models and options are refused where they enter", () => {
  assert.throws(() => model({ shared: { x: 0 }, threads: { A: (() => {}) as never } }), TypeError);
  assert.throws(() => model({ shared: { f: () => 1 } as never, threads: { A: function* () {} } }), TypeError);
  assert.throws(() => model({ shared: {}, threads: {} }), RangeError);
  assert.throws(() => explore(lostUpdate(), { maxStates: 0 }), RangeError);
  assert.throws(() => explore({} as never), TypeError);
  const typo = model({ shared: {}, locks: ["verrou"], threads: { A: function* () { yield { op: "acquire", lock: "verou", label: "x" } as never; } } });
  assert.throws(() => explore(typo), (e: Error) => e instanceof ModelError && /verou/.test(e.message));
  const odd = model({ shared: {}, threads: { A: function* () { yield 5 as never; } } });
  assert.throws(() => explore(odd), ModelError);
});

test("a thread that is not deterministic is a ModelError that names it", () => {
  const random = model({ shared: { x: 0 }, threads: { A: function* (s, local) { local.r = Math.random(); yield "tirer"; s.x = 1; yield "écrire"; }, B: function* (s) { s.x = 2; yield "écrire"; } } });
  assert.throws(() => explore(random), (e: Error) => e instanceof ModelError && /A/.test(e.message) && /déterministe/.test(e.message));
});

test("three philosophers deadlock when each takes its left fork first, never when forks are taken in one order", () => {
  const r = explore(philosophers(3, false));
  assert.equal(r.deadlocks.length, 1);
  assert.equal(r.deadlocks[0].schedule.length, 3, "each takes one fork: the shortest way there");
  assert.equal(r.deadlocks[0].blocked.length, 3);
  const fixed = explore(philosophers(3, true));
  assert.deepEqual(fixed.deadlocks, []);
  assert.deepEqual(fixed.outcomes.map((o) => o.final), [{ repas: 3 }]);
});

test("code after a thread's last yield is a step of its own, labelled « fin »; a thread with nothing after it just finishes", () => {
  const m = model({
    shared: { x: 0, y: 0 },
    threads: {
      A: function* (s) {
        s.x = 1;
        yield "poser x";
        s.y = s.x + 1;
      },
      B: function* (s) {
        s.x = 5;
        yield "poser x";
      },
    },
  });
  assert.deepEqual(replay(m, ["A", "A", "B"]).map((r) => r.label), ["poser x", "fin", "poser x"]);
  assert.throws(() => replay(m, ["B", "B"]), ModelError);
  const r = explore(m);
  assert.equal(r.interleavings, 3);
  assert.deepEqual(r.outcomes.map((o) => o.final), [{ x: 1, y: 2 }, { x: 5, y: 2 }, { x: 5, y: 6 }]);
});
