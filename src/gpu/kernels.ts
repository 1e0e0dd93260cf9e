// The kernels, written in the subset of JavaScript that gpu.js translates (to GLSL, to
// WebAssembly, or to plain JavaScript). Each one computes ONE output value: the one at
// `this.thread` (x is the column, y the row). gpu.js runs it once per output value.

/** What gpu.js gives a kernel as `this`: which output value it computes, and the constants. */
export interface KernelThis {
  thread: { x: number; y: number; z: number };
  output: { x: number; y: number; z: number };
  constants: Record<string, number>;
}

/** One value of a·b: the dot product of row `y` of a and column `x` of b. */
export function matmulKernel(this: KernelThis, a: number[][], b: number[][]): number {
  let sum = 0;
  for (let i = 0; i < this.constants.inner; i++) {
    sum += a[this.thread.y][i] * b[i][this.thread.x];
  }
  return sum;
}

/** The iterations of z -> z² + c before |z| > 2 (at most maxIterations), for the pixel's c. */
export function mandelbrotKernel(this: KernelThis, left: number, top: number, step: number): number {
  const cx = left + this.thread.x * step;
  const cy = top - this.thread.y * step;
  let x = 0;
  let y = 0;
  let count = 0;
  for (let i = 0; i < this.constants.maxIterations; i++) {
    if (x * x + y * y > 4) break;
    const next = x * x - y * y + cx;
    y = 2 * x * y + cy;
    x = next;
    count++;
  }
  return count;
}

/** Element-wise operations: c[i] = a[i] op b[i]. */
export const ELEMENTWISE = {
  add: function (this: KernelThis, a: number[], b: number[]) {
    return a[this.thread.x] + b[this.thread.x];
  },
  subtract: function (this: KernelThis, a: number[], b: number[]) {
    return a[this.thread.x] - b[this.thread.x];
  },
  multiply: function (this: KernelThis, a: number[], b: number[]) {
    return a[this.thread.x] * b[this.thread.x];
  },
  divide: function (this: KernelThis, a: number[], b: number[]) {
    return a[this.thread.x] / b[this.thread.x];
  },
  min: function (this: KernelThis, a: number[], b: number[]) {
    return Math.min(a[this.thread.x], b[this.thread.x]);
  },
  max: function (this: KernelThis, a: number[], b: number[]) {
    return Math.max(a[this.thread.x], b[this.thread.x]);
  },
};

export type ElementwiseOp = keyof typeof ELEMENTWISE;
export const ELEMENTWISE_OPS = Object.keys(ELEMENTWISE) as ElementwiseOp[];
