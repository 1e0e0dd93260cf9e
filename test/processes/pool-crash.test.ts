// A child that dies mid-task fails that task only; the pool starts another and serves on;
// separate processes do not stop each other ("Si un processus crash, les autres processus
// peuvent continuer leur exécution").
import assert from "node:assert/strict";
import { test } from "node:test";
import { Process, ProcessPool, WorkerCrashedError } from "../../src/index.js";

function work(x: number): number {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  return x * 10;
}

test("exit, a crash signal and a memory limit each fail their own task; the pool serves on", { timeout: 60_000 }, async () => {
  const pool = new ProcessPool({ workers: 2, maxMemoryMb: 64 });
  try {
    const hog = () => {
      const kept: number[][] = [];
      for (;;) kept.push(new Array(1_000_000).fill(1.5));
    };
    const results = await Promise.allSettled([
      pool.submit(work, 1),
      pool.submit((code: number) => process.exit(code), 9),
      pool.submit(work, 2),
      pool.submit(() => process.kill(process.pid, "SIGSEGV")),
      pool.submit(work, 3),
      pool.submit(hog),
      pool.submit(work, 4),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ["fulfilled", "rejected", "fulfilled", "rejected", "fulfilled", "rejected", "fulfilled"],
    );
    const [exit, segv, oom] = [1, 3, 5].map((i) => (results[i] as PromiseRejectedResult).reason as WorkerCrashedError);
    assert.ok(exit instanceof WorkerCrashedError && exit.exitCode === 9, String(exit));
    assert.ok(segv instanceof WorkerCrashedError && segv.signal === "SIGSEGV" && /tué par SIGSEGV/.test(segv.message), String(segv));
    assert.ok(oom instanceof WorkerCrashedError && (oom.signal !== null || (oom.exitCode ?? 0) !== 0), String(oom));
    assert.deepEqual(await pool.map(work, [5, 6]), [50, 60]);
  } finally {
    await pool.close();
  }
});

test("one child process crashing does not stop the others", { timeout: 30_000 }, async () => {
  const job = (id: number) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100 + 50 * id);
    if (id === 2) process.kill(process.pid, "SIGKILL");
    return `child ${id} done`;
  };
  const children = [0, 1, 2, 3].map((id) => new Process(job, id).start());
  const results = await Promise.allSettled(children.map((c) => c.join()));
  assert.deepEqual(
    results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).name)),
    ["child 0 done", "child 1 done", "WorkerCrashedError", "child 3 done"],
  );
  assert.equal(children[2].exitCode, null, "killed by a signal, so no exit code");
  assert.equal(children[3].exitCode, 0);
});
