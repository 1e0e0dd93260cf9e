// Measured speed-ups beside the Amdahl curve fitted to them, and the ideal line.
import { amdahl, amdahlFit, type SpeedupPoint } from "../bench/scaling.js";
import { PRINT_WIDTH } from "./builders.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec.js";

export interface AmdahlOptions {
  title?: string;
  /** The serial fraction of the curve; by default, the one fitted to the points (`amdahlFit`). */
  serial?: number;
  /** The curve runs up to this many workers, beyond the measured ones, to show the ceiling. @default twice the most measured */
  maxWorkers?: number;
  width?: number;
  height?: number;
}

/**
 * Measured strong-scaling speed-ups (dots), the Amdahl curve of their serial fraction, its
 * ceiling 1/f when it is in view, and the dashed ideal line y = workers.
 * @example show(plots.amdahl([{ workers: 1, speedup: 1 }, { workers: 2, speedup: 1.7 }]))
 */
export function amdahlChart(points: readonly SpeedupPoint[], options: AmdahlOptions = {}): VegaLiteSpec {
  const serial = options.serial ?? amdahlFit(points).serial;
  const measuredMax = Math.max(...points.map((p) => p.workers));
  const maxWorkers = options.maxWorkers ?? Math.max(2, 2 * measuredMax);
  const label = `Amdahl, f = ${(100 * serial).toFixed(1)} %`;
  const curve = [];
  for (let n = 1; n <= maxWorkers + 1e-9; n += Math.max(0.05, maxWorkers / 100)) {
    curve.push({ workers: n, speedup: amdahl(serial, n), série: label });
    curve.push({ workers: n, speedup: n, série: "idéal" });
  }
  const measured = points.map((p) => ({ workers: p.workers, speedup: p.speedup, série: "mesuré" }));
  const x = { field: "workers", type: "quantitative", title: "workers", scale: { domain: [1, maxWorkers] } };
  const y = { field: "speedup", type: "quantitative", title: "accélération" };
  const color = { field: "série", type: "nominal", title: null, scale: { domain: ["mesuré", label, "idéal"], range: ["#4c78a8", "#f58518", "gray"] } };
  const layer: object[] = [
    { data: { values: curve }, mark: { type: "line", clip: true }, encoding: { x, y, color, strokeDash: { field: "série", type: "nominal", legend: null, scale: { domain: [label, "idéal"], range: [[1, 0], [4, 4]] } } } },
    { data: { values: measured }, mark: { type: "point", filled: true, size: 70 }, encoding: { x, y, color, tooltip: [{ field: "workers" }, { field: "speedup", format: ".2f" }] } },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? PRINT_WIDTH - 60,
    height: options.height ?? 260,
    config: { legend: { labelLimit: 0, orient: "bottom", direction: "horizontal" } },
    layer,
  };
}
