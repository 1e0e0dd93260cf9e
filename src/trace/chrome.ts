// A trace as Chrome's Trace Event format, which ui.perfetto.dev and chrome://tracing open:
// "M" events name processes and threads, "X" slices are tasks, waits and holds, "b"/"e" async
// slices are what overlaps on one thread (queued tasks, requests), and "s"/"f" flows go from a
// task's submit on the kernel to its start on a worker.
import type { TraceEvent } from "./event.js";
import { laneName } from "./lanes.js";
import { messages } from "../messages/index.js";

export interface ChromeEvent {
  name: string;
  ph: "X" | "M" | "b" | "e" | "s" | "f" | "i";
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  cat?: string;
  id?: number;
  bp?: "e";
  s?: "t";
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: ChromeEvent[];
  displayTimeUnit: "ms";
  otherData: Record<string, unknown>;
}

const ASYNC = new Set(["queued", "request"]);

/** `kernelPid`: the kernel's process, where the kernel and its worker threads live. */
export function chromeTrace(events: readonly TraceEvent[], origin: number, kernelPid: number, dropped: number): ChromeTrace {
  const us = (ms: number) => Math.round((ms - origin) * 1000);
  const where = (e: TraceEvent) =>
    e.place === "process" && e.worker !== null ? { pid: e.worker, tid: e.worker } : { pid: kernelPid, tid: e.worker ?? 0 };
  const out: ChromeEvent[] = [];
  const named = new Set<string>();
  const meta = (e: TraceEvent) => {
    const { pid, tid } = where(e);
    if (named.has(`${pid}:${tid}`)) return;
    named.add(`${pid}:${tid}`);
    if (!named.has(`${pid}`)) {
      named.add(`${pid}`);
      const name = pid === kernelPid ? `${messages().trace.kernel} (pid ${pid})` : laneName(e);
      out.push({ name: "process_name", ph: "M", ts: 0, pid, tid, args: { name } });
    }
    out.push({ name: "thread_name", ph: "M", ts: 0, pid, tid, args: { name: laneName(e) } });
  };
  meta({ kind: "thread", name: "", place: "kernel", worker: 0, start: origin, end: origin, outcome: "ok" });
  const submits = new Map(events.filter((q) => q.kind === "queued").map((q) => [q.id, q.start]));
  let asyncId = 1;
  for (const e of events) {
    meta(e);
    const { pid, tid } = where(e);
    const args = { outcome: e.outcome, ...(e.id !== undefined ? { task: e.id } : {}) };
    // The kernel's main thread waits asynchronously: its rows overlap without nesting.
    if (ASYNC.has(e.kind) || e.place === "kernel") {
      const id = asyncId++;
      out.push({ name: e.name, cat: e.kind, ph: "b", ts: us(e.start), pid, tid, id, args });
      out.push({ name: e.name, cat: e.kind, ph: "e", ts: us(e.end), pid, tid, id });
      continue;
    }
    out.push({ name: e.name, cat: e.kind, ph: "X", ts: us(e.start), dur: Math.max(0, us(e.end) - us(e.start)), pid, tid, args });
    if (e.kind === "task" && e.id !== undefined && e.worker !== null) {
      const submit = submits.get(e.id);
      if (submit === undefined) continue;
      // A flow starts inside a slice: a one-microsecond "submit" slice on the kernel's thread.
      out.push({ name: `submit ${e.name}`, cat: "submit", ph: "X", ts: us(submit), dur: 1, pid: kernelPid, tid: 0, args: { task: e.id } });
      out.push({ name: "submit", cat: "flow", ph: "s", ts: us(submit), pid: kernelPid, tid: 0, id: e.id });
      out.push({ name: "submit", cat: "flow", ph: "f", bp: "e", ts: us(e.start), pid, tid, id: e.id });
    }
  }
  return { traceEvents: out, displayTimeUnit: "ms", otherData: { producer: "concurrence", dropped } };
}
