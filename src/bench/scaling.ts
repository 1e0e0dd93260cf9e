// Amdahl's and Gustafson's laws, and the serial fraction fitted to measured speed-ups.
import { isArray } from "../options.js";

/**
 * Amdahl's law (strong scaling: the same work shared by n workers): the speed-up when a share
 * `serial` of the work (0 to 1) cannot run in parallel. It never exceeds 1 / serial.
 * @example amdahl(0.1, 4) // 3.08
 */
export function amdahl(serial: number, workers: number): number {
  return 1 / (serial + (1 - serial) / workers);
}

/**
 * Gustafson's law (weak scaling: each worker gets as much work as one worker had): the scaled
 * speed-up when a share `serial` of the time on n workers is serial. It grows without bound.
 * @example gustafson(0.1, 4) // 3.7
 */
export function gustafson(serial: number, workers: number): number {
  return workers - serial * (workers - 1);
}

/** A measured speed-up: `workers` running the same total work `speedup` times faster than one. */
export interface SpeedupPoint {
  workers: number;
  speedup: number;
}

/** Amdahl's law fitted to measured speed-ups. */
export interface AmdahlFit {
  /** The fitted serial fraction, from 0 to 1. */
  serial: number;
  /** The speed-up it allows at most, 1 / serial (Infinity when serial is 0). */
  limit: number;
  /** Root mean square of (measured − fitted) speed-up over the points used. */
  rms: number;
  /** The points with more than one worker that the fit used. */
  points: number;
}

/**
 * Fits Amdahl's serial fraction f to measured strong-scaling speed-ups by least squares on
 * 1/S − 1/n = f (1 − 1/n), which is linear in f. Points with one worker carry no information
 * (S(1) = 1 whatever f is). f is kept within [0, 1]: a speed-up above n (cache effects, noise)
 * gives 0, a slowdown gives 1.
 * @example amdahlFit([{ workers: 1, speedup: 1 }, { workers: 2, speedup: 1.8 }]).serial // 0.111
 */
export function amdahlFit(points: readonly SpeedupPoint[]): AmdahlFit {
  isArray("points", points);
  const used = points.filter((p) => p.workers > 1);
  for (const [i, p] of points.entries()) {
    if (!(Number.isFinite(p?.workers) && p.workers >= 1 && Number.isFinite(p.speedup) && p.speedup > 0)) {
      throw new RangeError(`points[${i}] must have workers >= 1 and a positive, finite speedup, got ${JSON.stringify(p)}`);
    }
  }
  if (used.length === 0) throw new RangeError("points must hold at least one measurement with more than one worker: Amdahl's law is fitted to speed-ups");
  let num = 0;
  let den = 0;
  for (const p of used) {
    const a = 1 - 1 / p.workers;
    num += a * (1 / p.speedup - 1 / p.workers);
    den += a * a;
  }
  const serial = Math.min(1, Math.max(0, num / den));
  const rms = Math.sqrt(used.reduce((s, p) => s + (p.speedup - amdahl(serial, p.workers)) ** 2, 0) / used.length);
  return { serial, limit: serial === 0 ? Infinity : 1 / serial, rms, points: used.length };
}
