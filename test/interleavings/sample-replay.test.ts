import assert from "node:assert/strict";
import { test } from "node:test";
import { ModelError, plots, renderSvg, replay, sample, stepper } from "../../src/index.js";
import { scheduleRows } from "../../src/interleavings/table.js";
import { explore } from "../../src/index.js";
import { lostUpdate, opposite, retryNoBackoff, withLock } from "./models.js";
import { PRINT_WIDTH } from "../../src/plot/builders.js";

const quiet = { print: false };

test("a seeded sample replays identically, random and PCT, and its examples replay to their outcome", () => {
  for (const strategy of ["random", "pct"] as const) {
    const a = sample(lostUpdate(), { runs: 300, seed: 7, strategy, ...quiet });
    const b = sample(lostUpdate(), { runs: 300, seed: 7, strategy, ...quiet });
    assert.deepEqual(a.schedules, b.schedules, strategy);
    assert.equal(a.seed, 7);
    const c = sample(lostUpdate(), { runs: 300, seed: 8, strategy, ...quiet });
    assert.notDeepEqual(c.schedules, a.schedules, "another seed, other schedules");
    assert.equal(a.outcomes.reduce((n, o) => n + o.count, 0), 300);
    for (const o of a.outcomes) assert.deepEqual(replay(lostUpdate(), o.example).at(-1)!.shared, o.final);
  }
  const r = sample(lostUpdate(), { runs: 300, seed: 7, ...quiet });
  assert.deepEqual(r.outcomes.map((o) => o.final), [{ x: 1 }, { x: 2 }], "300 random runs meet both outcomes");
});

test("sample prints its seed, so that a run can be replayed", (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (line: string) => lines.push(line));
  const s = sample(lostUpdate(), { runs: 5 });
  assert.equal(lines.length, 1);
  assert.match(lines[0], new RegExp(`graine ${s.seed}`));
  assert.ok(Number.isInteger(s.seed));
});

test("sample finds the deadlock of opposite lock orders and its schedule replays to it", () => {
  const s = sample(opposite(), { runs: 200, seed: 1, strategy: "pct", ...quiet });
  assert.ok(s.deadlocks.length >= 1);
  const rows = replay(opposite(), s.deadlocks[0].schedule);
  assert.equal(rows.length, s.deadlocks[0].schedule.length);
  assert.throws(() => sample(lostUpdate(), { strategy: "dfs" as never, ...quiet }), RangeError);
  assert.throws(() => sample(lostUpdate(), { seed: 1.5, ...quiet }), TypeError);
});

test("replay gives one row per step: thread, label, line, shared state and locals after it", () => {
  const rows = replay(lostUpdate(), ["A", "B", "A", "B", "A", "B"]);
  assert.deepEqual(
    rows.map((r) => [r.step, r.thread, r.label, r.shared.x, r.locals.t]),
    [
      [1, "A", "lire", 0, 0],
      [2, "B", "lire", 0, 0],
      [3, "A", "ajouter", 0, 1],
      [4, "B", "ajouter", 0, 1],
      [5, "A", "écrire", 1, 1],
      [6, "B", "écrire", 1, 1],
    ],
  );
  assert.ok(rows.every((r) => typeof r.line === "number" && r.line > 1), "each step's line is found in its thread's source");
  assert.throws(() => replay(lostUpdate(), ["A", "C"]), (e: Error) => e instanceof ModelError && /C/.test(e.message));
  assert.throws(() => replay(lostUpdate(), ["A", "A", "A", "A"]), (e: Error) => e instanceof ModelError && /étape 4/.test(e.message) && /a fini/.test(e.message));
  assert.deepEqual(Object.keys(scheduleRows(rows)[0]), ["étape", "thread", "ligne", "pas", "x"]);
});

test("the stepper: enabled threads, a blocked thread, undo, the next step's lines, finished and deadlocked", () => {
  const s = stepper(withLock());
  assert.deepEqual(s.enabled(), ["A", "B"]);
  s.step("A");
  assert.deepEqual(s.enabled(), ["A"]);
  assert.deepEqual(s.blocked(), [{ thread: "B", waitsFor: "acquire(verrou)" }]);
  assert.equal(s.source("B").next?.blocked, true);
  assert.throws(() => s.step("B"), (e: Error) => e instanceof ModelError && /bloqué/.test(e.message));
  assert.equal(s.undo(), true);
  assert.deepEqual(s.enabled(), ["A", "B"]);
  assert.equal(s.undo(), false);
  for (const t of ["A", "A", "A", "A", "A", "B", "B", "B", "B", "B"]) s.step(t);
  assert.equal(s.finished, true);
  assert.deepEqual(s.state.shared, { x: 2 });
  assert.equal(s.history.length, 10);

  const d = stepper(opposite());
  d.step("A");
  d.step("B");
  assert.equal(d.deadlocked, true);
  assert.deepEqual(d.enabled(), []);
  assert.deepEqual(d.state.locks, { v1: { holders: ["A"], queue: [] }, v2: { holders: ["B"], queue: [] } });
});

test("the stepper shows a thread's code with the lines of its next step", () => {
  const s = stepper(lostUpdate());
  const before = s.source("A");
  assert.ok(before.lines.length > 3);
  assert.equal(before.next?.label, "lire");
  s.step("A");
  const after = s.source("A").next!;
  assert.equal(after.label, "ajouter");
  assert.ok(after.from > before.next!.to - 1 && after.to > before.next!.to, `${JSON.stringify(before.next)} then ${JSON.stringify(after)}`);
  assert.match(s.source("A").lines[after.to - 1], /yield "ajouter"/);
});

test("plots.outcomes draws the counts of explore() and sample(); plots.schedule a lane per thread", async () => {
  const spec = plots.outcomes(explore(lostUpdate()));
  const values = (spec.data as { values: Record<string, unknown>[] }).values;
  assert.deepEqual(values.map((v) => [v["état final"], v.entrelacements]), [["x = 1", 18], ["x = 2", 2]]);
  const sampled = plots.outcomes(sample(lostUpdate(), { runs: 100, seed: 5, print: false }));
  const counted = (sampled.data as { values: Record<string, unknown>[] }).values;
  assert.equal(counted.reduce((n, v) => n + (v["exécutions"] as number), 0), 100, "a sample is counted in runs");
  const dead = plots.outcomes(explore(opposite()));
  assert.ok((dead.data as { values: Record<string, unknown>[] }).values.some((v) => v["état final"] === "interblocage"));
  const timeline = plots.schedule(replay(lostUpdate(), ["A", "B", "A", "B", "A", "B"]));
  const steps = (timeline.data as { values: Record<string, unknown>[] }).values;
  assert.deepEqual(steps.map((v) => v.thread), ["A", "B", "A", "B", "A", "B"]);
  for (const s of [spec, dead, timeline]) assert.match(await renderSvg(s), /<svg/);
  assert.throws(() => plots.outcomes(42 as never), TypeError);
  const long = explore(retryNoBackoff()).livelocks[0];
  const rows = replay(retryNoBackoff(), [...long.prefix, ...long.cycle, ...long.cycle]);
  const svg = await renderSvg(plots.schedule(rows));
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
  assert.ok(width <= PRINT_WIDTH + 60, `a long schedule fits a printed page: ${width}px`);
  assert.throws(() => plots.schedule([{ nope: 1 }] as never), TypeError);
});
