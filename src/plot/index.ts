export { timeVsWorkers, speedup, speedupRows, bars, lines, fieldRef, type TimingRow, type ChartOptions, type SpeedupOptions, type LinesOptions } from "./builders.js";
export { renderSvg } from "./svg.js";
export { isVegaLiteSpec, describeSpec, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";
export { timeline, type TimelineOptions } from "./timeline.js";
