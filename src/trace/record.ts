// Where every hook's row goes: straight to the kernel's recorders, or into the ring from a
// worker thread. Open rows (a wait or a hold still going) are sent when they begin, so that a
// deadlock shows; the finished row with the same kind, worker and start replaces them.
import type { TraceEvent, TraceKind, TraceOutcome } from "./event.js";
import { pushEvent } from "./ring.js";
import { inKernel, tracing } from "./state.js";

export function record(event: TraceEvent): void {
  for (const sink of tracing.sinks) sink.add(event);
}

/** A row about this thread (the kernel's main thread, or a worker thread). */
export function recordHere(kind: TraceKind, name: string, start: number, end: number, outcome: TraceOutcome): void {
  if (inKernel) record({ kind, name, place: "kernel", worker: 0, start, end, outcome });
  else pushEvent(kind, name, start, end, outcome);
}

/** How an error ends a row: by the error classes' names, the same in every copy of the library. */
export function outcomeOf(error: unknown): TraceOutcome {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "WorkerCrashedError") return "crashed";
  if (name === "TaskTimeoutError" || name === "LockTimeoutError" || name === "QueueEmptyError" || name === "QueueFullError") return "timeout";
  if (name === "TaskCancelledError") return "cancelled";
  return "error";
}
