// Beyond pools: queues, semaphores, barriers and HTTP requests reach a trace too.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Barrier, Queue, Semaphore, Thread, demoServer, downloadConcurrent, traced } from "../../src/index.js";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

test("a Queue's get waits in the kernel until a thread puts; a Semaphore and a Barrier wait in threads", async () => {
  const queue = new Queue<number>();
  const gate = new Semaphore(1);
  const meet = new Barrier(2);
  const putLater = (q: Queue<number>, s: Semaphore, b: Barrier) => {
    b.wait();
    s.acquire();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    s.release();
    q.put(42);
  };
  const meetOnly = (b: Barrier, s: Semaphore) => {
    b.wait();
    s.acquire();
    s.release();
  };
  const t = await traced(async () => {
    const a = new Thread(putLater, queue, gate, meet).start();
    const b = new Thread(meetOnly, meet, gate).start();
    assert.equal(await queue.get(), 42);
    await Promise.all([a.join(), b.join()]);
  });
  const get = t.events.find((e) => e.kind === "get" && e.place === "kernel");
  assert.ok(get && get.name === "Queue" && get.end - get.start >= 90, `the kernel waited for the item: ${JSON.stringify(get)}`);
  assert.ok(t.events.some((e) => e.kind === "put" && e.place === "thread"), "the thread's put");
  assert.ok(t.events.some((e) => e.kind === "wait" && e.name === "Barrier"), "a barrier wait");
  assert.equal(t.events.filter((e) => e.kind === "hold" && e.name === "Semaphore").length, 2, "two holds of the semaphore");
});

test("downloads record one request row each, overlapping when concurrent", async () => {
  const server = await demoServer({ latencyMs: 80 });
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-trace-io-"));
  try {
    const jobs = Array.from({ length: 4 }, (_, i) => ({ url: server.imageUrl(40, 20, "sports", i), file: path.join(dir, `${i}.png`) }));
    const t = await traced(() => downloadConcurrent(jobs, { concurrency: 4 }));
    const requests = t.events.filter((e) => e.kind === "request");
    assert.equal(requests.length, 4);
    assert.ok(requests.every((r) => r.outcome === "ok" && r.name.startsWith("/images/")));
    const latestStart = Math.max(...requests.map((r) => r.start));
    const earliestEnd = Math.min(...requests.map((r) => r.end));
    assert.ok(latestStart < earliestEnd, "all four were in flight at once");
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
