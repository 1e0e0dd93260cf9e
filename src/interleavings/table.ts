// A replayed schedule as a step-by-step table: which thread moved, which line it ran, its
// step's label, and the shared state after the step (one column per shared field).
import { table, type Row } from "../display/index.js";
import { messages } from "../messages/index.js";
import type { ReplayRow } from "./replay.js";

/** The rows of the table, plain data (for tests, or another display). */
export function scheduleRows(rows: readonly ReplayRow[]): Row[] {
  const m = messages().interleavings;
  if (!Array.isArray(rows)) throw new TypeError(m.notRows(typeof rows));
  return rows.map((r) => {
    const shared = typeof r.shared === "object" && r.shared !== null && !Array.isArray(r.shared) ? (r.shared as Record<string, unknown>) : { shared: r.shared };
    return {
      [m.step]: r.step,
      thread: r.thread,
      [m.line]: r.line ?? "",
      [m.label]: r.error ? `${r.label} : ${r.error}` : r.label,
      ...shared,
    };
  });
}

/**
 * Shows a replayed schedule as a table, one row per step.
 * @example scheduleTable(replay(perte, ["A", "B", "A", "B", "A", "B"]));
 */
export function scheduleTable(rows: readonly ReplayRow[], caption?: string): void {
  table(scheduleRows(rows), caption ? { caption } : {});
}
