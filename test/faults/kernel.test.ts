// Faults through the real kernel: the stop button, re-runs and shutdown leave no stray thread
// or process, and the kernel lives on.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { descendants, KernelSession, outlived, streamOf, taskProcesses, threadCount } from "../helpers/kernel.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU seconds the process has used (user + system), from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function alive(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}

const SETUP = `import { ThreadPool, ProcessPool, Thread, Process, Queue, Pipe, Lock } from "concurrence";
function spin(x: number): number { for (;;); }
const tp = new ThreadPool({ workers: 2 });
const pp = new ProcessPool({ workers: 2 });
console.log(await tp.map((x: number) => x + 1, [1, 2]), await pp.map((x: number) => x + 1, [1, 2]));`;

test("the stop button cancels the cell's tasks and ends their workers within 1 s; the next cell runs", { timeout: 120_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  const setup = await kernel.execute(SETUP);
  assert.equal(setup.reply.status, "ok", kernel.log + JSON.stringify(setup.outputs));
  const before = new Set(taskProcesses(kernel.pid));

  const stuck = await kernel.send(`const lock = new Lock();
await lock.acquire();
const loners = [new Thread(spin, 1).start(), new Process(spin, 2).start()];
await Promise.all([tp.map(spin, [1, 2]), pp.map(spin, [1, 2]), lock.acquire(), ...loners.map((l) => l.join())]);`);
  // Wait until everything spins: two pool children and the Process burn CPU.
  let spinning: number[] = [];
  for (let i = 0; i < 100 && spinning.length < 1; i++) {
    await sleep(100);
    spinning = taskProcesses(kernel.pid).filter((pid) => !before.has(pid));
  }
  await sleep(500);
  const busyFrom = cpuSeconds(kernel.pid);
  await sleep(1000);
  const busy = cpuSeconds(kernel.pid) - busyFrom;
  assert.ok(busy > 0.2, `the stuck threads burn CPU before the interrupt: ${busy.toFixed(2)} s in 1 s`);
  const stuckChildren = [...before, ...spinning];

  const interruptedAt = Date.now();
  await kernel.interrupt();
  const interrupted = await kernel.collect(stuck, 10);
  assert.equal(interrupted.reply.status, "error");
  assert.equal(interrupted.reply.ename, "KeyboardInterrupt");
  await sleep(Math.max(0, 1000 - (Date.now() - interruptedAt)));
  assert.deepEqual(alive(stuckChildren), [], "within 1 s every stuck child process is gone");
  const idleFrom = cpuSeconds(kernel.pid);
  await sleep(1000);
  const used = cpuSeconds(kernel.pid) - idleFrom;
  assert.ok(used < Math.min(0.15, busy / 2), `the stuck worker threads are gone: the kernel used ${used.toFixed(2)} s of CPU in 1 s, ${busy.toFixed(2)} s before`);

  const next = await kernel.execute(`console.log(await tp.map((x: number) => x * 2, [1, 2]), await pp.map((x: number) => x * 2, [3]));`);
  assert.equal(next.reply.status, "ok", JSON.stringify(next.outputs));
  assert.equal(streamOf(next), "[ 2, 4 ] [ 6 ]\n", "the pools serve on");
});

test("20 re-runs of a cell that makes pools, threads, processes and queues leave no more threads or children than one", { timeout: 240_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown());
  assert.equal((await kernel.execute(SETUP)).reply.status, "ok", kernel.log);
  const cell = `const q = new Queue<number>();
const [here, there] = Pipe<number>();
const pool = new ThreadPool({ workers: 2 });
const children = new ProcessPool({ workers: 2 });
const reader = new Thread((queue: Queue<number>) => queue.get(), q).start(); // waits for ever
const echo = new Process(async (c: any) => { await c.send(1 + (await c.recv())); await c.recv(); }, there).start(); // waits for ever
await here.send(41);
const answer = await here.recv();
const work = await Promise.all([pool.map((x: number) => x + 1, [1, 2]), children.map((x: number) => x + 1, [1, 2])]);
console.log(answer, work);`;
  const first = await kernel.execute(cell, { cellId: "rerun" });
  assert.equal(first.reply.status, "ok", JSON.stringify(first.outputs) + kernel.log);
  assert.equal(streamOf(first), "42 [ [ 2, 3 ], [ 2, 3 ] ]\n");
  await sleep(300);
  const threads = threadCount(kernel.pid);
  const children = taskProcesses(kernel.pid).length;
  for (let run = 2; run <= 20; run++) {
    const again = await kernel.execute(cell, { cellId: "rerun" });
    assert.equal(again.reply.status, "ok", `run ${run}: ${JSON.stringify(again.outputs)}`);
  }
  await sleep(500);
  assert.ok(threadCount(kernel.pid) <= threads, `threads: ${threadCount(kernel.pid)} after 20 runs, ${threads} after the first`);
  assert.ok(taskProcesses(kernel.pid).length <= children, `children: ${taskProcesses(kernel.pid).length} after 20 runs, ${children} after the first`);
});

test("shutting the kernel down leaves no orphan, even children stuck in a loop", { timeout: 120_000 }, async (t) => {
  const kernel = await KernelSession.start();
  t.after(() => kernel.shutdown()); // if an assertion fails first; a second shutdown does nothing
  assert.equal((await kernel.execute(SETUP)).reply.status, "ok", kernel.log);
  const run = await kernel.execute(`pp.map(spin, [1, 2]);
const loner = new Process(spin, 3).start();
const thread = new Thread(spin, 4).start();
await new Promise((r) => setTimeout(r, 500));`);
  assert.equal(run.reply.status, "ok", JSON.stringify(run.outputs));
  const children = descendants(kernel.pid);
  assert.ok(taskProcesses(kernel.pid).length >= 3, `the children run: ${children}`);
  await kernel.shutdown();
  assert.deepEqual(await outlived(children), [], "no process of the kernel outlives it (the virtual display included)");
});
