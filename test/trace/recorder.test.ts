import assert from "node:assert/strict";
import { test } from "node:test";
import { Barrier, Lock, ProcessPool, Thread, ThreadPool, trace, traced, WorkerCrashedError, TaskCancelledError, type TraceEvent } from "../../src/index.js";
import { interruptAll } from "../../src/runtime/registry.js";
import { tracing } from "../../src/trace/index.js";

function spin(ms: number): number {
  const end = Date.now() + ms;
  let n = 0;
  while (Date.now() < end) n++;
  return n;
}

test("a pool's tasks: one row each, on their worker, submit before start before end, in start order", async () => {
  const pool = new ThreadPool({ workers: 2 });
  try {
    await pool.map(spin, [1]); // workers started: the trace sees tasks only
    const t = trace();
    await pool.map(spin, [20, 20, 20, 20, 20, 20]);
    t.stop();
    const tasks = t.tasks();
    assert.equal(tasks.length, 6);
    assert.ok(tasks.every((e) => e.outcome === "ok" && e.name === "spin" && e.place === "thread"));
    assert.equal(new Set(tasks.map((e) => e.worker)).size, 2, "both workers ran tasks");
    const events = t.events;
    for (let i = 1; i < events.length; i++) assert.ok(events[i - 1].start <= events[i].start, "rows come by start time");
    for (const task of tasks) {
      const queued = events.find((e) => e.kind === "queued" && e.id === task.id)!;
      assert.ok(queued.start <= task.start && queued.end === task.start && task.start <= task.end);
      assert.ok(task.start >= t.started && task.end <= t.stopped!);
    }
    // A worker runs one task at a time: its bars never overlap.
    for (const worker of new Set(tasks.map((e) => e.worker))) {
      const mine = tasks.filter((e) => e.worker === worker);
      for (let i = 1; i < mine.length; i++) assert.ok(mine[i - 1].end <= mine[i].start + 0.01);
    }
  } finally {
    await pool.terminate();
  }
});

test("a crashed task, a failing one and cancelled ones each end with their outcome; the others ok", async () => {
  const pool = new ThreadPool({ workers: 1 });
  const t = trace();
  try {
    const crash = (code: number) => process.exit(code);
    const fail = () => {
      throw new Error("boom");
    };
    const a = pool.submit(spin, 5);
    const b = pool.submit(crash, 3);
    const c = pool.submit(fail);
    await Promise.allSettled([a, b, c]);
    const running = pool.submit(spin, 5000);
    const queued = pool.submit(spin, 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(running.cancel() && queued.cancel());
    await assert.rejects(running, TaskCancelledError);
    await assert.rejects(queued, TaskCancelledError);
    await assert.rejects(b, WorkerCrashedError);
    t.stop();
    const byName = (name: string) => t.tasks().filter((e) => e.name === name);
    assert.deepEqual(
      t.tasks().map((e) => e.outcome).sort(),
      ["cancelled", "cancelled", "crashed", "error", "ok"],
    );
    assert.equal(byName("crash")[0].outcome, "crashed");
    assert.ok(byName("crash")[0].worker! > 0, "the crashed task stays on the lane of the worker that died");
    assert.equal(byName("fail")[0].outcome, "error");
    const cancelled = byName("spin").filter((e) => e.outcome === "cancelled");
    assert.equal(cancelled.filter((e) => e.worker === null).length, 1, "the queued one never started");
    assert.equal(cancelled.filter((e) => e.worker !== null).length, 1, "the running one had a worker");
  } finally {
    t.stop();
    await pool.terminate();
  }
});

test("lock waits inside worker threads reach the kernel, nested inside the task's time, waiting before holding", async () => {
  const lock = new Lock();
  const together = new Barrier(2);
  const hold = (l: Lock, b: Barrier, ms: number) => {
    b.wait(); // both ask for the lock at the same time: one of them waits
    l.acquire();
    const end = Date.now() + ms;
    while (Date.now() < end);
    l.release();
    return ms;
  };
  const t = await traced(() => Promise.all([new Thread(hold, lock, together, 400).start().join(), new Thread(hold, lock, together, 400).start().join()]));
  const waits = t.events.filter((e) => e.kind === "wait" && e.name === "Lock");
  const holds = t.events.filter((e) => e.kind === "hold" && e.name === "Lock");
  const lives = t.events.filter((e) => e.kind === "thread");
  assert.equal(holds.length, 2, "two holds");
  assert.equal(lives.length, 2, "two thread lives");
  assert.equal(waits.length, 1, "the second thread waited");
  for (const wait of waits) {
    const life = lives.find((l) => l.worker === wait.worker)!;
    assert.ok(life.start <= wait.start && wait.end <= life.end, "a wait lies inside its thread's life");
    const next = holds.find((h) => h.worker === wait.worker)!;
    assert.equal(next.start, wait.end, "the hold starts when the wait ends");
    const other = holds.find((h) => h.worker !== wait.worker)!;
    assert.ok(other.end <= next.start + 1, "it held once the other released");
  }
});

test("a wait that never ends shows, open, until the trace stops", async () => {
  const lock = new Lock();
  await lock.acquire();
  const t = trace();
  const forever = (l: Lock) => l.acquire();
  const thread = new Thread(forever, lock).start();
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    t.stop();
    const open = t.events.filter((e) => e.kind === "wait" && e.outcome === "open");
    assert.equal(open.length, 1);
    assert.equal(open[0].end, t.stopped);
  } finally {
    await thread.terminate();
    lock.release();
  }
});

