/**
 * concurrence: threads, processes, timings and plots for a course on concurrency,
 * made to be used from TypeScript notebook cells (tslab).
 * This list is the public API; test/api.test.ts pins it.
 */
import { installHooks } from "./runtime/hooks.js";

export { cpuCount } from "./cpu.js";
export { Thread, ThreadPool } from "./threads/index.js";
export { Process, ProcessPool } from "./processes/index.js";
export type { PoolOptions, MapOptions } from "./pool/index.js";
export { timeit, sweep, workerCounts, summarize, type Timing, type TimeitOptions, type SweepOptions, type Summary } from "./bench/index.js";
export * as plots from "./plots.js";
export { renderSvg, type VegaLiteSpec, type TimingRow, type ChartOptions, type SpeedupOptions, type LinesOptions } from "./plot/index.js";
export { show, table, progress, Progress, live, LiveDisplay, type TableOptions, type Row, type MimeBundle, type RgbaImage } from "./display/index.js";
export {
  Gpu,
  gpuReport,
  matmulCpu,
  elementwiseCpu,
  mandelbrotCpu,
  mandelbrotImage,
  compare,
  assertClose,
  randomMatrix,
  randomVector,
  type GpuOptions,
  type KernelSettings,
  type KernelOutput,
  type KernelThis,
  type GpuReport,
  type GpuMode,
  type Comparison,
  type CompareOptions,
  type Matrix,
  type Vector,
  type MandelbrotOptions,
  type MandelbrotResult,
  type ElementwiseOp,
} from "./gpu/index.js";
export { bindToCell, type Teardown } from "./runtime/index.js";
export { seededRandom } from "./random.js";
export {
  ConcurrenceError,
  NotSelfContainedError,
  WorkerCrashedError,
  TaskCancelledError,
  PoolClosedError,
  BackendUnavailableError,
  ResultMismatchError,
} from "./errors.js";

installHooks();
