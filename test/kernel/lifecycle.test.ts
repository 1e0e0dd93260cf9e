// The kernel's life with the library: results, interrupts, re-runs and shutdown.
import assert from "node:assert/strict";
import { test } from "node:test";
import { descendants, KernelSession, outlived, streamOf, taskProcesses, threadCount } from "../helpers/kernel.js";

// These tests read the English messages (French is the default: see src/messages/).
process.env.CONCURRENCE_LANG = "en";

test("a cell's pool gives its result, and the stop button cancels a stuck task", { timeout: 120_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const squares = await kernel.execute(
    'import { ThreadPool, ProcessPool } from "concurrence";\nfunction f(x: number) { return x * x; }\nconsole.log(await new ThreadPool({ workers: 2 }).map(f, [1, 2, 3]));\nconsole.log(await new ProcessPool({ workers: 2 }).map(f, [1, 2, 3]));',
  );
  assert.equal(squares.reply.status, "ok", kernel.log);
  assert.equal(streamOf(squares), "[ 1, 4, 9 ]\n[ 1, 4, 9 ]\n");

  const stuck = await kernel.send("const pool = new ThreadPool({ workers: 1 });\nawait pool.submit(() => { for (;;); });");
  await new Promise((r) => setTimeout(r, 1500));
  await kernel.interrupt();
  const interrupted = await kernel.collect(stuck, 10);
  assert.equal(interrupted.reply.status, "error");
  assert.equal(interrupted.reply.ename, "KeyboardInterrupt");

  const after = await kernel.execute("f(7)");
  assert.equal(after.reply.status, "ok");
  assert.deepEqual(after.outputs.find((o) => o.msg_type === "execute_result")?.content.data, { "text/plain": "49" });
});

test("bad input in a cell gets a clear error, and the kernel goes on", { timeout: 120_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  await kernel.execute('import { ThreadPool } from "concurrence";\nconst factor = 3;');
  const captured = await kernel.execute("await new ThreadPool({ workers: 2 }).map((x: number) => x * factor, [1, 2]);");
  assert.equal(captured.reply.ename, "NotSelfContainedError");
  assert.match(String(captured.reply.evalue), /`factor`.*pass it as an argument/);
  for (const workers of ["0", "-1", "NaN", "1.5"]) {
    const bad = await kernel.execute(`new ThreadPool({ workers: ${workers} });`);
    assert.equal(bad.reply.ename, "RangeError");
    assert.match(String(bad.reply.evalue), /options.workers must be a positive integer/);
  }
  const notFunction = await kernel.execute("await new ThreadPool({ workers: 1 }).submit(42 as any);");
  assert.match(String(notFunction.reply.evalue), /fn must be a function, got `42` \(number\)/);
  assert.equal((await kernel.execute("factor * 2")).reply.status, "ok");
});

test("re-running a cell that makes a pool does not pile up threads or processes", { timeout: 180_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const cell = 'import { ThreadPool, ProcessPool } from "concurrence";\nconst tp = new ThreadPool({ workers: 2 });\nconst pp = new ProcessPool({ workers: 2 });\nawait tp.map((x: number) => x, [1, 2]);\nawait pp.map((x: number) => x, [1, 2]);';
  const first = await kernel.execute(cell, { cellId: "pool-cell" });
  assert.equal(first.reply.status, "ok", JSON.stringify(first.outputs));
  const threads = threadCount(kernel.pid);
  const children = taskProcesses(kernel.pid).length;
  for (let i = 0; i < 5; i++) assert.equal((await kernel.execute(cell, { cellId: "pool-cell" })).reply.status, "ok");
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(threadCount(kernel.pid) <= threads, `threads: ${threadCount(kernel.pid)} now, ${threads} after the first run`);
  assert.ok(taskProcesses(kernel.pid).length <= children, `children: ${taskProcesses(kernel.pid)}, ${children} after the first run`);
});

test("shutting the kernel down leaves no child process", { timeout: 120_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown()); // if an assertion fails first; a second shutdown does nothing
  const run = await kernel.execute('import { ProcessPool } from "concurrence";\nconst pp = new ProcessPool({ workers: 2 });\nawait pp.map((x: number) => x, [1, 2]);');
  assert.equal(run.reply.status, "ok");
  const children = descendants(kernel.pid);
  assert.ok(taskProcesses(kernel.pid).length >= 2, `the pool's children run: ${children}`);
  await kernel.shutdown();
  assert.deepEqual(await outlived(children), []);
});
