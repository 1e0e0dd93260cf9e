// Matrices and vectors as the GPU kernels take them, checked where they enter, and seeded
// random ones for demos. Checked inputs are copied to Float32Array: what the GPU computes in.
import { describe, positiveInteger } from "../options.js";
import { seededRandom } from "../random.js";
import { messages } from "../messages/index.js";

/** A matrix as an array of rows: `number[][]`, or `Float32Array[]` as the kernels return. */
export type Matrix = readonly ArrayLike<number>[];
/** A vector: `number[]` or a typed array. */
export type Vector = ArrayLike<number>;

export interface CheckedMatrix {
  rows: Float32Array[];
  height: number;
  width: number;
}

function isNumberRow(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** A vector's values as a Float32Array, or a TypeError/RangeError that says what is wrong. */
export function checkVector(name: string, value: unknown): Float32Array {
  if (!isNumberRow(value)) {
    throw new TypeError(messages().gpu.vector(name, describe(value)));
  }
  if (value.length === 0) throw new RangeError(messages().gpu.empty(name));
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== "number") throw new TypeError(messages().gpu.number(`${name}[${i}]`, describe(value[i])));
  }
  return Float32Array.from(value);
}

/** A matrix's rows as Float32Arrays, all of the same length. */
export function checkMatrix(name: string, value: unknown): CheckedMatrix {
  if (!Array.isArray(value) || value.length === 0 || !isNumberRow(value[0])) {
    throw new TypeError(messages().gpu.matrix(name, describe(value)));
  }
  const width = (value[0] as ArrayLike<number>).length;
  const rows = value.map((row: unknown, i) => {
    const checked = checkVector(`${name}[${i}]`, row);
    if (checked.length !== width) {
      throw new RangeError(messages().gpu.ragged(name, width, i, checked.length));
    }
    return checked;
  });
  return { rows, height: rows.length, width };
}

/** `a · b` needs as many columns in `a` as rows in `b`. */
export function checkProduct(a: CheckedMatrix, b: CheckedMatrix): void {
  if (a.width !== b.height) {
    throw new RangeError(messages().gpu.product(a.height, a.width, b.height, b.width));
  }
}

export function checkSameLength(a: Float32Array, b: Float32Array): void {
  if (a.length !== b.length) {
    throw new RangeError(messages().gpu.sameLength(a.length, b.length));
  }
}

/**
 * A `rows`×`cols` matrix of numbers drawn uniformly in [0, 1) from `seed`: the same seed, the same matrix.
 * @example const a = randomMatrix(256); // 256×256
 */
export function randomMatrix(rows: number, cols: number = rows, seed = 1): Float32Array[] {
  positiveInteger("rows", rows);
  positiveInteger("cols", cols);
  const random = seededRandom(seed);
  return Array.from({ length: rows }, () => Float32Array.from({ length: cols }, random));
}

/** `length` numbers drawn uniformly in [0, 1) from `seed`. */
export function randomVector(length: number, seed = 1): Float32Array {
  positiveInteger("length", length);
  return Float32Array.from({ length }, seededRandom(seed));
}
