// What the checkers of notebooks 01 and 02 take as evidence that a thread or a process really
// ran during the student's call, rather than numbers computed in the kernel:
// - the library's trace, which records every Thread, Process and pool task with its threadId or pid;
// - the kernel's live children, sampled from /proc while the call runs (for a raw `fork`);
// - the messages posted to a raw `Worker` during the call, swapped in flight for a number that
//   only the worker then sees (for a raw `new Worker`);
// - the items given to a pool's `map` during the call, swapped for others that only the pool sees.
import { readdirSync, readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { traced, type TraceEvent } from "../trace/index.js";

/** Runs `call` under a trace; gives its result (or its error) and the rows recorded meanwhile. */
export async function withTrace<T>(call: () => Promise<T>): Promise<{ value?: T; error?: unknown; rows: TraceEvent[] }> {
  let value: T | undefined;
  let error: unknown;
  const t = await traced(async () => {
    try {
      value = await call();
    } catch (e) {
      error = e;
    }
    await new Promise((resolve) => setImmediate(resolve)); // the last rows of threads that just ended
  });
  return { value, error, rows: t.events };
}

/** The threadIds (or pids) that ran a Thread, a Process or a pool task in these rows. */
export function workersIn(rows: TraceEvent[], place: "thread" | "process"): Set<number> {
  const ids = new Set<number>();
  for (const r of rows) {
    if (r.place === place && (r.kind === place || r.kind === "task") && r.worker !== null && r.worker > 0) ids.add(r.worker);
  }
  return ids;
}

/** The pids whose parent is this process now, with their command line (Linux; empty elsewhere). */
function childrenNow(): Map<number, string> {
  const found = new Map<number, string>();
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${process.pid}/task`);
  } catch {
    return found;
  }
  for (const tid of tasks) {
    let list = "";
    try {
      list = readFileSync(`/proc/${process.pid}/task/${tid}/children`, "utf8");
    } catch {
      continue;
    }
    for (const pid of list.split(/\s+/).filter(Boolean).map(Number)) {
      if (found.has(pid)) continue;
      try {
        found.set(pid, readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]);
      } catch {
        found.set(pid, "");
      }
    }
  }
  return found;
}

/** Whether children can be sampled here at all (Linux's /proc/<pid>/task/<tid>/children). */
export function canSampleChildren(): boolean {
  try {
    readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8");
    return true;
  } catch {
    return false;
  }
}

/** Samples the kernel's children every few milliseconds until `stop()`, which gives every one seen. */
export function watchChildren(everyMs = 2): { stop(): Map<number, string> } {
  const seen = new Map<number, string>();
  const sample = () => {
    for (const [pid, cmd] of childrenNow()) if (!seen.has(pid) || !seen.get(pid)) seen.set(pid, cmd);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return seen;
    },
  };
}

/** Whether `pid` is still a running process (not a zombie). */
export function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/\) Z /.test(stat);
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

interface Swapped {
  /** Every raw Worker a number was posted to during the call. */
  workers: Worker[];
  /** Their threadIds, read when they received the number. */
  threadIds: number[];
  /** Those of them that have exited since. */
  exited: Set<Worker>;
  /** How many times `sent` was posted (and swapped for `seen`). */
  swaps: number;
  restore(): void;
}

/**
 * While it is in place, posting the number `sent` to any `Worker` posts `seen` instead: what the
 * worker sends back is then computed from a number that only the worker received.
 */
export function swapWorkerMessages(sent: number, seen: number): Swapped {
  const proto = Worker.prototype as { postMessage: (value: unknown, transfer?: unknown) => void };
  const original = proto.postMessage;
  const state: Swapped = {
    workers: [],
    exited: new Set(),
    threadIds: [],
    swaps: 0,
    restore: () => {
      proto.postMessage = original;
    },
  };
  proto.postMessage = function (this: Worker, value: unknown, transfer?: unknown) {
    if (value === sent) {
      state.swaps++;
      if (!state.workers.includes(this)) {
        state.workers.push(this);
        state.threadIds.push(this.threadId);
        this.once("exit", () => state.exited.add(this));
      }
      return original.call(this, seen, transfer);
    }
    return original.call(this, value, transfer);
  };
  return state;
}

/**
 * While it is in place, `map(fn, items)` of any pool of `Pool` whose items equal `sent` maps `seen`
 * instead: rows computed by the pool then come from numbers that only the pool received.
 */
export function swapMapItems(Pool: { prototype: object }, sent: readonly number[], seen: readonly number[]): { swaps: number; restore(): void } {
  const proto = Pool.prototype as { map: (...args: unknown[]) => unknown };
  const hadOwn = Object.prototype.hasOwnProperty.call(proto, "map");
  const original = proto.map;
  const state = {
    swaps: 0,
    restore: () => {
      if (hadOwn) proto.map = original;
      else delete (proto as { map?: unknown }).map;
    },
  };
  proto.map = function (this: unknown, fn: unknown, items: unknown, ...rest: unknown[]) {
    const list = Array.isArray(items) ? items : null;
    if (list && list.length === sent.length && list.every((x, i) => x === sent[i])) {
      state.swaps++;
      return original.call(this, fn, [...seen], ...rest);
    }
    return original.call(this, fn, items, ...rest);
  };
  return state;
}
