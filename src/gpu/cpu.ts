// CPU references: the same computations in plain JavaScript, the yardstick for the kernels'
// results and for their timings.
import { ELEMENTWISE_OPS, type ElementwiseOp } from "./kernels.js";
import { checkMatrix, checkProduct, checkSameLength, checkVector, type Matrix, type Vector } from "./inputs.js";
import { mandelbrotView, type MandelbrotOptions, type MandelbrotResult } from "./mandelbrot.js";
import { messages } from "../messages/index.js";

const OPERATIONS: Record<ElementwiseOp, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  divide: (x, y) => x / y,
  min: Math.min,
  max: Math.max,
};

export function checkOp(op: unknown): ElementwiseOp {
  if (typeof op !== "string") throw new TypeError(messages().gpu.op(ELEMENTWISE_OPS.join(", "), `\`${String(op)}\` (${typeof op})`));
  if (!(ELEMENTWISE_OPS as string[]).includes(op)) throw new RangeError(messages().gpu.op(ELEMENTWISE_OPS.join(", "), `"${op}"`));
  return op as ElementwiseOp;
}

/** a·b in plain JavaScript, summed in double precision: the reference for `Gpu.matmul`. */
export function matmulCpu(a: Matrix, b: Matrix): Float32Array[] {
  const left = checkMatrix("a", a);
  const right = checkMatrix("b", b);
  checkProduct(left, right);
  const sums = new Float64Array(right.width);
  return left.rows.map((row) => {
    sums.fill(0);
    // i-k-j order: the inner loop walks a row of b, contiguous in memory.
    for (let k = 0; k < left.width; k++) {
      const aik = row[k];
      const bk = right.rows[k];
      for (let j = 0; j < right.width; j++) sums[j] += aik * bk[j];
    }
    return Float32Array.from(sums);
  });
}

/** c[i] = a[i] op b[i] in plain JavaScript: the reference for `Gpu.elementwise`. */
export function elementwiseCpu(op: ElementwiseOp, a: Vector, b: Vector): Float32Array {
  const f = OPERATIONS[checkOp(op)];
  const x = checkVector("a", a);
  const y = checkVector("b", b);
  checkSameLength(x, y);
  return x.map((value, i) => f(value, y[i]));
}

/**
 * The Mandelbrot counts in plain JavaScript: the reference for `Gpu.mandelbrot`. It computes in
 * double precision, the GPU in single (float32): on the edge of the set, where a rounding
 * decides whether a point escapes, a few pixels differ.
 */
export function mandelbrotCpu(options: MandelbrotOptions = {}): MandelbrotResult {
  const { width, height, maxIterations, left, top, step } = mandelbrotView(options);
  const counts = new Float32Array(width * height);
  for (let py = 0; py < height; py++) {
    const cy = top - py * step;
    for (let px = 0; px < width; px++) {
      const cx = left + px * step;
      let x = 0;
      let y = 0;
      let count = 0;
      while (count < maxIterations && x * x + y * y <= 4) {
        const next = x * x - y * y + cx;
        y = 2 * x * y + cy;
        x = next;
        count++;
      }
      counts[py * width + px] = count;
    }
  }
  return { width, height, maxIterations, counts };
}