test("nested traces: the inner one sees only its block, the outer one everything", async () => {
  const pool = new ThreadPool({ workers: 1 });
  try {
    await pool.submit(spin, 1);
    const outer = trace();
    await pool.submit(spin, 5);
    const inner = await traced(() => pool.map(spin, [5, 5]));
    await pool.submit(spin, 5);
    outer.stop();
    assert.equal(inner.tasks().length, 2);
    assert.equal(outer.tasks().length, 4);
    assert.ok(inner.started > outer.started && inner.stopped! < outer.stopped!);
  } finally {
    await pool.terminate();
  }
});

test("recording is off once every trace stopped, and nothing more is kept", async () => {
  const pool = new ThreadPool({ workers: 1 });
  try {
    const t = trace();
    assert.equal(tracing.flags[0], 1);
    t.stop();
    assert.equal(tracing.flags[0], 0);
    await pool.map(spin, [1, 1]);
    assert.equal(t.events.length, 0);
  } finally {
    await pool.terminate();
  }
});

test("past its limit a trace keeps no more rows and says how many it dropped", async () => {
  const pool = new ThreadPool({ workers: 1 });
  try {
    const t = trace({ limit: 5 });
    await pool.map(spin, [0, 0, 0, 0, 0, 0]); // 12 rows: queued + task each
    t.stop();
    assert.equal(t.events.length, 5);
    assert.equal(t.dropped, 7);
    assert.match(String(t), /7 événements perdus|7 events dropped/);
    assert.throws(() => trace({ limit: 0 }), RangeError);
  } finally {
    await pool.terminate();
  }
});

test("a worker writing faster than the kernel drains loses events to the bounded ring, counted", async () => {
  const lock = new Lock();
  const many = (l: Lock, n: number) => {
    for (let i = 0; i < n; i++) {
      l.acquire();
      l.release();
    }
    return n;
  };
  const N = 100_000; // two rows each (open, then held), far over the ring's 16384 between two drains
  const t = await traced(() => new Thread(many, lock, N).start().join());
  const holds = t.events.filter((e: TraceEvent) => e.kind === "hold" && e.outcome === "ok").length;
  assert.ok(t.dropped > 0, "some were dropped");
  assert.ok(holds < N, `not all holds kept: ${holds}`);
  assert.ok(holds + t.dropped >= N, `every hold is either kept or counted: ${holds} + ${t.dropped}`);
});

test("a ProcessPool's tasks sit on their child's lane (its pid); a child that exits mid-task is a crashed task there", async () => {
  const pool = new ProcessPool({ workers: 2 });
  try {
    await pool.map(spin, [1, 1]);
    const t = trace();
    const die = (code: number) => process.exit(code);
    await pool.map(spin, [10, 10, 10, 10]);
    await assert.rejects(pool.submit(die, 9), WorkerCrashedError);
    t.stop();
    const tasks = t.tasks();
    assert.equal(tasks.length, 5);
    assert.ok(tasks.every((e) => e.place === "process" && e.worker! > 0 && e.worker !== process.pid));
    const crashed = tasks.filter((e) => e.outcome === "crashed");
    assert.equal(crashed.length, 1);
    assert.equal(crashed[0].name, "die");
  } finally {
    await pool.terminate();
  }
});

test("the stop button (an interrupt) stops a trace", () => {
  const t = trace();
  interruptAll(new Error("stop"));
  assert.equal(t.recording, false);
  assert.equal(tracing.flags[0], 0);
});
