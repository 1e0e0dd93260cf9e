import assert from "node:assert/strict";
import { test } from "node:test";
import { ModelError, acquire, explore, model, release, tryAcquire, waitUntil } from "../../src/index.js";

test("a variable that carries state across a yield is refused, with the name to move into local", () => {
  const make = () =>
    model({
      shared: { x: 0 },
      threads: {
        A: function* (s) {
          const t = s.x;
          yield "lire";
          s.x = t + 1;
          yield "écrire";
        },
      },
    });
  assert.throws(make, (e: Error) => e instanceof ModelError && /`t`/.test(e.message) && /local\.t/.test(e.message));
  const counter = () => model({ shared: { x: 0 }, threads: { A: function* (s) { for (let i = 0; i < 3; i++) { s.x++; yield "pas"; } } } });
  assert.throws(counter, (e: Error) => e instanceof ModelError && /`i`/.test(e.message));
});

test("variables that hold no state across a yield are fine: constants, a step's temporaries, a yield's answer", () => {
  const other = 1;
  const m = model({
    shared: { x: 0, y: 0 },
    locks: ["v"],
    threads: {
      A: function* (s, local) {
        const me = 1 - other; // the same in every run
        let v = s.x; // used within one step
        v = v + 1;
        s.x = v;
        yield "écrire";
        while (true) {
          const ok: boolean = yield tryAcquire("v"); // read in the step the yield resumes
          if (ok) break;
        }
        local.n = me;
        yield release("v");
        yield waitUntil((t) => t.x > me - 1, "attendre");
        s.y = me;
        yield "fin";
      },
      B: function* (s) {
        yield acquire("v");
        s.x += 10;
        yield release("v");
      },
    },
  });
  const r = explore(m);
  assert.deepEqual(r.outcomes.map((o) => o.final), [{ x: 11, y: 0 }]);
});

test("a thread that changes a variable from outside the model is refused: it belongs in shared", () => {
  let compteur = 0;
  const totals = { n: 0 };
  const counting = () =>
    model({
      shared: { x: 0 },
      threads: {
        A: function* (s) {
          compteur++;
          totals.n = s.x;
          yield "compter";
        },
      },
    });
  assert.throws(counting, (e: Error) => e instanceof ModelError && /`compteur`, `totals`/.test(e.message) && /s\.compteur/.test(e.message));
  assert.equal(compteur, 0, "refused before any run");
  const saved = process.env.CONCURRENCE_LANG;
  process.env.CONCURRENCE_LANG = "en";
  try {
    assert.throws(counting, (e: Error) => e instanceof ModelError && /defined outside the model/.test(e.message));
  } finally {
    if (saved === undefined) delete process.env.CONCURRENCE_LANG;
    else process.env.CONCURRENCE_LANG = saved;
  }
});

test("state hidden where the source check cannot see it (a helper generator's variable) is caught when a state is met again", () => {
  function* incrementer(s: { x: number }) {
    const t = s.x;
    yield "lire";
    s.x = t + 1;
    yield "écrire";
  }
  const m = model({
    shared: { x: 0 },
    threads: {
      A: function* (s) {
        yield* incrementer(s);
      },
      B: function* (s) {
        yield* incrementer(s);
      },
    },
  });
  assert.throws(() => explore(m), (e: Error) => e instanceof ModelError && /local/.test(e.message) && /thread (A|B)/.test(e.message));
});
