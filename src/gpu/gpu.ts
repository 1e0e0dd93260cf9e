// A gpu.js instance with the course's ready kernels. It owns one WebGL context (headless-gl)
// shared by all its kernels, and it is registered: re-running its cell destroys it all.
import { BackendUnavailableError, ConcurrenceError } from "../errors.js";
import { describe, plainObject, positiveInteger } from "../options.js";
import { register } from "../runtime/registry.js";
import { GPU_MODES, loadGpuJs, preferredMode, probeBackends, type GpuInstance, type GpuMode, type KernelFunction } from "./backend.js";
import { checkOp } from "./cpu.js";
import { closeContext, openContext, type GlContext } from "./gl.js";
import { checkMatrix, checkProduct, checkSameLength, checkVector, type Matrix, type Vector } from "./inputs.js";
import { ELEMENTWISE, mandelbrotKernel, matmulKernel, type ElementwiseOp, type KernelThis } from "./kernels.js";
import { mandelbrotView, type MandelbrotOptions, type MandelbrotResult } from "./mandelbrot.js";
import { messages } from "../messages/index.js";

export interface KernelSettings {
  /** The output's size: [n] for a vector, [columns, rows] for a matrix, [x, y, z] for a volume. */
  output: number[];
  /** Numbers the kernel reads as `this.constants.name`; loop bounds must be constants. */
  constants?: Record<string, number>;
}

/** What a kernel returns: a Float32Array for a 1-D output, rows of them for 2-D, and so on. */
export type KernelOutput = Float32Array | Float32Array[] | Float32Array[][];

export interface GpuOptions {
  /**
   * The gpu.js backend: "auto" takes gpu.js's first choice here (see `gpuReport()`);
   * "headlessgl", "webasm" or "cpu" asks for one, and fails if it cannot run here.
   * @default "auto"
   */
  mode?: "auto" | GpuMode;
}

/**
 * Runs the course's kernels with gpu.js: matrix product, element-wise operations, Mandelbrot.
 * Kernels are compiled on first use for each size, then reused.
 * @example
 * const gpu = new Gpu();
 * const c = gpu.matmul(randomMatrix(256), randomMatrix(256));
 * await gpu.dispose();
 */
export class Gpu {
  /** The backend that runs the kernels. */
  readonly mode: GpuMode;
  readonly #gpu: GpuInstance;
  readonly #context: GlContext | null;
  readonly #kernels = new Map<string, KernelFunction>();
  readonly #unregister: () => void;
  #disposed: Promise<void> | undefined;
  #custom = 0;

  constructor(options: GpuOptions = {}) {
    const opts = plainObject("options", options);
    const wanted = opts.mode ?? "auto";
    if (wanted !== "auto" && !GPU_MODES.includes(wanted as GpuMode)) {
      throw new RangeError(messages().options.oneOf("options.mode", `auto, ${GPU_MODES.join(", ")}`, describe(wanted)));
    }
    const { available, problem } = probeBackends();
    this.mode = wanted === "auto" ? preferredMode(available) : (wanted as GpuMode);
    if (!available[this.mode]) {
      throw new BackendUnavailableError(messages().gpu.unavailable(this.mode, problem ?? messages().gpu.noWasm));
    }
    const { GPU } = loadGpuJs();
    if (this.mode === "headlessgl") {
      const probe = openContext();
      if (!probe.ok) throw new BackendUnavailableError(messages().gpu.unavailable("headlessgl", probe.reason));
      this.#context = probe.context;
      this.#gpu = new GPU({ context: probe.context });
    } else {
      this.#context = null;
      this.#gpu = new GPU({ mode: this.mode });
    }
    this.#unregister = register({ interrupt: () => {}, dispose: () => this.dispose() });
  }

  /** How many compiled kernels this instance holds. */
  get kernelCount(): number {
    return this.#gpu.kernels.length;
  }

  get disposed(): boolean {
    return this.#disposed !== undefined;
  }

