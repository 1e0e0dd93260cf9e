// The "What it must show", through the real kernel: a traced ThreadPool.map drawn as one
// lane per worker and one bar per task, with the right outcomes, and saved as Trace Event JSON.
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { KernelSession, streamOf } from "../helpers/kernel.js";

const CELL = `import { trace, ThreadPool, show, plots } from "concurrence";
function f(x: number): number {
  let s = 0;
  for (let i = 0; i < 200000; i++) s += i % (x + 2);
  return s;
}
const items = [1, 2, 3, 4, 5, 6, 7, 8];
const t = trace();
const pool = new ThreadPool({ workers: 2 });
await pool.map(f, items);
const crashed = await pool.submit(function crash(code: number) { process.exit(code); }, 7).catch((e) => e.name);
t.stop();
console.log("crash:", crashed);
show(plots.trace(t));`;

test("in the kernel: trace() around ThreadPool.map gives one lane per worker, one bar per task, outcomes and a Trace Event file", { timeout: 180_000 }, async (t) => {
  const file = path.join(os.tmpdir(), `concurrence-trace-${process.pid}.json`);
  const kernel = await KernelSession.start();
  t.after(async () => {
    rmSync(file, { force: true });
    await kernel.shutdown();
  });
  const run = await kernel.execute(CELL, { timeout: 120 });
  assert.equal(run.reply.status, "ok", kernel.log + JSON.stringify(run.outputs));
  assert.match(streamOf(run), /crash: WorkerCrashedError/);
  const display = run.outputs.find((o) => o.msg_type === "display_data")!;
  const data = display.content.data as Record<string, unknown>;
  assert.ok(data["image/svg+xml"], "the chart's SVG for exports");
  const spec = data["application/vnd.vegalite.v5+json"] as { data: { values: Array<{ kind: string; lane: string; outcome: string }> } };
  const bars = spec.data.values.filter((v) => v.kind === "task");
  assert.equal(bars.length, 9, "one bar per task: 8 items and the crash");
  assert.equal(new Set(bars.map((b) => b.lane)).size, 2, "one lane per worker");
  assert.deepEqual(bars.map((b) => b.outcome).sort(), ["crashed", ...Array(8).fill("ok")]);

  const saved = await kernel.execute(`const tasks = t.tasks();
console.log(JSON.stringify({ file: t.save(${JSON.stringify(file)}), count: tasks.length, outcomes: tasks.map((e) => e.outcome), workers: [...new Set(tasks.map((e) => e.worker))] }));
await pool.close();`);
  assert.equal(saved.reply.status, "ok", kernel.log + JSON.stringify(saved.outputs));
  const summary = JSON.parse(streamOf(saved)) as { file: string; count: number; outcomes: string[]; workers: number[] };
  assert.equal(summary.count, 9);
  assert.equal(summary.outcomes.filter((o) => o === "crashed").length, 1);
  const json = JSON.parse(readFileSync(summary.file, "utf8")) as { traceEvents: Array<{ ph: string; ts: number; pid: number; tid: number; name: string }> };
  for (const e of json.traceEvents) assert.ok(typeof e.ph === "string" && Number.isFinite(e.ts) && Number.isInteger(e.pid) && Number.isInteger(e.tid));
  for (const worker of summary.workers) {
    assert.ok(json.traceEvents.some((e) => e.ph === "M" && e.name === "thread_name" && e.tid === worker), `a thread_name for worker ${worker}`);
  }
});
