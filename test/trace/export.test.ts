import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { Lock, Process, Thread, ThreadPool, trace, traced } from "../../src/index.js";
import type { ChromeEvent, ChromeTrace } from "../../src/trace/index.js";

function spin(ms: number): number {
  const end = Date.now() + ms;
  while (Date.now() < end);
  return ms;
}

/** The Trace Event format's rules that viewers rely on (docs: "Trace Event Format", Google). */
function checkTraceEventFormat(json: ChromeTrace): void {
  assert.ok(Array.isArray(json.traceEvents), "JSON Object Format: a traceEvents array");
  const phases = new Set(["X", "M", "b", "e", "s", "f"]);
  for (const e of json.traceEvents) {
    assert.ok(phases.has(e.ph), `known phase ${e.ph}`);
    assert.equal(typeof e.name, "string");
    assert.ok(Number.isInteger(e.ts) && e.ts >= 0, "ts: integer microseconds");
    assert.ok(Number.isInteger(e.pid) && Number.isInteger(e.tid), "pid and tid: integers");
    if (e.ph === "X") assert.ok(Number.isInteger(e.dur) && e.dur! >= 0, "complete events have a duration");
    if (e.ph === "M") assert.ok(["process_name", "thread_name"].includes(e.name) && typeof e.args?.name === "string");
    if ("bp" in e) assert.equal(e.bp, "e");
  }
  const pairs = (start: string, end: string) => {
    const ids = (ph: string) => json.traceEvents.filter((e) => e.ph === ph).map((e) => `${e.cat}:${e.id}`).sort();
    assert.deepEqual(ids(start), ids(end), `every ${start} has its ${end}`);
  };
  pairs("b", "e");
  pairs("s", "f");
  // Slices on one thread nest (a viewer draws them as a stack).
  const byThread = new Map<string, ChromeEvent[]>();
  for (const e of json.traceEvents.filter((x) => x.ph === "X" && x.cat !== "submit")) {
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  for (const slices of byThread.values()) {
    slices.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: number[] = [];
    for (const s of slices) {
      while (stack.length && stack[stack.length - 1] <= s.ts) stack.pop();
      if (stack.length) assert.ok(s.ts + s.dur! <= stack[stack.length - 1] + 1, "a slice inside another ends inside it");
      stack.push(s.ts + s.dur!);
    }
  }
}

test("save() writes Trace Event JSON: named workers, X slices per task, flows from submit to start", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-trace-"));
  const pool = new ThreadPool({ workers: 2 });
  try {
    await pool.map(spin, [1, 1]);
    const lock = new Lock();
    const t = await traced(async () => {
      await pool.map(spin, [10, 10, 10, 10]);
      await lock.with(() => spin(2));
      await new Thread(spin, 5).start().join();
      await new Process(spin, 5).start().join();
    });
    const file = t.save(path.join(dir, "trace.json"));
    const json = JSON.parse(readFileSync(file, "utf8")) as ChromeTrace;
    checkTraceEventFormat(json);
    const events = json.traceEvents;
    const workers = new Set(t.tasks().map((e) => e.worker));
    const names = events.filter((e) => e.name === "thread_name");
    for (const worker of workers) assert.ok(names.some((e) => e.tid === worker && e.pid === process.pid), `thread_name for worker ${worker}`);
    assert.ok(events.some((e) => e.name === "process_name" && e.pid === process.pid));
    const slices = events.filter((e) => e.ph === "X" && e.cat === "task");
    assert.equal(slices.length, 4);
    assert.equal(events.filter((e) => e.ph === "s").length, 4, "one flow per task");
    for (const f of events.filter((e) => e.ph === "f")) {
      const slice = slices.find((s) => s.tid === f.tid && s.ts === f.ts);
      assert.ok(slice, "a flow ends where its task's slice starts");
    }
    assert.ok(events.some((e) => e.cat === "thread" && e.ph === "X"), "the Thread's life");
    assert.ok(events.some((e) => e.cat === "process" && e.ph === "X" && e.pid !== process.pid), "the Process, in its own pid");
    assert.ok(events.some((e) => e.cat === "hold" && e.name === "Lock"), "the kernel's hold of the lock");
  } finally {
    await pool.terminate();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("save() refuses to replace a file unless told, writes atomically and leaves no temporary file", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "concurrence-trace-"));
  try {
    const t = trace().stop();
    const file = path.join(dir, "trace.json");
    writeFileSync(file, "the student's file");
    assert.throws(() => t.save(file), (error: Error & { code?: string }) => error.code === "EEXIST" && /overwrite: true/.test(error.message));
    assert.equal(readFileSync(file, "utf8"), "the student's file", "kept");
    t.save(file, { overwrite: true });
    assert.ok(Array.isArray((JSON.parse(readFileSync(file, "utf8")) as ChromeTrace).traceEvents));
    assert.deepEqual(readdirSync(dir), ["trace.json"], "no temporary file left");
    assert.throws(() => t.save(""), RangeError);
    assert.throws(() => t.save(file, { overwrite: "yes" as unknown as boolean }), TypeError);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
