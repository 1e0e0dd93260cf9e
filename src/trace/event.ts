/** What a row is about. */
export type TraceKind =
  | "task" // a pool task running on its worker
  | "queued" // a pool task between its submit and its start
  | "thread" // a Thread's life
  | "process" // a Process's life
  | "wait" // waiting for a Lock, Semaphore, Condition, Barrier or Event
  | "hold" // holding a Lock or a Semaphore
  | "put" // Queue.put / Connection.send, with its wait
  | "get" // Queue.get / Connection.recv, with its wait
  | "request"; // an HTTP request of io/ (downloads, crawls)

/** How it ended. "open": still going when the trace stopped (a deadlock shows so). */
export type TraceOutcome = "ok" | "error" | "crashed" | "cancelled" | "timeout" | "open";

/** Where it ran: the kernel's main thread, a worker thread (`worker` is its threadId) or a child process (its pid). */
export type TracePlace = "kernel" | "thread" | "process";

/**
 * One row of a trace. Times are milliseconds on one clock shared by every thread and process
 * (`performance.timeOrigin + performance.now()`).
 */
export interface TraceEvent {
  kind: TraceKind;
  /** The function's name for a task or a thread, the primitive (`Lock`…) for a wait, the URL for a request. */
  name: string;
  place: TracePlace;
  /** A threadId or a pid; 0 for the kernel; null for a task cancelled before it started. */
  worker: number | null;
  start: number;
  end: number;
  outcome: TraceOutcome;
  /** A task's number in this trace, shared by its "queued" and "task" rows. */
  id?: number;
}

/** The shared clock. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
