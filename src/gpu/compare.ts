// Is a result right? Compared with its CPU reference, value by value, within a tolerance:
// float32 sums done in another order differ in their last digits, and that is fine.
import { ResultMismatchError } from "../errors.js";
import { describe, nonNegativeNumber, plainObject } from "../options.js";
import type { Matrix, Vector } from "./inputs.js";
import { messages } from "../messages/index.js";

export interface CompareOptions {
  /** Allowed difference relative to the expected value. @default 1e-4 */
  rtol?: number;
  /** Allowed absolute difference, for values near zero. @default 1e-5 */
  atol?: number;
}

export interface Comparison {
  /** Values compared. */
  total: number;
  /** Values where |actual - expected| > atol + rtol·|expected|. */
  mismatches: number;
  maxAbsError: number;
  maxRelError: number;
  /** True when no value is off. */
  ok: boolean;
}

function flatten(name: string, value: unknown): ArrayLike<number> {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return value as unknown as ArrayLike<number>;
  if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === "object") return value.flatMap((row: ArrayLike<number>) => Array.from(row));
    return value as number[];
  }
  if (typeof value === "object" && value !== null && "counts" in value) return flatten(name, (value as { counts: unknown }).counts);
  throw new TypeError(messages().gpu.comparable(name, describe(value)));
}

/**
 * Compares a result with its reference value by value.
 * @example compare(gpu.matmul(a, b), matmulCpu(a, b)).ok // true
 */
export function compare(actual: Vector | Matrix | { counts: Vector }, expected: Vector | Matrix | { counts: Vector }, options: CompareOptions = {}): Comparison {
  const opts = plainObject("options", options);
  const rtol = nonNegativeNumber("options.rtol", opts.rtol ?? 1e-4);
  const atol = nonNegativeNumber("options.atol", opts.atol ?? 1e-5);
  const x = flatten("actual", actual);
  const y = flatten("expected", expected);
  if (x.length !== y.length) throw new RangeError(messages().gpu.shapes(x.length, y.length));
  let mismatches = 0;
  let maxAbsError = 0;
  let maxRelError = 0;
  for (let i = 0; i < x.length; i++) {
    const error = Math.abs(x[i] - y[i]);
    const scale = Math.abs(y[i]);
    if (!(error <= atol + rtol * scale) && !(Object.is(x[i], y[i]) || x[i] === y[i])) mismatches++;
    if (error > maxAbsError) maxAbsError = error;
    if (scale > 0 && error / scale > maxRelError) maxRelError = error / scale;
  }
  return { total: x.length, mismatches, maxAbsError, maxRelError, ok: mismatches === 0 };
}

/** Like `compare`, but throws a ResultMismatchError that says how far off the result is. */
export function assertClose(actual: Vector | Matrix | { counts: Vector }, expected: Vector | Matrix | { counts: Vector }, options: CompareOptions = {}): Comparison {
  const result = compare(actual, expected, options);
  if (!result.ok) {
    throw new ResultMismatchError(
      messages().gpu.mismatch(result.mismatches, result.total, result.maxAbsError.toPrecision(3), result.maxRelError.toPrecision(3)),
      result.mismatches,
      result.maxAbsError,
    );
  }
  return result;
}
