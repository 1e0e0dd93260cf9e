// The hooks that the pool, thread, process, sync and io code calls, each behind one branch:
// `if (tracing.flags[0]) hook(...)`. They only turn what that code already knows into rows.
import { now, type TracePlace } from "./event.js";
import { outcomeOf, record, recordHere } from "./record.js";
import { inKernel } from "./state.js";

interface Pending {
  id: number;
  submitted: number;
  place: "thread" | "process";
  name: string;
  worker: number | null;
}

/** What a pool knows of one of its runs. */
interface RunLike {
  job: { name?: string };
}

/** Where and when a task ran, as its worker reported (see task/compile.ts). */
interface Timing {
  worker?: number;
  at?: number;
  ms?: number;
}

const pending = new Map<RunLike, Pending>();
const lastEnd = new Map<number, number>();
let nextId = 1;

/** Recording stopped: tasks still running are no one's to report. */
export function forgetTasks(): void {
  pending.clear();
  lastEnd.clear();
}

/** A pool took a task. */
export function taskSubmitted(run: RunLike, place: "thread" | "process"): void {
  pending.set(run, { id: nextId++, submitted: now(), place, name: run.job.name || "anonyme", worker: null });
}

/** The worker running a task that will end without an outcome (crashed or stopped). */
export function taskWorker(run: RunLike, worker: number): void {
  const task = pending.get(run);
  if (task && worker > 0) task.worker = worker;
}

/** A pool's task ended: with the worker's outcome, or without (a crash, a cancel, bad input). */
export function taskFinished(run: RunLike, ok: boolean, value: unknown, timing: Timing | undefined): void {
  const task = pending.get(run);
  if (!task) return; // submitted before the trace started
  pending.delete(run);
  const end = now();
  const worker = timing?.worker ?? task.worker;
  const outcome = ok ? "ok" : outcomeOf(value);
  let start = end;
  let stop = end;
  if (timing?.at !== undefined && timing.ms !== undefined) {
    start = timing.at;
    stop = timing.at + timing.ms;
  } else if (worker !== null) {
    // No report from a worker that died: it started this task when it was free and the task was there.
    start = Math.max(task.submitted, lastEnd.get(worker) ?? task.submitted);
  }
  if (worker !== null) lastEnd.set(worker, stop);
  const place: TracePlace = task.place;
  record({ kind: "queued", name: task.name, place, worker, start: task.submitted, end: start, outcome, id: task.id });
  record({ kind: "task", name: task.name, place, worker, start, end: stop, outcome, id: task.id });
}

/** A Thread or a Process started; its row is written when `ended` settles. */
export function lifeStarted(kind: "thread" | "process", worker: number | undefined, name: string, ended: Promise<unknown>): void {
  const start = now();
  const row = (outcome: ReturnType<typeof outcomeOf> | "ok") =>
    record({ kind, name, place: kind, worker: worker ?? null, start, end: now(), outcome });
  ended.then(
    () => row("ok"),
    (error: unknown) => row(outcomeOf(error)),
  );
}

/** A function's name from its source, for a Thread or a Process (an arrow function has none). */
export function nameOfSource(source: string): string {
  return /^\(?(?:async\s+)?function\s*\*?\s*([\w$]+)/.exec(source)?.[1] ?? "anonyme";
}

// Holds: when each primitive was taken, per holder object in this thread.
const held = new WeakMap<object, number[]>();

function holdStarted(holder: object, name: string, at: number): void {
  let starts = held.get(holder);
  if (!starts) held.set(holder, (starts = []));
  starts.push(at);
  recordHere("hold", name, at, NaN, "open");
}

/**
 * A wait of a sync primitive (`kind` "wait"), or a Queue's put or get, traced: an open row as it
 * starts (a wait that never ends still shows), the finished one after; a Lock or a Semaphore is
 * then held until `released`. `ready`, when given, is the fast path: no wait at all.
 */
export function tracedWait<T>(kind: "wait" | "put" | "get", holder: object, body: () => T | Promise<T>, ready?: () => boolean): T | Promise<T> {
  const name = holder.constructor.name;
  const holds = kind === "wait" && typeof (holder as { release?: unknown }).release === "function" && name !== "Condition";
  if (ready?.()) {
    if (holds) holdStarted(holder, name, now());
    return (inKernel ? Promise.resolve(true) : true) as T;
  }
  const start = now();
  recordHere(kind, name, start, NaN, "open");
  const done = (outcome: "ok" | ReturnType<typeof outcomeOf>) => {
    const end = now();
    recordHere(kind, name, start, end, outcome);
    if (holds && outcome === "ok") holdStarted(holder, name, end);
  };
  let result: T | Promise<T>;
  try {
    result = body();
  } catch (error) {
    done(outcomeOf(error));
    throw error;
  }
  if (!(result instanceof Promise)) {
    done(result === false ? "timeout" : "ok");
    return result;
  }
  return result.then(
    (value) => (done(value === false ? "timeout" : "ok"), value),
    (error: unknown) => {
      done(outcomeOf(error));
      throw error;
    },
  );
}

/** A Lock or a Semaphore released: the end of its hold in this thread. */
export function released(holder: object): void {
  const start = held.get(holder)?.pop();
  if (start !== undefined) recordHere("hold", holder.constructor.name, start, now(), "ok");
}

/** An HTTP request of io/; a worker thread reports only that it was one. */
export function tracedRequest<T>(url: string, attempt: Promise<T>): Promise<T> {
  const start = now();
  const name = inKernel ? new URL(url).pathname : "request";
  const row = (outcome: ReturnType<typeof outcomeOf> | "ok") => recordHere("request", name, start, now(), outcome);
  return attempt.then(
    (value) => (row("ok"), value),
    (error: unknown) => {
      row(outcomeOf(error));
      throw error;
    },
  );
}

export { tracing } from "./state.js";
export { traceRing, attachRing } from "./ring.js";
