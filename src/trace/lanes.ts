// One lane per place that runs things: the kernel, each worker thread, each child process.
import type { TraceEvent } from "./event.js";
import { messages } from "../messages/index.js";

export function laneName(event: Pick<TraceEvent, "place" | "worker">): string {
  const t = messages().trace;
  if (event.worker === null) return t.notStarted;
  if (event.place === "kernel") return t.kernel;
  return event.place === "thread" ? t.thread(event.worker) : t.process(event.worker);
}

/** The kernel first, then threads, then processes, each by number; tasks never started last. */
export function laneOrder(a: Pick<TraceEvent, "place" | "worker">, b: Pick<TraceEvent, "place" | "worker">): number {
  const rank = (e: Pick<TraceEvent, "place" | "worker">) => (e.worker === null ? 3 : e.place === "kernel" ? 0 : e.place === "thread" ? 1 : 2);
  return rank(a) - rank(b) || (a.worker ?? 0) - (b.worker ?? 0);
}

/**
 * Rows that overlap in one lane without nesting (requests in flight on the kernel, waits
 * inside a task) go to extra rows of that lane: gives each row's row number, 0 first.
 */
export function stackRows(events: readonly TraceEvent[]): number[] {
  const ends = new Map<string, number[]>();
  return events.map((e) => {
    const lane = `${e.place}:${e.worker}`;
    let rows = ends.get(lane);
    if (!rows) ends.set(lane, (rows = []));
    let row = rows.findIndex((end) => end <= e.start);
    if (row < 0) row = rows.push(e.end) - 1;
    else rows[row] = e.end;
    return row;
  });
}
