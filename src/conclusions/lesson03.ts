// Lesson 03 (synchronisation): what the lock's trace and timings say.
import type { TraceEvent } from "../trace/index.js";
import { messages } from "../messages/index.js";

const text = () => messages().lessons0103;

/** Holds of one lock by different threads: never overlapping, or how many pairs overlap. */
export function lockHolds(holds: readonly Pick<TraceEvent, "worker" | "start" | "end">[]): string {
  let pairs = 0;
  for (let i = 0; i < holds.length; i++) {
    for (let j = i + 1; j < holds.length; j++) {
      const [a, b] = [holds[i], holds[j]];
      if (a.worker !== b.worker && a.start < b.end && b.start < a.end) pairs++;
    }
  }
  return pairs === 0 ? text().holdsApart(holds.length) : text().holdsOverlap(pairs);
}

/** The price of the lock: seconds with it over seconds without. */
export function lockCost(unlockedSeconds: number, lockedSeconds: number): string {
  return text().lockCost(lockedSeconds / unlockedSeconds);
}
