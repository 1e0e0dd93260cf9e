// Deduplication changes the work, never the figures: on every finite model, the counts of the
// deduplicated graph equal those of the tree of all paths, and every reported schedule replays
// to what it reports.
import assert from "node:assert/strict";
import { test } from "node:test";
import { explore, stepper, type Model } from "../../src/index.js";
import { lostUpdate, noProtocol, opposite, ordered, petersonModel, philosophers, retryOrdered, withLock } from "./models.js";

const FINITE: [string, () => Model][] = [
  ["lost update", lostUpdate],
  ["with a lock", withLock],
  ["opposite orders", opposite],
  ["one order", ordered],
  ["retry in order", retryOrdered],
  ["Peterson", () => petersonModel(true)],
  ["flags only", () => petersonModel(false)],
  ["no protocol", noProtocol],
  ["3 philosophers", () => philosophers(3, false)],
];

const figures = (r: ReturnType<typeof explore>) => ({
  interleavings: r.interleavings,
  outcomes: r.outcomes.map((o) => [o.final, o.count]),
  deadlocks: r.deadlocks.reduce((n, d) => n + d.count, 0),
  failures: r.failures.reduce((n, f) => n + f.count, 0),
});

for (const [name, make] of FINITE) {
  test(`${name}: the same figures with and without deduplication, and schedules that replay`, () => {
    const deduped = explore(make());
    const tree = explore(make(), { dedupe: false });
    assert.deepEqual(figures(deduped), figures(tree));
    assert.ok(deduped.states <= tree.states);
    for (const o of deduped.outcomes) {
      const s = stepper(make());
      for (const t of o.example) s.step(t);
      assert.equal(s.finished, true);
      assert.deepEqual(s.state.shared, o.final);
    }
    for (const d of deduped.deadlocks) {
      const s = stepper(make());
      for (const t of d.schedule) s.step(t);
      assert.equal(s.deadlocked, true);
      assert.deepEqual(s.blocked(), d.blocked);
    }
    const shortest = (list: { schedule: string[] }[]) => Math.min(...list.map((x) => x.schedule.length));
    if (deduped.deadlocks.length) assert.equal(shortest(deduped.deadlocks), shortest(tree.deadlocks), "the deadlock schedule is a shortest one");
  });
}
