// Re-runs from a client that sends no cellId (nbclient, jupyter console) get no disposal: the
// old pools stay registered. Their idle workers must still go back (src/pool/idle.ts). The
// cell sets a short idleTimeoutMs to keep the test short; the 30 s default is a unit test
// (test/pool/idle.test.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { KernelSession, taskProcesses, threadCount } from "../helpers/kernel.js";

const RERUNS = 20;

test(`${RERUNS} re-runs without a cellId, then idleness, leave the kernel within 2 threads of where it started`, { timeout: 300_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const ready = await kernel.execute('import { ThreadPool, ProcessPool } from "concurrence";\nfunction sq(x: number) { return x * x; }');
  assert.equal(ready.reply.status, "ok", kernel.log);
  const threads = threadCount(kernel.pid);
  const children = taskProcesses(kernel.pid).length;

  const cell = "const pool = new ThreadPool({ workers: 2, idleTimeoutMs: 3000 });\nconst procs = new ProcessPool({ workers: 2, idleTimeoutMs: 3000 });\nawait pool.map(sq, [1, 2, 3, 4]);\nawait procs.map(sq, [1, 2, 3, 4]);";
  let most = threads;
  for (let i = 0; i < RERUNS; i++) {
    const run = await kernel.execute(cell);
    assert.equal(run.reply.status, "ok", JSON.stringify(run.outputs));
    most = Math.max(most, threadCount(kernel.pid));
  }

  const deadline = Date.now() + 60_000;
  while ((threadCount(kernel.pid) > threads + 2 || taskProcesses(kernel.pid).length > children) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  t.diagnostic(`kernel threads: ${threads} at the start, up to ${most} during the re-runs, ${threadCount(kernel.pid)} after idling`);
  assert.ok(threadCount(kernel.pid) <= threads + 2, `threads: ${threadCount(kernel.pid)} now, ${threads} at the start`);
  assert.ok(taskProcesses(kernel.pid).length <= children, `child processes left: ${taskProcesses(kernel.pid).join(", ")}`);

  // The last pool still serves: its workers come back for the next task (all of a ThreadPool's at once).
  const again = await kernel.execute("await pool.map(sq, [5]);\nawait procs.map(sq, [6]);\n[pool.stats().alive, procs.stats().alive]");
  assert.deepEqual(again.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": "[ 2, 1 ]" });
});
