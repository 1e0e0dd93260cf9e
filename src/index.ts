/**
 * concurrence: threads, processes, timings and plots for a course on concurrency,
 * made to be used from TypeScript notebook cells (tslab).
 * This list is the public API; test/api.test.ts pins it.
 */
import { installHooks } from "./runtime/hooks.js";

export { cpuCount } from "./cpu.js";
export { Thread, ThreadPool } from "./threads/index.js";
export { Process, ProcessPool } from "./processes/index.js";
export type { Pool, PoolOptions, MapOptions, TaskOptions, Task, PoolStats, WorkerStats } from "./pool/index.js";
export {
  Lock,
  RLock,
  Semaphore,
  BoundedSemaphore,
  Event,
  Condition,
  Barrier,
  SharedValue,
  sharedValue,
  sharedArray,
  Queue,
  Pipe,
  Connection,
  type SharedType,
  type SharedArrayOf,
  type QueueOptions,
  type PipeOptions,
  type Waitable,
} from "./sync/index.js";
export { timeit, sweep, workerCounts, summarize, type Timing, type TimeitOptions, type SweepOptions, type Summary } from "./bench/index.js";
export { amdahl, gustafson, amdahlFit, type AmdahlFit, type SpeedupPoint } from "./bench/index.js";
export * as plots from "./plots.js";
export * as checks from "./exercises/index.js";
export * as conclusions from "./conclusions/index.js";
export {
  renderSvg,
  type VegaLiteSpec,
  type TimingRow,
  type ChartOptions,
  type SpeedupOptions,
  type TimelineOptions,
  type LinesOptions,
  type TraceChartOptions,
  type ConcurrencyOptions,
  type SequenceOptions,
} from "./plot/index.js";
export {
  trace,
  traced,
  Trace,
  type TraceOptions,
  type SaveOptions,
  type LiveTraceOptions,
  type TraceEvent,
  type TraceKind,
  type TraceOutcome,
  type TracePlace,
} from "./trace/index.js";
export { processInfo, type ProcessInfo, type OsThread } from "./system/index.js";
export { show, table, progress, Progress, showImages, clearOutput, live, LiveDisplay, type TableOptions, type Row, type MimeBundle, type ImagesOptions, type ClearOutputOptions, type RgbaImage } from "./display/index.js";
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
  TaskTimeoutError,
  PoolClosedError,
  HttpError,
  RequestTimeoutError,
  LockTimeoutError,
  LockNotHeldError,
  BrokenBarrierError,
  QueueEmptyError,
  QueueFullError,
  ChannelClosedError,
  SharedMemoryAcrossProcessesError,
  BackendUnavailableError,
  ResultMismatchError,
  WorkerLimitError,
} from "./errors.js";
export {
  demoServer,
  DemoServer,
  downloadFile,
  downloadSequential,
  downloadConcurrent,
  downloadInThreads,
  crawl,
  extractLinks,
  mapLimit,
  maxOverlap,
  type DemoServerOptions,
  type FaultOptions,
  type ServerStats,
  type RequestRecord,
  type RequestOptions,
  type DownloadJob,
  type DownloadResult,
  type DownloadReport,
  type TimedDownload,
  type BatchOptions,
  type ConcurrentOptions,
  type ThreadDownloadOptions,
  type CrawlOptions,
  type CrawlReport,
  type CrawledPage,
  type CrawlFailure,
} from "./io/index.js";
export {
  slider,
  dropdown,
  checkbox,
  button,
  hbox,
  vbox,
  interact,
  Slider,
  Dropdown,
  Checkbox,
  Button,
  Box,
  Interact,
  type SliderOptions,
  type DropdownOptions,
  type CheckboxOptions,
  type ButtonOptions,
  type InteractContext,
} from "./widgets/index.js";

installHooks();
