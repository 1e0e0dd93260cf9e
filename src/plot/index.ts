export { timeVsWorkers, speedup, speedupRows, bars, lines, fieldRef, type TimingRow, type ChartOptions, type SpeedupOptions, type LinesOptions } from "./builders.js";
export { renderSvg } from "./svg.js";
export { isVegaLiteSpec, describeSpec, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";
export { timeline, type TimelineOptions } from "./timeline.js";
export { traceChart, type TraceChartOptions, type TraceSource } from "./trace.js";
export { concurrency, concurrencySteps, type ConcurrencyOptions } from "./concurrency.js";
export { sequence, type SequenceOptions } from "./sequence.js";
export { amdahlChart, type AmdahlOptions } from "./amdahl.js";