  /**
   * The matrix product a·b (a is m×k, b is k×n, the result m×n), one GPU thread per value.
   * @example gpu.matmul([[1, 2]], [[3], [4]]) // [Float32Array [11]]
   */
  matmul(a: Matrix, b: Matrix): Float32Array[] {
    const left = checkMatrix("a", a);
    const right = checkMatrix("b", b);
    checkProduct(left, right);
    const kernel = this.#kernel(`matmul ${left.height}x${left.width}x${right.width}`, matmulKernel, {
      output: [right.width, left.height],
      constants: { inner: left.width },
    });
    return rows(kernel(left.rows, right.rows), left.height);
  }

  /**
   * c[i] = a[i] op b[i], one GPU thread per value. `op` is add, subtract, multiply, divide, min or max.
   * @example gpu.elementwise("add", [1, 2], [10, 20]) // Float32Array [11, 22]
   */
  elementwise(op: ElementwiseOp, a: Vector, b: Vector): Float32Array {
    const name = checkOp(op);
    const x = checkVector("a", a);
    const y = checkVector("b", b);
    checkSameLength(x, y);
    const kernel = this.#kernel(`${name} ${x.length}`, ELEMENTWISE[name], { output: [x.length] });
    return kernel(x, y) as Float32Array;
  }

  /** The Mandelbrot set's iteration counts, one GPU thread per pixel; `mandelbrotImage(result)` colours them. */
  mandelbrot(options: MandelbrotOptions = {}): MandelbrotResult {
    const { width, height, maxIterations, left, top, step } = mandelbrotView(options);
    const kernel = this.#kernel(`mandelbrot ${width}x${height}x${maxIterations}`, mandelbrotKernel, {
      output: [width, height],
      constants: { maxIterations },
    });
    const counts = new Float32Array(width * height);
    rows(kernel(left, top, step), height).forEach((row, y) => counts.set(row, y * width));
    return { width, height, maxIterations, counts };
  }

  /**
   * Your own kernel: `fn` computes ONE output value, the one at `this.thread` (x, y, z), and
   * gpu.js runs it for every value of `output`. It is written in a subset of JavaScript
   * (numbers, arrays, loops with constant bounds, Math); it is destroyed with this Gpu.
   * @example
   * const square = gpu.createKernel(function (this: KernelThis, v: number[]) {
   *   return v[this.thread.x] * v[this.thread.x];
   * }, { output: [4] });
   * square([1, 2, 3, 4]); // Float32Array [1, 4, 9, 16]
   */
  createKernel<A extends unknown[]>(fn: (this: KernelThis, ...args: A) => number, settings: KernelSettings): (...args: A) => KernelOutput {
    if (typeof fn !== "function") throw new TypeError(messages().options.func("fn", describe(fn)));
    const opts = plainObject("settings", settings);
    const output = opts.output;
    if (!Array.isArray(output) || output.length < 1 || output.length > 3) {
      throw new TypeError(messages().gpu.output(describe(output)));
    }
    output.forEach((size, i) => positiveInteger(`settings.output[${i}]`, size));
    const kernel = this.#kernel(`custom ${this.#custom++}`, fn, { output, constants: opts.constants });
    return kernel as unknown as (...args: A) => KernelOutput;
  }

  /** Destroys the kernels and the WebGL context. Re-running the cell that made this instance does it too. */
  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      this.#unregister();
      this.#kernels.clear();
      try {
        await this.#gpu.destroy(); // every kernel, and the context gpu.js was given
      } finally {
        if (this.#context) closeContext(this.#context);
      }
    })();
    return this.#disposed;
  }

  #kernel(key: string, source: object, settings: object): KernelFunction {
    if (this.#disposed) throw new ConcurrenceError(messages().gpu.disposed);
    let kernel = this.#kernels.get(key);
    if (!kernel) {
      kernel = this.#gpu.createKernel(String(source), { ...settings, tactic: "precision" });
      this.#kernels.set(key, kernel);
    }
    return kernel;
  }
}

/** gpu.js returns a 2-D output as an array of Float32Array rows; a single row may come back flat. */
function rows(output: unknown, height: number): Float32Array[] {
  const result = output as Float32Array[] | Float32Array;
  return height === 1 && result instanceof Float32Array ? [result] : (result as Float32Array[]);
}
