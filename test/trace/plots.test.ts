import assert from "node:assert/strict";
import { test } from "node:test";
import { plots, renderSvg, ThreadPool, traced, type TraceEvent } from "../../src/index.js";
import { concurrencySteps } from "../../src/plot/index.js";

function spin(ms: number): number {
  const end = Date.now() + ms;
  while (Date.now() < end);
  return ms;
}

test("plots.trace: one lane per worker, one bar per task, coloured by name or outcome; all three charts draw", async () => {
  const pool = new ThreadPool({ workers: 2 });
  try {
    await pool.map(spin, [1, 1]);
    const t = await traced(() => pool.map(spin, [15, 15, 15, 15, 15]));
    const spec = plots.trace(t) as unknown as { data: { values: Array<{ lane: string; kind: string; layer: string }> }; layer: Array<{ encoding?: { color?: { field: string } } }> };
    const bars = spec.data.values.filter((v) => v.kind === "task");
    assert.equal(bars.length, 5);
    assert.equal(new Set(bars.map((b) => b.lane)).size, 2, "two lanes");
    assert.equal(spec.layer[1].encoding!.color!.field, "name");
    const byOutcome = plots.trace(t, { color: "outcome" }) as unknown as { layer: Array<{ encoding?: { color?: { field: string } } }> };
    assert.equal(byOutcome.layer[1].encoding!.color!.field, "outcome");
    for (const chart of [plots.trace(t), plots.concurrency(t), plots.sequence(t)]) assert.match(await renderSvg(chart), /^<svg/);
    assert.throws(() => plots.trace(42 as never), TypeError);
  } finally {
    await pool.terminate();
  }
});

test("plots.concurrency counts what runs at once, as steps", () => {
  const row = (start: number, end: number): TraceEvent => ({ kind: "task", name: "f", place: "thread", worker: 1, start, end, outcome: "ok" });
  const steps = concurrencySteps([row(0, 1000), row(500, 1500), row(1000, 2000)]);
  assert.deepEqual(steps, [
    { seconds: 0, running: 1 },
    { seconds: 0.5, running: 2 },
    { seconds: 1, running: 2 },
    { seconds: 1.5, running: 1 },
    { seconds: 2, running: 0 },
  ]);
});
