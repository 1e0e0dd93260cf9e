export { timeVsWorkers, speedup, speedupRows, bars, lines, type TimingRow, type ChartOptions, type SpeedupOptions, type LinesOptions } from "./builders.js";
export { renderSvg } from "./svg.js";
export { isVegaLiteSpec, describeSpec, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";
