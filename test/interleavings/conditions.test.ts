import assert from "node:assert/strict";
import { test } from "node:test";
import { acquire, explore, model, notify, notifyAll, release, replay, stepper, wait, type Local } from "../../src/index.js";

/** A consumer that waits for an item; `lookFirst`: it looks before taking the lock (the lost wake-up). */
const producerConsumer = (lookFirst: boolean) =>
  model({
    name: lookFirst ? "réveil perdu" : "regarder sous le verrou",
    shared: { items: 0 },
    locks: ["verrou"],
    threads: {
      consommateur: function* (s, local: Local) {
        if (lookFirst) {
          local.vide = s.items === 0;
          yield "regarder";
          yield acquire("verrou");
          if (local.vide) yield wait("nonVide", "verrou");
        } else {
          yield acquire("verrou");
          while (s.items === 0) yield wait("nonVide", "verrou");
        }
        s.items--;
        yield "prendre";
        yield release("verrou");
      },
      producteur: function* (s) {
        yield acquire("verrou");
        s.items++;
        yield "déposer";
        yield notify("nonVide");
        yield release("verrou");
      },
    },
  });

test("a notify sent before the wait is lost: the consumer sleeps forever, found with its shortest schedule", () => {
  const r = explore(producerConsumer(true));
  assert.ok(r.deadlocks.length >= 1);
  const [d] = r.deadlocks;
  assert.deepEqual(d.blocked, [{ thread: "consommateur", waitsFor: "wait(nonVide)" }]);
  assert.deepEqual(d.schedule, ["consommateur", "producteur", "producteur", "producteur", "producteur", "consommateur", "consommateur"]);
  assert.deepEqual(replay(producerConsumer(true), d.schedule).map((row) => row.label).slice(-2), ["acquire(verrou)", "wait(nonVide)"]);
});

test("looking under the lock, in a while loop: every interleaving ends with the item taken", () => {
  const r = explore(producerConsumer(false));
  assert.deepEqual(r.deadlocks, []);
  assert.deepEqual(r.outcomes.map((o) => o.final), [{ items: 0 }]);
});

test("wait gives the lock back; a woken thread retakes it before its next step, and waits while it is held", () => {
  const s = stepper(producerConsumer(false));
  s.step("consommateur"); // acquire
  s.step("consommateur"); // wait: gives the lock back
  assert.deepEqual(s.state.locks.verrou.holders, []);
  assert.deepEqual(s.blocked(), [{ thread: "consommateur", waitsFor: "wait(nonVide)" }]);
  for (const step of ["acquire(verrou)", "déposer", "notify(nonVide)"]) assert.equal(s.step("producteur").label, step);
  assert.deepEqual(s.blocked(), [{ thread: "consommateur", waitsFor: "acquire(verrou)" }], "woken, but the producer still holds the lock");
  s.step("producteur"); // release
  s.step("consommateur"); // retakes the lock, sees an item, leaves the loop, takes it
  assert.deepEqual(s.state.locks.verrou.holders, ["consommateur"]);
  assert.deepEqual(s.state.shared, { items: 0 });
  assert.match(s.source("consommateur").lines[s.history.at(-1)!.line! - 1], /yield "prendre"/);
});

test("notify wakes one sleeper, notifyAll every one", () => {
  const sleepers = (all: boolean) =>
    model({
      shared: { reveilles: 0 },
      locks: ["verrou"],
      threads: {
        A: function* (s) {
          yield acquire("verrou");
          yield wait("go", "verrou");
          s.reveilles++;
          yield release("verrou");
        },
        B: function* (s) {
          yield acquire("verrou");
          yield wait("go", "verrou");
          s.reveilles++;
          yield release("verrou");
        },
        chef: function* () {
          yield "se préparer";
          yield all ? notifyAll("go") : notify("go");
        },
      },
    });
  const once = explore(sleepers(false));
  const every = explore(sleepers(true));
  assert.ok(once.deadlocks.length > 0, "with notify, one sleeper (at least) stays asleep");
  assert.ok(once.outcomes.every((o) => o.final.reveilles <= 1));
  assert.ok(every.outcomes.some((o) => o.final.reveilles === 2), "with notifyAll, both can wake when both sleep first");
});
