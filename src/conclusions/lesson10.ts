// Lesson 10 (concurrency and parallelism): the crawler's barrier, and Amdahl's serial fraction.
import type { AmdahlFit } from "../bench/scaling.js";
import { messages } from "../messages/index.js";

/** Whether crawling without waiting for each whole level was faster than level by level. */
export function barrierCost(m: { levelSeconds: number; queueSeconds: number }): string {
  const t = messages().lesson10;
  return m.levelSeconds / m.queueSeconds > 1.1 ? t.barrierWastes(m.levelSeconds, m.queueSeconds) : t.barrierCheap(m.levelSeconds, m.queueSeconds);
}

/**
 * What the fitted serial fraction means (its ceiling 1/f), and how it compares with the serial
 * share measured directly (time outside the parallel part over the time on one worker).
 */
export function amdahlVerdict(fit: Pick<AmdahlFit, "serial" | "limit">, measuredSerial: number): string {
  const t = messages().lesson10;
  const first = fit.serial < 0.02 ? t.amdahlTiny(fit.serial) : t.amdahlLimit(fit.serial, fit.limit);
  const gap = fit.serial - measuredSerial;
  const second = Math.abs(gap) <= Math.max(0.03, 0.5 * measuredSerial) ? t.serialMatches(measuredSerial) : gap > 0 ? t.serialLarger(measuredSerial) : t.serialSmaller(measuredSerial);
  return `${first}\n${second}`;
}
