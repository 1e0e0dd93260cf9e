// Whether anything is recorded, readable in one branch from every thread: `tracing.flags[0]`.
// On the kernel's main thread the flags live in the shared ring (see ring.ts), which every worker
// thread attaches at start, so a trace started in a cell turns recording on in running workers too.
// The state sits on globalThis: two copies of the library in one kernel share one recorder.
import { isMainThread } from "node:worker_threads";
import type { TraceEvent } from "./event.js";

/** What a recorder receives: finished rows, and the count of rows the ring dropped. */
export interface Sink {
  add(event: TraceEvent): void;
  /** Drops counted by the ring since the previous call. */
  lost(count: number): void;
}

interface TraceState {
  /** flags[0] is non-zero while some trace records. */
  flags: Int32Array;
  sinks: Set<Sink>;
  ring: SharedArrayBuffer | undefined;
}

const KEY = Symbol.for("concurrence.trace.state");
type Globals = typeof globalThis & { [KEY]?: TraceState };

function shared(): TraceState {
  const g = globalThis as Globals;
  g[KEY] ??= { flags: new Int32Array(1), sinks: new Set(), ring: undefined };
  return g[KEY];
}

/** The flag every hook reads: `if (tracing.flags[0]) …`. */
export const tracing: TraceState = shared();

/** Whether this thread records into sinks itself (the kernel) or into the ring (a worker thread). */
export const inKernel = isMainThread;
