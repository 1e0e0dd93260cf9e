// Lesson 09 (factorisation): start-up against work, the best version, and orphaned tasks.
import { messages } from "../messages/index.js";
import type { PoolStats } from "../pool/stats.js";

/** Whether starting the workers costs more than the work they would share (09). */
export function startupVersusWork(m: { what: string; startSeconds: number; count: number; workSeconds: number }): string {
  const t = messages().lesson09;
  const count = m.count.toLocaleString("fr-FR");
  return m.startSeconds > m.workSeconds
    ? t.startupCostlier(m.what, m.startSeconds, count, m.workSeconds)
    : t.workCostlier(m.what, m.startSeconds, count, m.workSeconds);
}

/** The fastest of the parallel versions, and whether it beat the sequential one by more than 10 %. */
export function bestVersion(versions: ReadonlyArray<{ version: string; speedup: number }>): string {
  if (versions.length === 0) throw new RangeError("bestVersion needs at least one version");
  const best = versions.reduce((a, b) => (b.speedup > a.speedup ? b : a));
  const t = messages().lesson09;
  return best.speedup > 1.1 ? t.bestParallel(best.version, best.speedup) : t.noneFaster(best.version, best.speedup);
}

/**
 * Whether a pool's statistics, read after leaving a scope, show tasks that are neither finished
 * nor cancelled (submitted − completed − failed − cancelled): orphans, running or waiting.
 */
export function orphanedTasks(stats: Pick<PoolStats, "submitted" | "completed" | "failed" | "cancelled" | "running">): string {
  const t = messages().lesson09;
  const unsettled = stats.submitted - stats.completed - stats.failed - stats.cancelled;
  return unsettled <= 0 ? t.noOrphan(stats.cancelled) : t.orphans(Math.min(stats.running, unsettled), Math.max(0, unsettled - stats.running));
}
